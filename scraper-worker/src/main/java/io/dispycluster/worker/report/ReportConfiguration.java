package io.dispycluster.worker.report;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.web.service.registry.ImportHttpServices;

/**
 * The declarative client of the controller and the threads that retry calls to it.
 */
@Configuration(proxyBeanMethods = false)
@ImportHttpServices(group = "controller", types = ControllerClient.class)
class ReportConfiguration {

	@Bean(destroyMethod = "shutdownNow")
	ScheduledExecutorService controllerCallScheduler() {
		CustomizableThreadFactory threads = new CustomizableThreadFactory("controller-calls-");
		threads.setDaemon(true);
		return new ScheduledThreadPoolExecutor(2, threads);
	}

	@Bean
	ControllerReports controllerReports(ControllerClient controllerClient,
			ScheduledExecutorService controllerCallScheduler, ReportProperties properties) {
		return new ControllerReports(controllerClient, controllerCallScheduler, properties);
	}

}

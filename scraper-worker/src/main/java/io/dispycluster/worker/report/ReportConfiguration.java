package io.dispycluster.worker.report;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;

import io.dispycluster.support.security.InternalTokenProperties;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.support.RestClientHttpServiceGroupConfigurer;
import org.springframework.web.service.registry.HttpServiceGroupConfigurer.ClientCallback;
import org.springframework.web.service.registry.ImportHttpServices;

/**
 * The declarative client of the controller, which carries the cluster's internal token
 * when one is configured (the controller answers 401 to internal calls without it), and
 * the threads that retry calls to it.
 */
@Configuration(proxyBeanMethods = false)
@ImportHttpServices(group = ReportConfiguration.CONTROLLER, types = ControllerClient.class)
class ReportConfiguration {

	static final String CONTROLLER = "controller";

	@Bean
	RestClientHttpServiceGroupConfigurer controllerInternalToken(InternalTokenProperties token) {
		ClientCallback<RestClient.Builder> addToken = (group, client) -> withToken(client, token);
		return (groups) -> groups.filterByName(CONTROLLER).forEachClient(addToken);
	}

	/**
	 * Makes a client send the internal token on every request, when one is set.
	 * @param client the client's builder
	 * @param token the cluster's token settings
	 * @return the same builder
	 */
	static RestClient.Builder withToken(RestClient.Builder client, InternalTokenProperties token) {
		String value = token.internalToken();
		return (value != null) ? client.defaultHeader(InternalTokenProperties.HEADER, value) : client;
	}

	@Bean(destroyMethod = "shutdownNow")
	ScheduledExecutorService controllerCallScheduler() {
		CustomizableThreadFactory threads = new CustomizableThreadFactory("controller-calls-");
		threads.setDaemon(true);
		return new ScheduledThreadPoolExecutor(2, threads);
	}

	@Bean
	ControllerReports controllerReports(ControllerClient controllerClient,
			ScheduledExecutorService controllerCallScheduler, ReportProperties properties, JsonMapper json) {
		return new ControllerReports(controllerClient, controllerCallScheduler, properties, json);
	}

}

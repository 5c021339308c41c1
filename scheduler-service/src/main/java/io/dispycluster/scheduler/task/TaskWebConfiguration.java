package io.dispycluster.scheduler.task;

import io.dispycluster.scheduler.system.UnknownIdFirst;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * An unknown task is a 404 whatever the body of the request ({@link UnknownIdFirst}).
 */
@Configuration(proxyBeanMethods = false)
class TaskWebConfiguration implements WebMvcConfigurer {

	private final Tasks tasks;

	TaskWebConfiguration(Tasks tasks) {
		this.tasks = tasks;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new UnknownIdFirst("taskId", this.tasks::requireExists));
	}

}

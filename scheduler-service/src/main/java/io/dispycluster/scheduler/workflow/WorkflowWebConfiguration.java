package io.dispycluster.scheduler.workflow;

import io.dispycluster.scheduler.system.UnknownIdFirst;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * An unknown workflow is a 404 whatever the body of the request ({@link UnknownIdFirst}).
 */
@Configuration(proxyBeanMethods = false)
class WorkflowWebConfiguration implements WebMvcConfigurer {

	private final Workflows workflows;

	WorkflowWebConfiguration(Workflows workflows) {
		this.workflows = workflows;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new UnknownIdFirst("workflowId", this.workflows::requireExists));
	}

}

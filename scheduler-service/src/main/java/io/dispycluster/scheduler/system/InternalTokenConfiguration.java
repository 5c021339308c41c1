package io.dispycluster.scheduler.system;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Installs the {@link InternalTokenFilter} first in the chain.
 */
@Configuration(proxyBeanMethods = false)
class InternalTokenConfiguration {

	@Bean
	FilterRegistrationBean<InternalTokenFilter> internalTokenFilter(InternalTokenProperties properties,
			JsonMapper json) {
		FilterRegistrationBean<InternalTokenFilter> registration = new FilterRegistrationBean<>(
				new InternalTokenFilter(properties.internalToken(), json));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

}

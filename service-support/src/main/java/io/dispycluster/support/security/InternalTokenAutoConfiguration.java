package io.dispycluster.support.security;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * Installs the {@link InternalTokenFilter} near the head of the chain, right after the
 * request id, so that a refused call is still logged with its id. Every service behind
 * the gateway checks the token; the gateway itself, the front door that adds it, turns
 * the check off with {@code dispycluster.security.check-internal-token=false}.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBooleanProperty(name = "dispycluster.security.check-internal-token", matchIfMissing = true)
@EnableConfigurationProperties(InternalTokenProperties.class)
class InternalTokenAutoConfiguration {

	@Bean
	FilterRegistrationBean<InternalTokenFilter> internalTokenFilter(InternalTokenProperties properties,
			JsonMapper json) {
		FilterRegistrationBean<InternalTokenFilter> registration = new FilterRegistrationBean<>(
				new InternalTokenFilter(properties.internalToken(), json));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

}

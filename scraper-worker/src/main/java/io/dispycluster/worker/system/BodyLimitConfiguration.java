package io.dispycluster.worker.system;

import tools.jackson.databind.json.JsonMapper;

import io.dispycluster.support.body.BodyLimitFilter;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Caps the request bodies the worker reads ({@link BodyLimitFilter}): a body is read
 * whole as a JSON tree before it is checked, and one of about 100 MB sent to
 * {@code POST /scrape} ran the worker out of memory (a 500, and crawls running beside it
 * at risk).
 */
@Configuration(proxyBeanMethods = false)
class BodyLimitConfiguration {

	@Bean
	FilterRegistrationBean<BodyLimitFilter> bodyLimitFilter(BodyLimitProperties properties, JsonMapper json) {
		FilterRegistrationBean<BodyLimitFilter> registration = new FilterRegistrationBean<>(
				new BodyLimitFilter((request) -> properties.maxRequestBodySize(), json));
		// after the request id and the internal token: a refused body is logged with its
		// id, and a caller without the token learns nothing of the limit
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
		return registration;
	}

}

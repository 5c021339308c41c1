package io.dispycluster.controller.system;

import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.json.JsonMapper;

import io.dispycluster.support.body.BodyLimitFilter;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;

/**
 * Caps the request bodies the controller reads ({@link BodyLimitFilter}): the gateway
 * caps those it forwards, but the controller is also called directly (workers, scripts on
 * the LAN), and a body of tens of MB sent to {@code POST /scrape} was read whole. A
 * worker's report, which carries a job's whole result, has its own, larger cap.
 */
@Configuration(proxyBeanMethods = false)
class BodyLimitConfiguration {

	private static final Pattern REPORT = Pattern.compile("/internal/jobs/[^/]+/report/?");

	@Bean
	FilterRegistrationBean<BodyLimitFilter> bodyLimitFilter(BodyLimitProperties properties, JsonMapper json) {
		FilterRegistrationBean<BodyLimitFilter> registration = new FilterRegistrationBean<>(
				new BodyLimitFilter((request) -> limitOf(request, properties), json));
		// after the request id and the internal token: a refused body is logged with its
		// id, and a caller without the token learns nothing of the limits
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
		return registration;
	}

	static DataSize limitOf(HttpServletRequest request, BodyLimitProperties properties) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return REPORT.matcher(path).matches() ? properties.maxReportSize() : properties.maxBodySize();
	}

}

package io.dispycluster.support.negotiation;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Makes every service answer whatever its clients' {@code Accept} header says: an
 * unreadable header is disregarded, and a type no endpoint produces gets the endpoint's
 * JSON (or problem) instead of an empty 406. Browsers and health-check tools ask for
 * {@code text/html} or {@code text/plain}; none of them should read the cluster as down.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class AcceptNegotiationAutoConfiguration {

	// after the request id, the internal token check and the gateway's canonical path
	private static final int UNREADABLE_ACCEPT_ORDER = Ordered.HIGHEST_PRECEDENCE + 6;

	@Bean
	FilterRegistrationBean<UnreadableAcceptFilter> unreadableAcceptFilter() {
		FilterRegistrationBean<UnreadableAcceptFilter> registration = new FilterRegistrationBean<>(
				new UnreadableAcceptFilter());
		registration.setOrder(UNREADABLE_ACCEPT_ORDER);
		return registration;
	}

	@Bean
	FilterRegistrationBean<ActuatorAcceptFilter> actuatorAcceptFilter() {
		FilterRegistrationBean<ActuatorAcceptFilter> registration = new FilterRegistrationBean<>(
				new ActuatorAcceptFilter());
		registration.setOrder(UNREADABLE_ACCEPT_ORDER + 1);
		return registration;
	}

	@Bean
	WebMvcConfigurer jsonWhateverAccept() {
		return new JsonWhateverAccept();
	}

}

package io.dispycluster.scheduler.scrape;

import io.dispycluster.support.security.InternalTokenProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.support.RestClientHttpServiceGroupConfigurer;
import org.springframework.web.service.registry.HttpServiceGroupConfigurer.ClientCallback;
import org.springframework.web.service.registry.ImportHttpServices;

/**
 * Registers the declarative client of the controller, which carries the cluster's
 * internal token when one is configured (the controller refuses calls without it in
 * production).
 */
@Configuration(proxyBeanMethods = false)
@ImportHttpServices(group = ScrapeConfiguration.CONTROLLER, types = ControllerClient.class)
class ScrapeConfiguration {

	static final String CONTROLLER = "controller";

	@Bean
	RestClientHttpServiceGroupConfigurer controllerInternalToken(InternalTokenProperties security) {
		ClientCallback<RestClient.Builder> addToken = (group, client) -> {
			if (security.internalToken() != null) {
				client.defaultHeader(InternalTokenProperties.HEADER, security.internalToken());
			}
		};
		return (groups) -> groups.filterByName(CONTROLLER).forEachClient(addToken);
	}

}

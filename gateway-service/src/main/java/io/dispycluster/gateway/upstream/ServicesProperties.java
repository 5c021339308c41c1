package io.dispycluster.gateway.upstream;

import java.net.URI;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Base URLs of the services behind the gateway, shared with every service through
 * {@code dispycluster.yml}.
 *
 * @param controller the cluster controller, default {@code http://localhost:8081}
 * @param monitoring the monitoring service, default {@code http://localhost:8082}
 * @param scheduler the scheduler, default {@code http://localhost:8083}
 */
@Validated
@ConfigurationProperties("dispycluster.services")
public record ServicesProperties(@NotNull @DefaultValue("http://localhost:8081") URI controller,
		@NotNull @DefaultValue("http://localhost:8082") URI monitoring,
		@NotNull @DefaultValue("http://localhost:8083") URI scheduler) {

	/** The base URL of a service. */
	public URI baseUrl(Service service) {
		return switch (service) {
			case CLUSTER_CONTROLLER -> this.controller;
			case MONITORING -> this.monitoring;
			case SCHEDULER -> this.scheduler;
		};
	}

}

package io.dispycluster.scheduler.system;

import java.net.URI;
import java.nio.file.Path;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings every DispyCluster service shares, usually from {@code dispycluster.yml}.
 *
 * @param dataDir the directory holding the embedded databases; this service's H2 file is
 * {@code <data-dir>/scheduler}
 * @param services the base URLs of the other services
 */
@ConfigurationProperties("dispycluster")
@Validated
public record ClusterProperties(@DefaultValue("./data") @NotNull Path dataDir,
		@DefaultValue @Valid @NotNull Services services) {

	/**
	 * Base URLs of the services of the cluster.
	 *
	 * @param controller the controller (jobs and workers)
	 * @param monitoring the monitoring service
	 * @param scheduler this service
	 */
	public record Services(@DefaultValue("http://localhost:8081") @NotNull URI controller,
			@DefaultValue("http://localhost:8082") @NotNull URI monitoring,
			@DefaultValue("http://localhost:8083") @NotNull URI scheduler) {
	}

}

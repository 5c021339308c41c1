package io.dispycluster.gateway.upstream;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How the gateway calls the services.
 *
 * @param routeTimeout how long a routed call or a scrape forward may wait for the
 * service's answer before the client gets a 504, default 30 s
 * @param connectTimeout how long to wait for a connection before the client gets a 502,
 * default 2 s
 * @param aggregateTimeout how long each call behind the aggregate views ({@code /health},
 * {@code /overview}, {@code /dashboard}, {@code /services}, {@code /metrics}) may take,
 * default 5 s; the calls of one view run at the same time, so a view answers within about
 * this long
 * @param aggregateThreads threads running those calls, default 16
 * @param aggregateMaxBody the largest answer read for those views (and the API
 * documents), default 2 MB: each is read whole, and several views at once, so a larger
 * one (a list of thousands of tasks) stands as an error entry in the view instead of
 * filling the gateway's heap
 */
@Validated
@ConfigurationProperties("dispycluster.gateway")
public record GatewayProperties(@NotNull @DefaultValue("30s") Duration routeTimeout,
		@NotNull @DefaultValue("2s") Duration connectTimeout, @NotNull @DefaultValue("5s") Duration aggregateTimeout,
		@Min(1) @Max(256) @DefaultValue("16") int aggregateThreads,
		@NotNull @DefaultValue("2MB") DataSize aggregateMaxBody) {

	public GatewayProperties {
		if (aggregateMaxBody != null && aggregateMaxBody.toBytes() <= 0) {
			throw new IllegalArgumentException("dispycluster.gateway.aggregate-max-body must be positive");
		}
	}

}

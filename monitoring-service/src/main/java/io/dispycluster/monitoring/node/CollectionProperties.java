package io.dispycluster.monitoring.node;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How the nodes are sampled and how long the samples are kept
 * ({@code dispycluster.monitoring.collection}).
 *
 * @param enabled whether rounds run on their own every {@code interval} (the first at
 * start-up); {@code POST /collect_metrics} runs one in any case
 * @param interval time between the end of one collection round and the start of the next
 * @param timeout connection and read timeout of each request to a node
 * @param staleAfterIntervals a node is offline once its latest sample is older than this
 * many intervals
 * @param retention how long samples (and queue readings, and resolved alerts) are kept;
 * also the longest {@code hours} window the API accepts
 * @param parallelism how many nodes are sampled at the same time
 * @param maxResponseSize the largest answer read from a node (its worker's health and
 * metrics, its node_exporter): a larger one is unreadable, so that a broken or lying node
 * cannot fill this service's memory
 */
@ConfigurationProperties("dispycluster.monitoring.collection")
@Validated
public record CollectionProperties(@DefaultValue("true") boolean enabled, @DefaultValue("15s") Duration interval,
		@DefaultValue("5s") Duration timeout, @DefaultValue("3") @Min(1) int staleAfterIntervals,
		@DefaultValue("7d") Duration retention, @DefaultValue("4") @Min(1) @Max(64) int parallelism,
		@DefaultValue("2MB") DataSize maxResponseSize) {

	public CollectionProperties {
		requireAtLeast("interval", interval, Duration.ofMillis(100));
		requireAtLeast("timeout", timeout, Duration.ofMillis(100));
		requireAtLeast("retention", retention, Duration.ofHours(1));
		if (maxResponseSize.toBytes() < 1024 || maxResponseSize.toBytes() > Integer.MAX_VALUE - 8) {
			throw new IllegalArgumentException(
					"dispycluster.monitoring.collection.max-response-size must be from 1KB to 2047MB, was "
							+ maxResponseSize);
		}
	}

	/** How old the latest sample of a node may be while the node counts as online. */
	public Duration staleAfter() {
		return this.interval.multipliedBy(this.staleAfterIntervals);
	}

	private static void requireAtLeast(String name, Duration value, Duration min) {
		if (value.compareTo(min) < 0) {
			throw new IllegalArgumentException(
					"dispycluster.monitoring.collection." + name + " must be at least " + min + ", was " + value);
		}
	}

}

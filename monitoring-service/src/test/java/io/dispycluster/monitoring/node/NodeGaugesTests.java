package io.dispycluster.monitoring.node;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import io.dispycluster.monitoring.support.MutableClock;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code dispycluster_node_up} says whether a node's latest sample is fresh when
 * Prometheus reads it, so that collection rounds that stop coming turn the nodes down
 * instead of leaving them up forever.
 */
class NodeGaugesTests {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-12-05T12:00:00Z"));

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final CollectionProperties collection = new CollectionProperties(true, Duration.ofSeconds(15),
			Duration.ofSeconds(5), 3, Duration.ofDays(7), 4, DataSize.ofMegabytes(2));

	private final NodeGauges gauges = new NodeGauges(this.registry, this.collection, this.clock);

	@Test
	void aNodeGoesDownOnceItsLatestSampleIsStaleEvenWithoutAnotherRound() {
		NodeSample sample = new NodeSample("pi-1", this.clock.instant(), SampleSource.WORKER, SystemFigures.NONE,
				new Workload(0, 2, null, null));
		this.gauges.refresh(List.of(new NodeView("pi-1", true, sample, null)));
		assertThat(up("pi-1")).isEqualTo(1.0);

		this.clock.advance(Duration.ofSeconds(45));
		assertThat(up("pi-1")).isEqualTo(1.0);

		this.clock.advance(Duration.ofSeconds(1));
		assertThat(up("pi-1")).isEqualTo(0.0);
	}

	@Test
	void aNodeNeverSampledIsDown() {
		this.gauges.refresh(List.of(new NodeView("pi-2", false, null, null)));

		assertThat(up("pi-2")).isEqualTo(0.0);
	}

	private double up(String node) {
		return this.registry.get("dispycluster.node.up").tag("node", node).gauge().value();
	}

}

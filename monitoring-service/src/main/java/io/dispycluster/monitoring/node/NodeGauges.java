package io.dispycluster.monitoring.node;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The nodes' figures as Prometheus gauges, one series per node, refreshed after every
 * collection round: {@code dispycluster_node_up{node}} (1 online, 0 offline) and, for
 * online nodes whose source gives the figure, {@code dispycluster_node_cpu_percent},
 * {@code _memory_percent}, {@code _disk_percent}, {@code _temperature_celsius},
 * {@code _load1}, {@code _load5}, {@code _load15},
 * {@code _network_receive_bytes_per_second}, {@code _network_transmit_bytes_per_second}
 * and {@code _uptime_seconds}. A figure nobody measured has no series rather than a
 * made-up value. Whether a node is up is decided when the gauge is read, so that nodes
 * turn down even if rounds stop coming (a stuck round, a broken scheduler) rather than
 * stay up on their last refresh.
 */
@Component
class NodeGauges {

	private final MultiGauge up;

	private final List<Figure> figures = new ArrayList<>();

	private final CollectionProperties collection;

	private final Clock clock;

	/** The nodes the up gauge reads: held here, as gauges only hold them weakly. */
	private List<NodeView> tracked = List.of();

	/** Nodes offline at the last refresh although fresh: they refused their samplings. */
	private volatile Set<String> refusing = Set.of();

	NodeGauges(MeterRegistry registry, CollectionProperties collection, Clock clock) {
		this.collection = collection;
		this.clock = clock;
		this.up = MultiGauge.builder("dispycluster.node.up")
			.description("Whether the node is online (1): its latest sample fresh, its samplings not refused")
			.register(registry);
		figure(registry, "dispycluster.node.cpu.percent", "CPU busy time in percent", SystemFigures::cpuUsage);
		figure(registry, "dispycluster.node.memory.percent", "Memory in use in percent", SystemFigures::memoryUsage);
		figure(registry, "dispycluster.node.disk.percent", "Space used on / in percent", SystemFigures::diskUsage);
		figure(registry, "dispycluster.node.temperature.celsius", "Hottest temperature sensor in degrees Celsius",
				SystemFigures::temperature);
		figure(registry, "dispycluster.node.load1", "Load average over 1 minute", SystemFigures::load1m);
		figure(registry, "dispycluster.node.load5", "Load average over 5 minutes", SystemFigures::load5m);
		figure(registry, "dispycluster.node.load15", "Load average over 15 minutes", SystemFigures::load15m);
		figure(registry, "dispycluster.node.network.receive.bytes.per.second", "Bytes received per second",
				SystemFigures::networkRxBps);
		figure(registry, "dispycluster.node.network.transmit.bytes.per.second", "Bytes sent per second",
				SystemFigures::networkTxBps);
		figure(registry, "dispycluster.node.uptime.seconds", "Seconds since the node booted",
				(system) -> (system.uptimeS() != null) ? system.uptimeS().doubleValue() : null);
	}

	private void figure(MeterRegistry registry, String name, String description,
			Function<SystemFigures, @Nullable Double> reader) {
		this.figures.add(new Figure(MultiGauge.builder(name).description(description).register(registry), reader));
	}

	synchronized void refresh(List<NodeView> nodes) {
		this.tracked = List.copyOf(nodes);
		Instant now = this.clock.instant();
		this.refusing = nodes.stream()
			.filter((node) -> !node.online() && node.lastUpdate() != null && fresh(node.lastUpdate(), now))
			.map(NodeView::node)
			.collect(Collectors.toUnmodifiableSet());
		this.up.register(this.tracked.stream()
			.map((node) -> MultiGauge.Row.of(Tags.of("node", node.node()), node, this::up))
			.toList(), true);
		for (Figure figure : this.figures) {
			List<MultiGauge.Row<?>> rows = new ArrayList<>();
			for (NodeView node : nodes) {
				Double value = (node.online() && node.latest() != null) ? figure.reader().apply(node.latest().system())
						: null;
				if (value != null) {
					rows.add(MultiGauge.Row.of(Tags.of("node", node.node()), value));
				}
			}
			figure.gauge().register(rows, true);
		}
	}

	/**
	 * 1 while the node's latest sample is fresh and it does not refuse its samplings (as
	 * {@link NodeBoard} decides), else 0. Freshness is read when scraped, so that a node
	 * going stale between two rounds reads 0 at once.
	 */
	private double up(NodeView node) {
		Instant sampledAt = node.lastUpdate();
		boolean fresh = sampledAt != null && fresh(sampledAt, this.clock.instant());
		return (fresh && !this.refusing.contains(node.node())) ? 1 : 0;
	}

	private boolean fresh(Instant sampledAt, Instant now) {
		return !sampledAt.plus(this.collection.staleAfter()).isBefore(now);
	}

	private record Figure(MultiGauge gauge, Function<SystemFigures, @Nullable Double> reader) {
	}

}

package io.dispycluster.monitoring.node;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.stereotype.Component;

/**
 * Publishes the size of the node inventory as {@code dispycluster_monitoring_nodes}.
 */
@Component
class NodeInventoryMetrics implements MeterBinder {

	private final NodeInventoryProperties inventory;

	NodeInventoryMetrics(NodeInventoryProperties inventory) {
		this.inventory = inventory;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("dispycluster.monitoring.nodes", this.inventory, (nodes) -> nodes.nodes().size())
			.description("Nodes in the configured inventory")
			.register(registry);
	}

}

package io.dispycluster.monitoring.node;

import io.dispycluster.support.labels.LabelRules;

import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The node inventory of the cluster ({@code dispycluster.nodes}), shared with the
 * controller through {@code dispycluster.yml}. Empty by default: on a single machine the
 * local worker registers itself with the controller and nothing is monitored here.
 *
 * @param nodes the worker nodes, each named once
 */
@ConfigurationProperties("dispycluster")
@Validated
public record NodeInventoryProperties(@DefaultValue List<@Valid Node> nodes) {

	public NodeInventoryProperties {
		nodes = List.copyOf(nodes);
		Set<String> names = new HashSet<>();
		for (int i = 0; i < nodes.size(); i++) {
			Node node = nodes.get(i);
			if (!names.add(node.name())) {
				throw new IllegalArgumentException(
						"dispycluster.nodes: the node name '" + node.name() + "' is used more than once");
			}
			LabelRules.requireValid(node.labels(), "dispycluster.nodes[" + i + "].labels");
		}
	}

	/**
	 * One worker node.
	 *
	 * @param name the node's name, unique in the inventory (e.g. {@code node6.lan})
	 * @param host the host name or address of the node; its name when not given
	 * @param port the port of the node's scraper worker
	 * @param capacity how many jobs the node's worker runs at once
	 * @param nodeExporter whether the node runs Prometheus node_exporter; when it does,
	 * the node's system figures are read from node_exporter rather than from the worker's
	 * health
	 * @param nodeExporterPort the port node_exporter listens on
	 * @param labels short facts about the node ({@code model: pi4}, {@code zone: attic}),
	 * shown with it in {@code GET /nodes}
	 */
	public record Node(@NotBlank String name, @Nullable String host, @DefaultValue("8080") @Min(1) @Max(65535) int port,
			@DefaultValue("2") @Min(1) int capacity, @DefaultValue("false") boolean nodeExporter,
			@DefaultValue("9100") @Min(1) @Max(65535) int nodeExporterPort, @DefaultValue Map<String, String> labels) {

		public Node {
			host = (host == null || host.isBlank()) ? name : host;
			labels = (labels != null) ? Collections.unmodifiableMap(new TreeMap<>(labels)) : Map.of();
		}

		/** The base URL of the node's scraper worker. */
		public String workerUrl() {
			return "http://" + hostForUrl() + ":" + this.port;
		}

		/** The URL of the node's node_exporter metrics. */
		public String nodeExporterUrl() {
			return "http://" + hostForUrl() + ":" + this.nodeExporterPort + "/metrics";
		}

		private String hostForUrl() {
			String h = java.util.Objects.requireNonNull(this.host);
			return (h.contains(":") && !h.startsWith("[")) ? "[" + h + "]" : h;
		}

	}

}

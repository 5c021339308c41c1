package io.dispycluster.controller.worker;

import io.dispycluster.support.labels.LabelRules;

import java.util.HashSet;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.jspecify.annotations.Nullable;

import io.dispycluster.controller.job.NodeLabels;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The node inventory shared by the services, {@code dispycluster.nodes}. Empty by
 * default: the local worker registers itself.
 *
 * @param nodes the worker nodes, each reached at {@code http://host:port}
 */
@ConfigurationProperties("dispycluster")
@Validated
public record NodeInventoryProperties(@DefaultValue @Valid List<Node> nodes) {

	public NodeInventoryProperties {
		nodes = List.copyOf(nodes);
		Set<String> names = new HashSet<>();
		for (int i = 0; i < nodes.size(); i++) {
			Node node = nodes.get(i);
			checkName(node.name(), "dispycluster.nodes[" + i + "].name");
			if (!names.add(node.name())) {
				throw new IllegalArgumentException(
						"dispycluster.nodes lists the node name '" + node.name() + "' twice");
			}
			checkLabels(node.labels(), "dispycluster.nodes[" + i + "].labels");
		}
	}

	/**
	 * Stops start-up on a name that a worker could not register with (see
	 * {@link NodeNames}): the node would be listed, but {@code GET /workers/{node}} and
	 * its ping could not reach it.
	 * @param name the node's name
	 * @param property where it was configured
	 */
	static void checkName(@Nullable String name, String property) {
		if (name == null) {
			return; // left to @NotBlank, which names it
		}
		if (name.length() > NodeNames.MAX_LENGTH) {
			throw new IllegalArgumentException(
					property + " must hold at most " + NodeNames.MAX_LENGTH + " characters, not " + name.length());
		}
		if (!NodeNames.isPathSegment(name)) {
			throw new IllegalArgumentException(property + " '" + printable(name) + "' " + NodeNames.NOT_A_PATH_SEGMENT
					+ ": it is the last segment of /workers/{node}");
		}
	}

	/** The name as the message shows it, its control characters escaped. */
	private static String printable(String name) {
		StringBuilder text = new StringBuilder();
		name.chars().forEach((c) -> text.append(Character.isISOControl(c) ? String.format("\\u%04x", c) : (char) c));
		return text.toString();
	}

	/**
	 * Stops start-up on labels that break the rules of {@link LabelRules}, naming the
	 * property.
	 * @param labels the labels
	 * @param property where they were configured
	 */
	static void checkLabels(Map<String, String> labels, String property) {
		LabelRules.requireValid(labels, property);
	}

	/** The inventory's labels of a node, empty if it is not listed or has none. */
	Map<String, String> labelsOf(String name) {
		return this.nodes.stream()
			.filter((node) -> node.name().equals(name))
			.findFirst()
			.map(Node::labels)
			.orElse(Map.of());
	}

	/**
	 * One worker node.
	 *
	 * @param name its unique name, e.g. {@code node6.lan}
	 * @param host the host its worker listens on
	 * @param port the worker's port (default 8080)
	 * @param capacity how many jobs it runs at once (default 2; the worker's own health
	 * answer overrides it)
	 * @param labels short facts about the node ({@code model: pi4}, {@code zone: attic})
	 * that jobs may ask for with {@code node_labels}; they override the worker's own key
	 * by key
	 */
	public record Node(@NotBlank String name, @NotBlank String host, @DefaultValue("8080") @Min(1) @Max(65535) int port,
			@DefaultValue("2") @Min(1) @Max(1000) int capacity, @DefaultValue Map<String, String> labels) {

		public Node {
			labels = (labels != null) ? Collections.unmodifiableMap(new TreeMap<>(labels)) : Map.of();
		}

		/** The worker's base URL. */
		public String url() {
			String h = (this.host.contains(":") && !this.host.startsWith("[")) ? "[" + this.host + "]" : this.host;
			return "http://" + h + ":" + this.port;
		}

	}

}

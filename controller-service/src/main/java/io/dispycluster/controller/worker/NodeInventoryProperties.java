package io.dispycluster.controller.worker;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

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
		for (Node node : nodes) {
			if (!names.add(node.name())) {
				throw new IllegalArgumentException(
						"dispycluster.nodes lists the node name '" + node.name() + "' twice");
			}
		}
	}

	/**
	 * One worker node.
	 *
	 * @param name its unique name, e.g. {@code node6.lan}
	 * @param host the host its worker listens on
	 * @param port the worker's port (default 8080)
	 * @param capacity how many jobs it runs at once (default 2; the worker's own health
	 * answer overrides it)
	 */
	public record Node(@NotBlank String name, @NotBlank String host, @DefaultValue("8080") @Min(1) @Max(65535) int port,
			@DefaultValue("2") @Min(1) @Max(1000) int capacity) {

		/** The worker's base URL. */
		public String url() {
			String h = (this.host.contains(":") && !this.host.startsWith("[")) ? "[" + this.host + "]" : this.host;
			return "http://" + h + ":" + this.port;
		}

	}

}

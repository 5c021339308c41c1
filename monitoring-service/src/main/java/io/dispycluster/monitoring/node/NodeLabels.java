package io.dispycluster.monitoring.node;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

/**
 * Node labels ({@code model: pi4}, {@code zone: attic}): the rule by which a node's
 * labels are merged, as the controller merges them.
 */
public final class NodeLabels {

	private NodeLabels() {
	}

	/**
	 * A node's labels as the controller merges them: the worker's own (as the controller
	 * lists them), with the inventory's over them key by key.
	 * @param fromController the labels the controller shows for the node, or null
	 * @param inventory the inventory's labels of the node
	 * @return the merged labels, sorted by key
	 */
	public static Map<String, String> merge(@Nullable Map<String, String> fromController,
			Map<String, String> inventory) {
		Map<String, String> merged = new TreeMap<>();
		if (fromController != null) {
			merged.putAll(fromController);
		}
		merged.putAll(inventory);
		return Collections.unmodifiableMap(merged);
	}

}

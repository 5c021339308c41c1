package io.dispycluster.monitoring.node;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Node labels ({@code model: pi4}, {@code zone: attic}): the rules the controller applies
 * to them, checked here on the inventory so that a bad label stops this service at
 * start-up too, and the rule by which a node's labels are merged.
 */
public final class NodeLabels {

	static final int MAX_LABELS = 20;

	private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,62}");

	private NodeLabels() {
	}

	/**
	 * Throws when labels break the rules, naming the property.
	 * @param labels the labels
	 * @param property where they were configured, e.g.
	 * {@code dispycluster.nodes[0].labels}
	 */
	static void check(Map<String, @Nullable String> labels, String property) {
		if (labels.size() > MAX_LABELS) {
			throw new IllegalArgumentException(
					property + " must hold at most " + MAX_LABELS + " labels, not " + labels.size());
		}
		labels.forEach((key, value) -> {
			if (!KEY.matcher(key).matches()) {
				throw new IllegalArgumentException(property + ": the key '" + key
						+ "' must be 1 to 63 characters among a-z, 0-9, '_', '.' and '-', starting with a letter or digit");
			}
			if (value == null || value.length() > 63) {
				throw new IllegalArgumentException(property + "." + key + " must be a string of at most 63 characters");
			}
		});
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

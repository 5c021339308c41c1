package io.dispycluster.controller.job;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rules of node labels, the short {@code key: value} facts about a node
 * ({@code model: pi4}, {@code zone: attic}) that the inventory and workers declare and
 * that jobs may ask for ({@code node_labels}). One set of rules for all three, so that
 * whatever a job can ask for, a node can offer.
 */
public final class NodeLabels {

	/** The most labels a node or a job may have. */
	public static final int MAX_LABELS = 20;

	/** The longest value. */
	public static final int MAX_VALUE_LENGTH = 63;

	private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,62}");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final TypeReference<Map<String, String>> MAP = new TypeReference<>() {
	};

	private NodeLabels() {
	}

	/** The stored form of labels: a JSON object, or null when there are none. */
	public static @Nullable String toJson(Map<String, String> labels) {
		return labels.isEmpty() ? null : JSON.writeValueAsString(new TreeMap<>(labels));
	}

	/** Labels from their stored form (null: none). */
	public static Map<String, String> fromJson(@Nullable String json) {
		return (json != null) ? Collections.unmodifiableMap(new TreeMap<>(JSON.readValue(json, MAP))) : Map.of();
	}

	/**
	 * What is wrong with a set of labels.
	 * @param labels the labels, maybe null (none)
	 * @param field the name of the field or property that holds them, used in the
	 * messages
	 * @return each problem as a {@code (field, message)} pair, empty when they are valid
	 */
	public static List<Map.Entry<String, String>> problems(@Nullable Map<String, @Nullable String> labels,
			String field) {
		List<Map.Entry<String, String>> problems = new ArrayList<>();
		if (labels == null) {
			return problems;
		}
		if (labels.size() > MAX_LABELS) {
			problems.add(Map.entry(field, "must hold at most " + MAX_LABELS + " labels, not " + labels.size()));
			return problems;
		}
		for (Map.Entry<String, @Nullable String> label : labels.entrySet()) {
			if (!KEY.matcher(label.getKey()).matches()) {
				problems.add(Map.entry(field, "label key '" + label.getKey()
						+ "' must be 1 to 63 characters among a-z, 0-9, '_', '.' and '-', starting with a letter or digit"));
			}
			else if (label.getValue() == null || label.getValue().length() > MAX_VALUE_LENGTH) {
				problems.add(Map.entry(field + "." + label.getKey(),
						"must be a string of at most " + MAX_VALUE_LENGTH + " characters"));
			}
		}
		return problems;
	}

	/**
	 * Whether a node's labels include every label a job asks for (same key, same value).
	 * @param offered the node's labels
	 * @param required the job's {@code node_labels}
	 * @return true when the job may run on the node
	 */
	public static boolean satisfies(Map<String, String> offered, Map<String, String> required) {
		return offered.entrySet().containsAll(required.entrySet());
	}

	/**
	 * The labels a worker ends up with: its own, then the inventory's on top, key by key,
	 * so that the operator's inventory has the last word and a worker still adds what it
	 * knows of itself.
	 * @param declared what the worker declared in its registration
	 * @param inventory what the inventory says of its node (empty if not listed)
	 * @return the merged labels, sorted by key
	 */
	public static Map<String, String> merge(Map<String, String> declared, Map<String, String> inventory) {
		Map<String, String> merged = new TreeMap<>(declared);
		merged.putAll(inventory);
		return Collections.unmodifiableMap(merged);
	}

	/** The labels in a stable order, for storage and display: {@code k=v,k=v}. */
	public static String describe(Map<String, String> labels) {
		StringBuilder text = new StringBuilder();
		new TreeMap<>(labels).forEach((key, value) -> {
			if (!text.isEmpty()) {
				text.append(',');
			}
			text.append(key).append('=').append(value);
		});
		return text.toString();
	}

}

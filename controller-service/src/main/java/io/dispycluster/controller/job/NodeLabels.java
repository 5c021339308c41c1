package io.dispycluster.controller.job;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Node labels in the controller: how they are stored, matched and merged. What a valid
 * label is, {@link io.dispycluster.support.labels.LabelRules} says for every service.
 */
public final class NodeLabels {

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

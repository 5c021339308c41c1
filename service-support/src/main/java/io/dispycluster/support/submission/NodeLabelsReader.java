package io.dispycluster.support.submission;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.dispycluster.support.labels.LabelRules;
import io.dispycluster.support.problem.FieldProblem;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads and checks the {@code node_labels} of a submission: the labels a worker must have
 * to be given the job, an object of strings under the rules of {@link LabelRules}.
 */
public final class NodeLabelsReader {

	private NodeLabelsReader() {
	}

	/**
	 * The labels of a submission's {@code node_labels}; null or absent: none, any worker.
	 * @param node the field's value
	 * @param errors where each problem is added, naming its field
	 * @return the labels (none when they have problems)
	 */
	public static Map<String, String> read(@Nullable JsonNode node, List<FieldProblem> errors) {
		if (node == null || node.isNull()) {
			return Map.of();
		}
		if (!node.isObject()) {
			errors.add(new FieldProblem("node_labels", "must be an object of label names to values"));
			return Map.of();
		}
		Map<String, @Nullable String> labels = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> entry : node.properties()) {
			labels.put(entry.getKey(), entry.getValue().isString() ? entry.getValue().stringValue() : null);
		}
		List<FieldProblem> problems = LabelRules.problems(labels, "node_labels");
		errors.addAll(problems);
		if (!problems.isEmpty()) {
			return Map.of();
		}
		Map<String, String> valid = new LinkedHashMap<>();
		labels.forEach((key, value) -> valid.put(key, String.valueOf(value)));
		return valid;
	}

}

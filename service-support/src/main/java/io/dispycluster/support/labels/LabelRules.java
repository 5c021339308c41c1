package io.dispycluster.support.labels;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import io.dispycluster.support.problem.FieldProblem;

/**
 * The rules of node labels, the short {@code key: value} facts about a node
 * ({@code model: pi4}, {@code zone: attic}) that the inventory and the workers declare
 * and that jobs may ask for ({@code node_labels}). One set of rules for every service, so
 * that whatever a job can ask for, a node can offer, and a label the controller would
 * refuse stops the service that reads it at start-up.
 */
public final class LabelRules {

	/** The most labels a node or a job may have. */
	public static final int MAX_LABELS = 20;

	/** The longest value. */
	public static final int MAX_VALUE_LENGTH = 63;

	private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,62}");

	private LabelRules() {
	}

	/**
	 * What is wrong with a set of labels.
	 * @param labels the labels, maybe null (none)
	 * @param field the field or property that holds them, used in the problems
	 * @return one problem per broken rule, empty when the labels are valid
	 */
	public static List<FieldProblem> problems(@Nullable Map<String, ? extends @Nullable Object> labels, String field) {
		List<FieldProblem> problems = new ArrayList<>();
		if (labels == null) {
			return problems;
		}
		if (labels.size() > MAX_LABELS) {
			problems.add(new FieldProblem(field, "must hold at most " + MAX_LABELS + " labels, not " + labels.size()));
			return problems;
		}
		labels.forEach((key, value) -> {
			if (!KEY.matcher(key).matches()) {
				problems.add(new FieldProblem(field, "label key '" + key
						+ "' must be 1 to 63 characters among a-z, 0-9, '_', '.' and '-', starting with a letter or digit"));
			}
			else if (!(value instanceof String text) || text.length() > MAX_VALUE_LENGTH) {
				problems.add(new FieldProblem(field + "." + key,
						"must be a string of at most " + MAX_VALUE_LENGTH + " characters"));
			}
		});
		return problems;
	}

	/**
	 * Stops on labels that break the rules, naming the property; for configuration read
	 * at start-up.
	 * @param labels the labels
	 * @param property where they were configured, e.g.
	 * {@code dispycluster.nodes[0].labels}
	 * @throws IllegalArgumentException for the first broken rule
	 */
	public static void requireValid(@Nullable Map<String, ? extends @Nullable Object> labels, String property) {
		List<FieldProblem> problems = problems(labels, property);
		if (!problems.isEmpty()) {
			throw new IllegalArgumentException(problems.get(0).field() + " " + problems.get(0).message());
		}
	}

}

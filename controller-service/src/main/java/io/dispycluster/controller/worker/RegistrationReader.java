package io.dispycluster.controller.worker;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.dispycluster.model.worker.WorkerRegistration;
import io.dispycluster.support.problem.FieldProblem;
import io.dispycluster.support.problem.InvalidRequestException;
import io.dispycluster.support.submission.JsonValues;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads the body of {@code POST /internal/workers/register} from its JSON tree, so that
 * one 422 names every missing or bad field. Bound to the record, a body stopped at its
 * first problem (an empty body named only {@code capacity}), had {@code 2.5} cut to
 * {@code 2}, and took a capacity too large for an int for malformed JSON (400). Integers
 * are read as in a job submission ({@link JsonValues}): {@code 2.0} and {@code "2"} are
 * 2, a fraction is refused, and a number of any size out of range is refused naming the
 * range.
 */
final class RegistrationReader {

	private RegistrationReader() {
	}

	/**
	 * The registration, or an {@link InvalidRequestException} naming each bad field (the
	 * rules of {@link WorkerRegistry#problems} included).
	 */
	static WorkerRegistration read(JsonNode body) {
		if (!body.isObject()) {
			throw new InvalidRequestException("body", "must be a JSON object");
		}
		List<FieldProblem> errors = new ArrayList<>();
		String node = requiredString(body, "node", errors);
		String url = requiredString(body, "url", errors);
		Integer capacity = capacity(body, errors);
		Map<String, @Nullable String> labels = labels(body.get("labels"), errors);
		String instanceId = optionalString(body, "instance_id", errors);
		WorkerRegistration registration = new WorkerRegistration(node, url, (capacity != null) ? capacity : 1, labels,
				instanceId);
		Set<String> wrong = new HashSet<>();
		errors.forEach((error) -> wrong.add(error.field()));
		for (FieldProblem problem : WorkerRegistry.problems(registration)) {
			if (!wrong.contains(problem.field().split("\\.", 2)[0])) {
				errors.add(problem);
			}
		}
		if (!errors.isEmpty()) {
			errors.sort(FieldProblem.BY_FIELD);
			throw new InvalidRequestException(errors);
		}
		return registration;
	}

	private static String requiredString(JsonNode body, String field, List<FieldProblem> errors) {
		String value = optionalString(body, field, errors);
		if (value == null && !isSet(body.get(field))) {
			errors.add(new FieldProblem(field, "is required"));
		}
		return (value != null) ? value : "";
	}

	private static @Nullable String optionalString(JsonNode body, String field, List<FieldProblem> errors) {
		JsonNode value = body.get(field);
		if (!isSet(value)) {
			return null;
		}
		if (!value.isString()) {
			errors.add(new FieldProblem(field, "must be a string"));
			return null;
		}
		return value.stringValue();
	}

	private static @Nullable Integer capacity(JsonNode body, List<FieldProblem> errors) {
		if (!isSet(body.get("capacity"))) {
			errors.add(new FieldProblem("capacity", "is required"));
			return null;
		}
		return JsonValues.integerBetween(body, "capacity", 1, WorkerRegistry.MAX_CAPACITY, errors);
	}

	/**
	 * The labels as sent; a value that is no string is kept as null, for
	 * {@link WorkerRegistry#problems} to name it.
	 */
	private static Map<String, @Nullable String> labels(@Nullable JsonNode node, List<FieldProblem> errors) {
		if (!isSet(node)) {
			return Map.of();
		}
		if (!node.isObject()) {
			errors.add(new FieldProblem("labels", "must be an object of label names to values"));
			return Map.of();
		}
		Map<String, @Nullable String> labels = new HashMap<>();
		for (Map.Entry<String, JsonNode> entry : node.properties()) {
			labels.put(entry.getKey(), entry.getValue().isString() ? entry.getValue().stringValue() : null);
		}
		return labels;
	}

	private static boolean isSet(@Nullable JsonNode node) {
		return node != null && !node.isNull();
	}

}

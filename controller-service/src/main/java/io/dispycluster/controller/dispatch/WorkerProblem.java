package io.dispycluster.controller.dispatch;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a worker's refusal of an assignment says, in a few words for the job's history,
 * its {@code error} and its {@code waiting_for}: the fields of its problem's
 * {@code errors} with their messages ({@code spec.user_agent cannot be set on this
 * worker}), or else its {@code detail}. A user then sees which option the worker refuses
 * without reading the worker's log.
 */
final class WorkerProblem {

	private static final int MAX_LENGTH = 300;

	private WorkerProblem() {
	}

	/**
	 * The gist of a worker's problem body.
	 * @param body the body of the refusal, as sent
	 * @param json the mapper
	 * @return the field errors or the detail, or an empty string when the body says
	 * nothing readable
	 */
	static String summary(String body, JsonMapper json) {
		JsonNode problem;
		try {
			problem = json.readTree(body);
		}
		catch (JacksonException ex) {
			return "";
		}
		if (problem == null || !problem.isObject()) {
			return "";
		}
		List<String> parts = new ArrayList<>();
		for (JsonNode error : problem.path("errors")) {
			String field = text(error.path("field"));
			String message = text(error.path("message"));
			if (!field.isEmpty() || !message.isEmpty()) {
				parts.add((field + " " + message).strip());
			}
		}
		String summary = parts.isEmpty() ? text(problem.path("detail")) : String.join("; ", parts);
		return (summary.length() > MAX_LENGTH) ? summary.substring(0, MAX_LENGTH) + "…" : summary;
	}

	private static String text(JsonNode node) {
		return node.isString() ? node.stringValue().strip() : "";
	}

}

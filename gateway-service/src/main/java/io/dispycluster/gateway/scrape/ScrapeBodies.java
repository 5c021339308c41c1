package io.dispycluster.gateway.scrape;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.util.MultiValueMap;

/**
 * Builds the JSON body sent to the controller from what a client sent: the documented
 * JSON object, or the upstream gateway's forms (query parameters; for a batch, a bare
 * array of URLs with the options in the query string). Values are not checked here: the
 * controller validates them and names each bad field.
 */
final class ScrapeBodies {

	private static final Set<String> INTEGER_FIELDS = Set.of("max_pages", "timeout_s", "priority", "max_duration_s",
			"max_depth", "delay_ms");

	private static final Set<String> BOOLEAN_FIELDS = Set.of("same_origin_only");

	private static final Pattern INTEGER = Pattern.compile("[+-]?\\d{1,9}");

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private ScrapeBodies() {
	}

	/**
	 * The body of a single scrape: the JSON object, completed by the query parameters it
	 * does not already carry (or carries as {@code null}).
	 * @throws NotAJsonObject when the body is JSON but not an object
	 */
	static ObjectNode single(@Nullable JsonNode body, MultiValueMap<String, String> query) {
		if (body != null && !body.isObject()) {
			throw new NotAJsonObject("must be a JSON object");
		}
		ObjectNode result = (body != null) ? (ObjectNode) body.deepCopy() : NODES.objectNode();
		return withQuery(result, query);
	}

	/**
	 * The body of a batch: the JSON object, or a bare array of URLs wrapped as
	 * {@code urls}, completed by the query parameters.
	 * @throws NotAJsonObject when the body is neither an object nor an array
	 */
	static ObjectNode batch(@Nullable JsonNode body, MultiValueMap<String, String> query) {
		ObjectNode result = NODES.objectNode();
		if (body != null && body.isArray()) {
			result.set("urls", body.deepCopy());
		}
		else if (body != null && body.isObject()) {
			result = (ObjectNode) body.deepCopy();
		}
		else if (body != null) {
			throw new NotAJsonObject("must be a JSON object or an array of URLs");
		}
		return withQuery(result, query);
	}

	private static ObjectNode withQuery(ObjectNode body, MultiValueMap<String, String> query) {
		for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
			String name = parameter.getKey();
			// a field sent as null has no value: the query string may give it one
			JsonNode sent = body.path(name);
			if ((sent.isMissingNode() || sent.isNull()) && !parameter.getValue().isEmpty()) {
				body.set(name, value(name, parameter.getValue()));
			}
		}
		return body;
	}

	private static JsonNode value(String name, List<String> values) {
		if ("urls".equals(name) || values.size() > 1) {
			ArrayNode array = NODES.arrayNode();
			values.forEach((value) -> array.add(scalar(name, value)));
			return array;
		}
		return scalar(name, values.get(0));
	}

	private static JsonNode scalar(String name, String value) {
		String trimmed = value.trim();
		if (INTEGER_FIELDS.contains(name) && INTEGER.matcher(trimmed).matches()) {
			return NODES.numberNode(Integer.parseInt(trimmed));
		}
		if (BOOLEAN_FIELDS.contains(name) && ("true".equalsIgnoreCase(trimmed) || "false".equalsIgnoreCase(trimmed))) {
			return NODES.booleanNode(Boolean.parseBoolean(trimmed));
		}
		// anything else goes as text: the controller answers 422 naming the field
		return NODES.stringNode(value);
	}

	/**
	 * The body is JSON, but of a shape the endpoint cannot take; says what it must be.
	 */
	static class NotAJsonObject extends RuntimeException {

		NotAJsonObject(String message) {
			super(message);
		}

	}

}

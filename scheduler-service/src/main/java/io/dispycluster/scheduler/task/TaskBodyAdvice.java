package io.dispycluster.scheduler.task;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import io.dispycluster.scheduler.schedule.ScheduleType;
import io.dispycluster.scheduler.scrape.CrawlFields;
import io.dispycluster.support.problem.FieldProblem;
import io.dispycluster.support.problem.InvalidRequestException;
import io.dispycluster.support.problem.Problems;
import io.dispycluster.support.submission.JsonValues;

/**
 * Checks the JSON of a task body before it is bound to a {@link TaskRequest}. Bound as it
 * comes, a body would stop at its first value of the wrong type, have {@code 5.5} cut to
 * {@code 5}, a label {@code 5} turned into {@code "5"}, and a number too large for an int
 * called "not JSON". Here one 422 names every field of the wrong type; the lax forms the
 * upstream accepts ({@code 5.0}, {@code "5"}, {@code "true"}) are rewritten in their
 * plain form; integers beyond an int are clamped, so that the range check names them; and
 * the crawl fields and node labels are checked with the controller's own rules. Ranges,
 * sizes and schedules are left to the bean validation of the bound request; when a field
 * has the wrong type, the request is not bound, so that validation runs here on the other
 * fields, and the 422 names those out of range too.
 */
@ControllerAdvice
class TaskBodyAdvice extends RequestBodyAdviceAdapter {

	private static final List<String> INTEGERS = List.of("max_pages", "timeout_s", "priority");

	private static final List<String> BOOLEANS = List.of("same_origin_only", "allow_concurrent_runs");

	private static final List<String> STRINGS = List.of("name", "description");

	private final JsonMapper json;

	private final Validator validator;

	TaskBodyAdvice(JsonMapper json, Validator validator) {
		this.json = json;
		this.validator = validator;
	}

	@Override
	public boolean supports(MethodParameter parameter, Type targetType,
			Class<? extends HttpMessageConverter<?>> converterType) {
		return targetType == TaskRequest.class;
	}

	@Override
	public HttpInputMessage beforeBodyRead(HttpInputMessage input, MethodParameter parameter, Type targetType,
			Class<? extends HttpMessageConverter<?>> converterType) throws IOException {
		byte[] bytes = input.getBody().readAllBytes();
		JsonNode body;
		try {
			body = this.json.readTree(bytes);
		}
		catch (JacksonException malformed) {
			// the converter reads it again and answers as for any malformed body
			return new Body(input.getHeaders(), bytes);
		}
		if (!(body instanceof ObjectNode object)) {
			return new Body(input.getHeaders(), bytes);
		}
		return new Body(input.getHeaders(), this.json.writeValueAsBytes(checked(object)));
	}

	/**
	 * The body in plain form, or an {@link InvalidRequestException} naming each bad
	 * field.
	 */
	private ObjectNode checked(ObjectNode body) {
		List<FieldProblem> problems = new ArrayList<>();
		ObjectNode plain = body.deepCopy();
		STRINGS.forEach((field) -> requireString(body, field, problems));
		INTEGERS.forEach((field) -> integer(body, field, problems, plain));
		BOOLEANS.forEach((field) -> {
			Boolean value = JsonValues.booleanOf(body.get(field), field, problems);
			if (value != null) {
				plain.put(field, value);
			}
		});
		urls(body.get("urls"), problems);
		scheduleType(body.get("schedule_type"), problems);
		if (isSet(body.get("schedule_config")) && !body.get("schedule_config").isObject()) {
			problems.add(new FieldProblem("schedule_config", "must be an object"));
		}
		crawlFields(body, problems, plain);
		if (!problems.isEmpty()) {
			problems.addAll(constraintProblems(plain, problems));
			problems.sort(FieldProblem.BY_FIELD);
			throw new InvalidRequestException(problems);
		}
		return plain;
	}

	/**
	 * The constraint violations of the fields that have the right type (those of the
	 * wrong type are left out of the request validated).
	 */
	private List<FieldProblem> constraintProblems(ObjectNode plain, List<FieldProblem> typeProblems) {
		Set<String> wrong = new HashSet<>();
		typeProblems.forEach((problem) -> wrong.add(topLevel(problem.field())));
		if (wrong.contains("schedule_type")) {
			// a schedule is read by its type: without one, its configuration means
			// nothing
			wrong.add("schedule_config");
		}
		ObjectNode rest = plain.deepCopy();
		rest.remove(wrong);
		TaskRequest request;
		try {
			request = this.json.treeToValue(rest, TaskRequest.class);
		}
		catch (JacksonException ex) {
			return List.of();
		}
		List<FieldProblem> problems = new ArrayList<>();
		for (ConstraintViolation<TaskRequest> violation : this.validator.validate(request)) {
			String field = Problems.snakeCase(field(violation.getPropertyPath()));
			if (!wrong.contains(topLevel(field))) {
				problems.add(new FieldProblem(field, violation.getMessage()));
			}
		}
		return problems;
	}

	/**
	 * A violation's path as the 422 names it: {@code urls[0]},
	 * {@code scheduleConfig.cron}.
	 */
	private static String field(Path path) {
		StringBuilder field = new StringBuilder();
		for (Path.Node node : path) {
			if (node.isInIterable() && field.length() > 0) {
				field.append('[').append((node.getIndex() != null) ? node.getIndex() : node.getKey()).append(']');
			}
			if (node.getName() != null && !node.getName().startsWith("<")) {
				field.append((field.length() > 0) ? "." : "").append(node.getName());
			}
		}
		return field.toString();
	}

	private static String topLevel(String field) {
		return field.split("[.\\[]", 2)[0];
	}

	private static void requireString(JsonNode body, String field, List<FieldProblem> problems) {
		if (isSet(body.get(field)) && !body.get(field).isString()) {
			problems.add(new FieldProblem(field, "must be a string"));
		}
	}

	private static void integer(JsonNode body, String field, List<FieldProblem> problems, ObjectNode plain) {
		if (!isSet(body.get(field))) {
			return;
		}
		BigDecimal value = JsonValues.integral(body.get(field));
		if (value == null) {
			problems.add(new FieldProblem(field, "must be an integer"));
			return;
		}
		BigDecimal min = BigDecimal.valueOf(Integer.MIN_VALUE);
		BigDecimal max = BigDecimal.valueOf(Integer.MAX_VALUE);
		plain.put(field, value.max(min).min(max).intValue());
	}

	private static void urls(JsonNode urls, List<FieldProblem> problems) {
		if (!isSet(urls)) {
			return;
		}
		if (!urls.isArray()) {
			problems.add(new FieldProblem("urls", "must be an array of URLs"));
			return;
		}
		for (int i = 0; i < urls.size(); i++) {
			if (!urls.get(i).isString()) {
				problems.add(new FieldProblem("urls[" + i + "]", "must be a string holding an http or https URL"));
			}
		}
	}

	private static void scheduleType(JsonNode type, List<FieldProblem> problems) {
		if (!isSet(type)) {
			return;
		}
		List<String> names = Arrays.stream(ScheduleType.values())
			.map((value) -> value.name().toLowerCase(Locale.ROOT))
			.toList();
		if (!type.isString() || !names.contains(type.stringValue().strip().toLowerCase(Locale.ROOT))) {
			problems.add(new FieldProblem("schedule_type", "must be one of: " + String.join(", ", names)));
		}
	}

	/** Checks the crawl fields with the controller's rules and puts them back as read. */
	private static void crawlFields(ObjectNode body, List<FieldProblem> problems, ObjectNode plain) {
		List<FieldProblem> crawlProblems = new ArrayList<>();
		CrawlFields fields = CrawlFields.read(body, crawlProblems);
		problems.addAll(crawlProblems);
		if (crawlProblems.isEmpty()) {
			plain.remove(CrawlFields.NAMES);
			fields.asMap().forEach(plain::putPOJO);
		}
	}

	private static boolean isSet(JsonNode node) {
		return node != null && !node.isNull();
	}

	/** The body to bind, read again from memory. */
	private record Body(HttpHeaders headers, byte[] bytes) implements HttpInputMessage {

		Body {
			HttpHeaders copy = new HttpHeaders();
			copy.putAll(headers);
			copy.remove(HttpHeaders.CONTENT_LENGTH);
			headers = copy;
		}

		@Override
		public InputStream getBody() {
			return new ByteArrayInputStream(this.bytes);
		}

		@Override
		public HttpHeaders getHeaders() {
			return this.headers;
		}

	}

}

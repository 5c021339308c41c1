package io.dispycluster.scheduler.system;

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
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import io.dispycluster.scheduler.schedule.ScheduleType;
import io.dispycluster.support.problem.FieldProblem;
import io.dispycluster.support.problem.InvalidRequestException;
import io.dispycluster.support.problem.Problems;
import io.dispycluster.support.submission.JsonValues;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.util.unit.DataSize;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

/**
 * Checks the JSON of a request body before it is bound to its record. Bound as it comes,
 * a body would stop at its first value of the wrong type, have {@code 5.5} cut to
 * {@code 5}, a number {@code 5} turned into {@code "5"}, and a number too large for an
 * int called "not JSON". Here one 422 names every field of the wrong type: a subclass
 * checks the types of its fields ({@link #check}) and rewrites the lax forms the upstream
 * accepts ({@code 5.0}, {@code "5"}, {@code "true"}) in their plain form; integers beyond
 * an int are clamped, so that the range check names them. Ranges, sizes and schedules are
 * left to the bean validation of the bound record; when a field has the wrong type, the
 * record is not bound, so that validation runs here on the other fields, and the 422
 * names those out of range too.
 *
 * @param <T> the record the body is bound to
 */
public abstract class CheckedBodyAdvice<T> extends RequestBodyAdviceAdapter {

	/**
	 * The largest body read: above the largest definition that passes validation, and
	 * small enough that a huge body cannot run the service out of memory (it is held
	 * whole, parsed and copied) as a 20 MB one did with a Raspberry Pi's heap.
	 */
	static final int MAX_BODY_BYTES = 2 * 1024 * 1024;

	private final Class<T> type;

	private final JsonMapper json;

	private final Validator validator;

	protected CheckedBodyAdvice(Class<T> type, JsonMapper json, Validator validator) {
		this.type = type;
		this.json = json;
		this.validator = validator;
	}

	/**
	 * Checks the type of each field of the body, adding a problem for each of the wrong
	 * type, and puts the plain form of the lax ones into {@code plain} (a copy of the
	 * body).
	 */
	protected abstract void check(ObjectNode body, ObjectNode plain, List<FieldProblem> problems);

	@Override
	public boolean supports(MethodParameter parameter, Type targetType,
			Class<? extends HttpMessageConverter<?>> converterType) {
		return targetType == this.type;
	}

	@Override
	public HttpInputMessage beforeBodyRead(HttpInputMessage input, MethodParameter parameter, Type targetType,
			Class<? extends HttpMessageConverter<?>> converterType) throws IOException {
		byte[] bytes = input.getBody().readNBytes(MAX_BODY_BYTES + 1);
		if (bytes.length > MAX_BODY_BYTES) {
			throw new ErrorResponseException(HttpStatus.CONTENT_TOO_LARGE,
					Problems.payloadTooLarge(DataSize.ofBytes(MAX_BODY_BYTES)), null);
		}
		JsonNode body;
		try {
			body = this.json.readTree(bytes);
		}
		catch (JacksonException malformed) {
			// a 400 as for any malformed body: bound again, one beginning with '[' (an
			// array never closed) would fail first as "body: must be an object", a 422
			throw new HttpMessageNotReadableException("Malformed JSON: " + malformed.getOriginalMessage(), malformed,
					input);
		}
		if (body == null || body.isMissingNode()) {
			// only blanks: as absent as an empty body
			throw new HttpMessageNotReadableException("Required request body is missing", input);
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
		check(body, plain, problems);
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
		T request;
		try {
			request = this.json.treeToValue(rest, this.type);
		}
		catch (JacksonException ex) {
			return List.of();
		}
		List<FieldProblem> problems = new ArrayList<>();
		for (ConstraintViolation<T> violation : this.validator.validate(request)) {
			String field = Problems.snakeCase(field(violation.getPropertyPath()));
			if (!wrong.contains(topLevel(field))) {
				problems.add(new FieldProblem(field, violation.getMessage()));
			}
		}
		return problems;
	}

	/**
	 * A violation's path as the 422 names it: {@code urls[0]},
	 * {@code scheduleConfig.cron}, {@code steps[0].stepId}.
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

	/**
	 * A string field of {@code container}, named {@code name} in the problem.
	 */
	protected static void requireString(JsonNode container, String field, String name, List<FieldProblem> problems) {
		if (isSet(container.get(field)) && !container.get(field).isString()) {
			problems.add(new FieldProblem(name, "must be a string"));
		}
	}

	/**
	 * An integer field of {@code container}, named {@code name} in the problem, put into
	 * {@code plain} in plain form, clamped to an int.
	 */
	protected static void integer(JsonNode container, String field, String name, List<FieldProblem> problems,
			ObjectNode plain) {
		if (!isSet(container.get(field))) {
			return;
		}
		BigDecimal value = JsonValues.integral(container.get(field));
		if (value == null) {
			problems.add(new FieldProblem(name, "must be an integer"));
			return;
		}
		BigDecimal min = BigDecimal.valueOf(Integer.MIN_VALUE);
		BigDecimal max = BigDecimal.valueOf(Integer.MAX_VALUE);
		plain.put(field, value.max(min).min(max).intValue());
	}

	/** A field that must hold one of an enum's values, in any case. */
	protected static void oneOf(JsonNode value, String name, Class<? extends Enum<?>> values,
			List<FieldProblem> problems) {
		if (!isSet(value)) {
			return;
		}
		List<String> names = Arrays.stream(values.getEnumConstants())
			.map((constant) -> constant.name().toLowerCase(Locale.ROOT))
			.toList();
		if (!value.isString() || !names.contains(value.stringValue().strip().toLowerCase(Locale.ROOT))) {
			problems.add(new FieldProblem(name, "must be one of: " + String.join(", ", names)));
		}
	}

	/**
	 * {@code schedule_type} and {@code schedule_config}, as tasks and workflows have
	 * them.
	 */
	protected static void schedule(JsonNode body, List<FieldProblem> problems) {
		oneOf(body.get("schedule_type"), "schedule_type", ScheduleType.class, problems);
		if (isSet(body.get("schedule_config")) && !body.get("schedule_config").isObject()) {
			problems.add(new FieldProblem("schedule_config", "must be an object"));
		}
	}

	protected static boolean isSet(@Nullable JsonNode node) {
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

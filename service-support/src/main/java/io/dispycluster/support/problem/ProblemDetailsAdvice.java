package io.dispycluster.support.problem;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonPointer;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;

import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import io.dispycluster.support.body.BodyLimitFilter;
import io.dispycluster.support.body.BodyTooLargeException;

/**
 * Turns every error into an RFC 9457 problem with a stable type: malformed JSON gives
 * 400, invalid values 422 with the bad fields, unknown paths 404, and anything unexpected
 * a logged 500 problem without a stack trace.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

	private static final Logger LOG = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

	private static final int STORAGE_RETRY_AFTER_SECONDS = 5;

	private static final Set<String> BUSY_STATES = Set.of("HYT00", "55P03", "57014");

	@Override
	protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldProblem> errors = new ArrayList<>();
		for (FieldError error : ex.getBindingResult().getFieldErrors()) {
			errors.add(new FieldProblem(Problems.snakeCase(error.getField()), message(error)));
		}
		ex.getBindingResult()
			.getGlobalErrors()
			.forEach((error) -> errors.add(new FieldProblem(error.getObjectName(), message(error))));
		// bean validation reports in no particular order: list the fields as a reader
		// would
		errors.sort(FieldProblem.BY_FIELD);
		return invalid(ex, errors, headers, request);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
			HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldProblem> errors = new ArrayList<>();
		ex.getParameterValidationResults().forEach((result) -> {
			String field = parameterName(result.getMethodParameter());
			result.getResolvableErrors().forEach((error) -> errors.add(new FieldProblem(field, message(error))));
		});
		return invalid(ex, errors, headers, request);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		String field = (ex instanceof MethodArgumentTypeMismatchException mismatch) ? mismatch.getName()
				: String.valueOf(ex.getPropertyName());
		String expected = (ex.getRequiredType() != null) ? typeName(ex.getRequiredType()) : "another type";
		return invalid(ex, List.of(new FieldProblem(Problems.snakeCase(field), "must be " + expected)), headers,
				request);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleMissingServletRequestParameter(
			MissingServletRequestParameterException ex, HttpHeaders headers, HttpStatusCode status,
			WebRequest request) {
		return invalid(ex, List.of(new FieldProblem(ex.getParameterName(), "is required")), headers, request);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		BodyTooLargeException tooLarge = cause(ex, BodyTooLargeException.class);
		if (tooLarge != null) {
			return tooLarge(ex, tooLarge, request);
		}
		InputCoercionException outOfRange = cause(ex, InputCoercionException.class);
		JsonParser parser = (outOfRange != null) ? outOfRange.processor() : null;
		if (outOfRange != null && parser != null) {
			// a number too large for its field is no malformed JSON: a value out of its
			// range, as a smaller one past the field's bounds is
			return invalid(ex,
					List.of(new FieldProblem(path(parser.streamReadContext().pathAsPointer()),
							"must be " + typeName(outOfRange.getTargetType()) + " within its range")),
					headers, request);
		}
		DatabindException databind = cause(ex, DatabindException.class);
		if (databind != null && cause(ex, StreamReadException.class) == null && !isTrailingContent(databind)) {
			return invalid(ex, List.of(new FieldProblem(path(databind), describe(databind))), headers, request);
		}
		String detail = (cause(ex, JacksonException.class) != null) ? "Le corps de la requête n'est pas un JSON valide"
				: "Le corps de la requête est absent ou illisible";
		ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request", detail);
		return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return notFound(ex, ex.getHttpMethod() + " /" + ex.getResourcePath(), headers, request);
	}

	// what an unknown path gives without the static-resource mapping (NoStaticResources)
	@Override
	protected @Nullable ResponseEntity<Object> handleNoHandlerFoundException(NoHandlerFoundException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return notFound(ex, ex.getHttpMethod() + " " + ex.getRequestURL(), headers, request);
	}

	private @Nullable ResponseEntity<Object> notFound(Exception ex, String target, HttpHeaders headers,
			WebRequest request) {
		ProblemDetail problem = Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found",
				"Aucune ressource à l'adresse " + target);
		return handleExceptionInternal(ex, problem, headers, HttpStatus.NOT_FOUND, request);
	}

	/**
	 * The catch-all: an exception nobody expected is a bug on our side. It is logged with
	 * its stack trace, and the client gets a problem without it.
	 */
	@ExceptionHandler(Exception.class)
	@Nullable ResponseEntity<Object> handleUnexpected(Exception ex, WebRequest request) {
		BodyTooLargeException tooLarge = cause(ex, BodyTooLargeException.class);
		if (tooLarge != null) {
			// a body read by hand rather than bound, past the BodyLimitFilter's limit
			return tooLarge(ex, tooLarge, request);
		}
		if (isTextTheDatabaseCannotHold(ex)) {
			ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, Problems.slugFor(HttpStatus.BAD_REQUEST),
					HttpStatus.BAD_REQUEST.getReasonPhrase(),
					"Requête refusée : un texte contient le caractère NUL (\\u0000), que la base de données n'accepte pas");
			return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
		}
		if (isStorageUnavailable(ex)) {
			// not a bug of ours and nothing the client did wrong: the database is down or
			// unreachable, and the same request may well succeed in a moment
			LOG.warn("Database unavailable on {}: {}", request.getDescription(false), ex.getMessage());
			return storageUnavailable(ex, "Base de données indisponible, réessayez dans un instant", request);
		}
		if (isStorageBusy(ex)) {
			// the database is up but gave up on this request to let others through (a
			// lock waited for too long, a deadlock or a serialization conflict broken):
			// the same request sent again in a moment is the way out
			LOG.warn("Database busy on {}: {}", request.getDescription(false), ex.getMessage());
			return storageUnavailable(ex, "Base de données occupée, réessayez dans un instant", request);
		}
		LOG.error("Unexpected error on {}", request.getDescription(false), ex);
		ProblemDetail problem = Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
				"Erreur interne du service");
		return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
	}

	private @Nullable ResponseEntity<Object> storageUnavailable(Exception ex, String detail, WebRequest request) {
		ProblemDetail problem = Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "storage-unavailable",
				"Storage unavailable", detail);
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.RETRY_AFTER, String.valueOf(STORAGE_RETRY_AFTER_SECONDS));
		return handleExceptionInternal(ex, problem, headers, HttpStatus.SERVICE_UNAVAILABLE, request);
	}

	/**
	 * The 413 of a body without a declared length that went past the
	 * {@link BodyLimitFilter}'s limit while it was read.
	 */
	private @Nullable ResponseEntity<Object> tooLarge(Exception ex, BodyTooLargeException tooLarge,
			WebRequest request) {
		HttpHeaders headers = new HttpHeaders();
		// the client may still be sending: do not keep the connection for the rest of it
		headers.set(HttpHeaders.CONNECTION, "close");
		return handleExceptionInternal(ex, Problems.payloadTooLarge(tooLarge.limit()), headers,
				HttpStatus.CONTENT_TOO_LARGE, request);
	}

	/**
	 * PostgreSQL refuses the NUL character in text (SQL state 22021, "invalid byte
	 * sequence for encoding UTF8: 0x00"), which JSON carries as {@code \\u0000} and H2
	 * stores: a value the client sent that no column can hold, wherever it came from, not
	 * a failure of ours. Checked by SQL state, so that this module needs no database
	 * classes.
	 */
	private static boolean isTextTheDatabaseCannotHold(Throwable ex) {
		return anySqlState(ex, "22021"::equals);
	}

	/**
	 * The database cannot be reached: no connection could be had from the pool in time
	 * ({@link SQLTransientConnectionException}), the connection broke, or the server is
	 * shutting down or starting (SQL states of class 08, and PostgreSQL's 57P01 to
	 * 57P03). Checked on the JDBC exceptions, so that this module needs no database
	 * classes.
	 */
	private static boolean isStorageUnavailable(Throwable ex) {
		return cause(ex, SQLTransientConnectionException.class) != null
				|| cause(ex, SQLNonTransientConnectionException.class) != null
				|| anySqlState(ex, (state) -> state.startsWith("08") || state.matches("57P0[123]"));
	}

	/**
	 * The database gave up on the request while others held what it needed: a lock waited
	 * for past its timeout (H2's {@code LOCK_TIMEOUT}, SQL state HYT00; PostgreSQL's
	 * 55P03), a deadlock or serialization conflict it broke (class 40), or a statement it
	 * cancelled at its timeout (57014). H2 raises these as {@link SQLTransientException}s
	 * ({@link java.sql.SQLTimeoutException},
	 * {@link java.sql.SQLTransactionRollbackException}), the PostgreSQL driver as plain
	 * {@link SQLException}s with their state.
	 */
	private static boolean isStorageBusy(Throwable ex) {
		return cause(ex, SQLTransientException.class) != null
				|| anySqlState(ex, (state) -> state.startsWith("40") || BUSY_STATES.contains(state));
	}

	/**
	 * Whether {@code ex} or one of its causes is a {@link SQLException} with such a
	 * state.
	 */
	private static boolean anySqlState(Throwable ex, Predicate<String> state) {
		return causes(ex).anyMatch((cause) -> cause instanceof SQLException sql && sql.getSQLState() != null
				&& state.test(sql.getSQLState()));
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body,
			HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
		if (body == null && ex instanceof ErrorResponse errorResponse) {
			body = errorResponse.updateAndGetBody(getMessageSource(), LocaleContextHolder.getLocale());
		}
		// Framework errors come without a type ("about:blank"); give each status a stable
		// one.
		if (body instanceof ProblemDetail problem
				&& (problem.getType() == null || "about:blank".equals(problem.getType().toString()))) {
			problem.setType(Problems.type(Problems.slugFor(statusCode)));
		}
		return super.handleExceptionInternal(ex, body, headers, statusCode, request);
	}

	private @Nullable ResponseEntity<Object> invalid(Exception ex, List<FieldProblem> errors, HttpHeaders headers,
			WebRequest request) {
		return handleExceptionInternal(ex, Problems.invalid(errors), headers, HttpStatus.UNPROCESSABLE_CONTENT,
				request);
	}

	private static String message(MessageSourceResolvable error) {
		return (error.getDefaultMessage() != null) ? error.getDefaultMessage() : "is invalid";
	}

	private static String parameterName(MethodParameter parameter) {
		RequestParam requestParam = parameter.getParameterAnnotation(RequestParam.class);
		if (requestParam != null && !requestParam.name().isEmpty()) {
			return requestParam.name();
		}
		String name = parameter.getParameterName();
		return Problems.snakeCase((name != null) ? name : "arg" + parameter.getParameterIndex());
	}

	private static String path(JacksonException ex) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : ex.getPath()) {
			if (reference.getPropertyName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.isEmpty() ? "body" : path.toString();
	}

	/**
	 * A JSON pointer as the 422 names a field: {@code /steps/0/step_id} is
	 * {@code steps[0].step_id}.
	 */
	private static String path(JsonPointer pointer) {
		StringBuilder path = new StringBuilder();
		for (JsonPointer at = pointer; at != null && !at.matches(); at = at.tail()) {
			if (at.mayMatchElement()) {
				path.append('[').append(at.getMatchingIndex()).append(']');
			}
			else {
				path.append(path.isEmpty() ? "" : ".").append(at.getMatchingProperty());
			}
		}
		return path.isEmpty() ? "body" : path.toString();
	}

	/**
	 * Whether the body holds more after its JSON value ({@code {"a": 1} {"b": 2}}): not
	 * JSON, so malformed, not a value of the wrong type (Jackson reports it as a mismatch
	 * of the whole body, which read as "body must be an object").
	 */
	private static boolean isTrailingContent(DatabindException ex) {
		return ex instanceof MismatchedInputException && ex.getOriginalMessage() != null
				&& ex.getOriginalMessage().startsWith("Trailing token");
	}

	private static String describe(DatabindException ex) {
		if (ex instanceof InvalidFormatException invalid && invalid.getTargetType() != null
				&& invalid.getTargetType().isEnum()) {
			String accepted = Arrays.stream(invalid.getTargetType().getEnumConstants())
				.map((constant) -> ((Enum<?>) constant).name().toLowerCase(Locale.ROOT))
				.collect(Collectors.joining(", "));
			return "must be one of: " + accepted;
		}
		if (ex instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
			return "must be " + typeName(mismatch.getTargetType());
		}
		Throwable cause = ex.getCause();
		return (cause != null && cause.getMessage() != null) ? cause.getMessage() : "is invalid";
	}

	private static String typeName(Class<?> type) {
		if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
			return "an integer";
		}
		if (type == Double.class || type == double.class || type == Float.class || type == float.class) {
			return "a number";
		}
		if (type == Boolean.class || type == boolean.class) {
			return "a boolean";
		}
		if (type == String.class || type.isEnum()) {
			return "a string";
		}
		if (Iterable.class.isAssignableFrom(type) || type.isArray()) {
			return "an array";
		}
		return "an object";
	}

	private static <T extends Throwable> @Nullable T cause(Throwable ex, Class<T> type) {
		return causes(ex).filter(type::isInstance).map(type::cast).findFirst().orElse(null);
	}

	/** {@code ex} and its causes, outermost first. */
	private static Stream<Throwable> causes(Throwable ex) {
		return Stream.iterate(ex, Objects::nonNull,
				(current) -> (current.getCause() != current) ? current.getCause() : null);
	}

}

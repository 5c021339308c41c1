package io.dispycluster.support.problem;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.util.unit.DataSize;

/**
 * Builds the RFC 9457 problems the services answer with. Every problem has a stable
 * {@code type} of the form {@code urn:dispycluster:problem:<slug>}.
 */
public final class Problems {

	private static final String TYPE_PREFIX = "urn:dispycluster:problem:";

	private static final Pattern CAMEL_HUMP = Pattern.compile("([a-z0-9])([A-Z])");

	private Problems() {
	}

	/**
	 * A problem with the given status, type slug, title and detail.
	 */
	public static ProblemDetail of(HttpStatusCode status, String slug, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(type(slug));
		problem.setTitle(title);
		return problem;
	}

	/**
	 * The 413 problem of a request body larger than {@code limit}, as every service and
	 * the gateway answer it.
	 */
	public static ProblemDetail payloadTooLarge(DataSize limit) {
		return of(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Request body too large",
				"Le corps de la requête dépasse " + limit.toKilobytes() + " Ko");
	}

	/**
	 * A 422 problem listing each invalid field.
	 */
	public static ProblemDetail invalid(List<FieldProblem> errors) {
		String detail = (errors.size() == 1) ? "Champ invalide : " + errors.get(0).field()
				: errors.size() + " champs invalides";
		ProblemDetail problem = of(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-request", "Invalid request", detail);
		problem.setProperty("errors", List.copyOf(errors));
		return problem;
	}

	/**
	 * The type URI for a slug such as {@code task-not-found}.
	 */
	public static URI type(String slug) {
		return URI.create(TYPE_PREFIX + slug);
	}

	/**
	 * The default type slug of a status without a more specific problem, e.g.
	 * {@code method-not-allowed} for 405.
	 */
	public static String slugFor(HttpStatusCode status) {
		HttpStatus known = HttpStatus.resolve(status.value());
		String phrase = (known != null) ? known.getReasonPhrase() : "http-" + status.value();
		return phrase.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
	}

	/**
	 * The snake_case form of a Java property path: {@code steps[0].stepId} becomes
	 * {@code steps[0].step_id}.
	 */
	public static String snakeCase(String path) {
		return CAMEL_HUMP.matcher(path).replaceAll("$1_$2").toLowerCase(Locale.ROOT);
	}

}

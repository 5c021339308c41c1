package io.dispycluster.gateway.system;

import java.net.URI;
import java.util.Locale;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * The gateway's problem types: stable URNs, one per kind of error.
 */
public final class Problems {

	private static final String PREFIX = "urn:dispycluster:problem:";

	private Problems() {
	}

	/**
	 * The URN of a problem type, e.g. {@code urn:dispycluster:problem:upstream-timeout}.
	 */
	public static URI type(String name) {
		return URI.create(PREFIX + name);
	}

	/** A problem with a stable type, a title and a detail. */
	public static ProblemDetail of(HttpStatusCode status, String type, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(type(type));
		problem.setTitle(title);
		return problem;
	}

	/**
	 * The 408 problem of a client that stopped sending its request (its body) before the
	 * web server's connection timeout, or dropped the connection meanwhile.
	 */
	public static ProblemDetail requestTimeout() {
		return of(org.springframework.http.HttpStatus.REQUEST_TIMEOUT, "request-timeout", "Request Timeout",
				REQUEST_TIMEOUT_DETAIL);
	}

	static final String REQUEST_TIMEOUT_DETAIL = "La requête n'est pas arrivée entière à temps";

	/** The generic type for a status: {@code 404} gives {@code ...:not-found}. */
	static URI typeFor(HttpStatusCode status) {
		org.springframework.http.HttpStatus known = org.springframework.http.HttpStatus.resolve(status.value());
		String name = (known != null) ? known.name().toLowerCase(Locale.ROOT).replace('_', '-')
				: "http-" + status.value();
		return type(name);
	}

}

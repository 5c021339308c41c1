package io.dispycluster.controller.system;

import java.net.URI;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * Builds the RFC 9457 problems of this service, each with a stable {@code type} URN such
 * as {@code urn:dispycluster:problem:job-not-found}.
 */
public final class Problems {

	private static final String TYPE_PREFIX = "urn:dispycluster:problem:";

	private Problems() {
	}

	/**
	 * A problem of the given kind.
	 * @param status the HTTP status
	 * @param kind the last segment of the type URN, e.g. {@code job-not-found}
	 * @param title a short summary that is the same for every occurrence of the kind
	 * @param detail this occurrence's explanation
	 * @return the problem
	 */
	public static ProblemDetail of(HttpStatusCode status, String kind, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create(TYPE_PREFIX + kind));
		problem.setTitle(title);
		return problem;
	}

}

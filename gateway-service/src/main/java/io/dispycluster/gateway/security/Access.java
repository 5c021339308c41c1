package io.dispycluster.gateway.security;

import jakarta.servlet.http.HttpServletRequest;

/**
 * What the API key check decided about a request, for endpoints that answer differently
 * to anonymous callers.
 */
public final class Access {

	static final String ANONYMOUS_ATTRIBUTE = Access.class.getName() + ".anonymous";

	private Access() {
	}

	/**
	 * Whether the request reached a public path without a key while keys are required:
	 * such a caller gets only the minimal answer.
	 */
	public static boolean isAnonymous(HttpServletRequest request) {
		return Boolean.TRUE.equals(request.getAttribute(ANONYMOUS_ATTRIBUTE));
	}

}

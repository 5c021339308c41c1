package io.dispycluster.support.requestid;

import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/**
 * The request id of the request being handled, for code that passes it on (a call to
 * another service) rather than only logging it.
 */
public final class RequestIds {

	/** The header that carries the id, in both directions. */
	public static final String HEADER = "X-Request-Id";

	/** The key of the id in the logging context (see the log pattern). */
	public static final String MDC_KEY = "request_id";

	private RequestIds() {
	}

	/**
	 * The id of the request this thread is handling, or null outside a request.
	 * @return the id or null
	 */
	public static @Nullable String current() {
		return MDC.get(MDC_KEY);
	}

}

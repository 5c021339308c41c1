package io.dispycluster.support.requestid;

import java.io.IOException;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id that can be followed through the logs of every service: the
 * {@code X-Request-Id} the gateway (or any client) sent, or a new one. The id is put in
 * the logging context under {@value RequestIds#MDC_KEY} for the duration of the request
 * and echoed in the response.
 */
class RequestIdFilter extends OncePerRequestFilter {

	/**
	 * What a received id may look like. Anything else (too long, or with characters that
	 * could forge log lines) is replaced by a new id rather than written to the logs.
	 */
	private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String id = (request.getAttribute(RequestIds.MDC_KEY) instanceof String kept) ? kept
				: requestId(request.getHeader(RequestIds.HEADER));
		request.setAttribute(RequestIds.MDC_KEY, id);
		MDC.put(RequestIds.MDC_KEY, id);
		response.setHeader(RequestIds.HEADER, id);
		try {
			chain.doFilter(request, response);
		}
		finally {
			MDC.remove(RequestIds.MDC_KEY);
		}
	}

	/**
	 * Also on the container's error dispatch, so that an error raised outside the
	 * handlers is logged with the id of the request that caused it.
	 */
	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

	static String requestId(String received) {
		return (received != null && ACCEPTED.matcher(received).matches()) ? received : newId();
	}

	/**
	 * A random (version 4) UUID from the thread's own generator: an id must be unique,
	 * not unguessable, and {@link UUID#randomUUID()} would serialise every request on the
	 * shared, locked {@code SecureRandom}.
	 */
	private static String newId() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		long high = (random.nextLong() & ~0xF000L) | 0x4000L;
		long low = (random.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48);
		return new UUID(high, low).toString();
	}

}

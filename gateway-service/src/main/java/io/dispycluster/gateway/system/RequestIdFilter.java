package io.dispycluster.gateway.system;

import java.io.IOException;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an {@code X-Request-Id}: the client's when it sent a sensible one,
 * a new UUID otherwise. The id is in the MDC (so in every log line) while the request
 * runs, in the response, and on every call to a service ({@link RequestIdInterceptor}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestIdFilter extends OncePerRequestFilter {

	/** The header carrying the id, in both directions. */
	public static final String HEADER = "X-Request-Id";

	/** The MDC key holding the id of the current request. */
	public static final String MDC_KEY = "requestId";

	// A client-chosen id ends up in logs: accept only plain tokens, so nothing can be
	// injected into a log line.
	private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String id = requestId(request.getHeader(HEADER));
		MDC.put(MDC_KEY, id);
		response.setHeader(HEADER, id);
		try {
			chain.doFilter(request, response);
		}
		finally {
			MDC.remove(MDC_KEY);
		}
	}

	static String requestId(@Nullable String offered) {
		if (offered != null && SAFE_ID.matcher(offered).matches()) {
			return offered;
		}
		// a random (version 4) UUID; an id needs to be unique, not unguessable, so it
		// comes
		// from the thread's own generator rather than the shared, locked SecureRandom
		ThreadLocalRandom random = ThreadLocalRandom.current();
		long high = (random.nextLong() & ~0xF000L) | 0x4000L;
		long low = (random.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48);
		return new UUID(high, low).toString();
	}

}

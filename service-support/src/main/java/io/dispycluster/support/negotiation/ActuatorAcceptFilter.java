package io.dispycluster.support.negotiation;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The actuator ({@code /actuator/health} above all, the load balancers' check) answers
 * whatever type {@code Accept} asks for, as the other endpoints do
 * ({@link JsonWhateverAccept}): the actuator negotiates on its own, so any type is added
 * to the header as the client's last choice. {@code Accept: text/html} got a 406 where a
 * health check expects the health.
 */
class ActuatorAcceptFilter extends OncePerRequestFilter {

	private static final String ANY_TYPE_LAST = ", */*;q=0.001";

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !request.getRequestURI().startsWith("/actuator/") || request.getHeader(HttpHeaders.ACCEPT) == null;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		chain.doFilter(new AnyTypeLast(request), response);
	}

	/** The request with any type as the last entry of its {@code Accept} header. */
	private static final class AnyTypeLast extends HttpServletRequestWrapper {

		private final String accept;

		AnyTypeLast(HttpServletRequest request) {
			super(request);
			this.accept = String.join(", ", Collections.list(request.getHeaders(HttpHeaders.ACCEPT))) + ANY_TYPE_LAST;
		}

		@Override
		public @Nullable String getHeader(String name) {
			return isAccept(name) ? this.accept : super.getHeader(name);
		}

		@Override
		public Enumeration<String> getHeaders(String name) {
			return isAccept(name) ? Collections.enumeration(List.of(this.accept)) : super.getHeaders(name);
		}

		private static boolean isAccept(String name) {
			return HttpHeaders.ACCEPT.equalsIgnoreCase(name);
		}

	}

}

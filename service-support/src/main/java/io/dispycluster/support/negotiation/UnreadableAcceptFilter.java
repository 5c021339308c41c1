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
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Disregards an {@code Accept} header that is not a list of media types
 * ({@code Accept: garbage}), as RFC 9110 allows: the request is served as if it had none.
 * Honoured, it made every answer an empty 406 or 404 without a body, since not even a
 * problem could be written for it. In the gateway, the routed services get the request
 * without it too, and answer alike.
 */
class UnreadableAcceptFilter extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		chain.doFilter(isReadable(request) ? request : new WithoutAccept(request), response);
	}

	private static boolean isReadable(HttpServletRequest request) {
		Enumeration<String> values = request.getHeaders(HttpHeaders.ACCEPT);
		while (values.hasMoreElements()) {
			try {
				MediaType.parseMediaTypes(values.nextElement());
			}
			catch (InvalidMediaTypeException ex) {
				return false;
			}
		}
		return true;
	}

	/** The request without its {@code Accept} header. */
	private static final class WithoutAccept extends HttpServletRequestWrapper {

		WithoutAccept(HttpServletRequest request) {
			super(request);
		}

		@Override
		public @Nullable String getHeader(String name) {
			return isAccept(name) ? null : super.getHeader(name);
		}

		@Override
		public Enumeration<String> getHeaders(String name) {
			return isAccept(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
		}

		@Override
		public Enumeration<String> getHeaderNames() {
			List<String> names = Collections.list(super.getHeaderNames());
			names.removeIf(WithoutAccept::isAccept);
			return Collections.enumeration(names);
		}

		private static boolean isAccept(String name) {
			return HttpHeaders.ACCEPT.equalsIgnoreCase(name);
		}

	}

}

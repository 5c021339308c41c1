package io.dispycluster.gateway.system;

import java.io.IOException;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Serves a path with empty segments or a trailing slash as its canonical form:
 * {@code /health/} as {@code /health}, {@code //jobs} and {@code /cluster//jobs} as
 * {@code /jobs} and {@code /cluster/jobs}. The original gateway redirected such paths,
 * and a client that builds a URL from a base ending in a slash sends them; they are
 * answered, forwarded and secured exactly as the canonical path, by every endpoint and
 * route alike. Only a route prefix alone keeps its slash: {@code /cluster/} is the
 * controller's root, as {@code /cluster} is its statistics.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class CanonicalPathFilter extends OncePerRequestFilter {

	private static final Pattern EMPTY_SEGMENTS = Pattern.compile("//+");

	// the route prefixes that application.yml strips: "/cluster/" reaches the service's
	// root, which no other spelling reaches
	private static final Set<String> SERVICE_ROOTS = Set.of("/cluster/", "/monitoring/", "/scheduler/");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String uri = request.getRequestURI();
		String canonical = canonical(uri);
		chain.doFilter(canonical.equals(uri) ? request : new CanonicalRequest(request, canonical), response);
	}

	/** The path with its empty segments and trailing slash removed. */
	static String canonical(String path) {
		if (!path.endsWith("/") && !path.contains("//")) {
			// the common case, on every request: nothing to build
			return path;
		}
		String collapsed = EMPTY_SEGMENTS.matcher(path).replaceAll("/");
		if (collapsed.length() > 1 && collapsed.endsWith("/") && !SERVICE_ROOTS.contains(collapsed)) {
			return collapsed.substring(0, collapsed.length() - 1);
		}
		return collapsed;
	}

	/** The request as if its path had been sent in canonical form. */
	private static final class CanonicalRequest extends HttpServletRequestWrapper {

		private final String uri;

		CanonicalRequest(HttpServletRequest request, String uri) {
			super(request);
			this.uri = uri;
		}

		@Override
		public String getRequestURI() {
			return this.uri;
		}

		@Override
		public StringBuffer getRequestURL() {
			StringBuffer url = super.getRequestURL();
			String sent = super.getRequestURI();
			// the URL ends with the path as sent: scheme, host and port stay
			return new StringBuffer(url.substring(0, url.length() - sent.length())).append(this.uri);
		}

		@Override
		public String getServletPath() {
			// the servlet path is decoded, but its slashes are those of the URI
			return canonical(super.getServletPath());
		}

	}

}

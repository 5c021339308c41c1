package io.dispycluster.gateway.system;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
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
 * Serves a path with empty segments, dot segments or a trailing slash as its canonical
 * form: {@code /health/} as {@code /health}, {@code //jobs} and {@code /cluster//jobs} as
 * {@code /jobs} and {@code /cluster/jobs}, {@code /jobs/./} as {@code /jobs} and
 * {@code /jobs/a/../b} as {@code /jobs/b}. The original gateway redirected such paths,
 * and a client that builds a URL from a base ending in a slash sends them; they are
 * answered, forwarded and secured exactly as the canonical path, by every endpoint and
 * route alike. Dot segments ({@code .}, {@code ..}, also percent-encoded) are resolved as
 * RFC 3986 and every HTTP client but one told not to ({@code curl --path-as-is}) resolve
 * them: sent raw, {@code /jobs/./} reached the controller as a request for job ".". Only
 * a route prefix alone keeps its slash: {@code /cluster/} is the controller's root, as
 * {@code /cluster} is its statistics.
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

	/** The path with its empty segments, dot segments and trailing slash removed. */
	static String canonical(String path) {
		if (!path.endsWith("/") && !path.contains("//") && !mayHaveDotSegment(path)) {
			// the common case, on every request: nothing to build
			return path;
		}
		// empty segments first, as Tomcat normalises: "/jobs//.." is "/"
		String collapsed = withoutDotSegments(EMPTY_SEGMENTS.matcher(path).replaceAll("/"));
		if (collapsed.length() > 1 && collapsed.endsWith("/") && !SERVICE_ROOTS.contains(collapsed)) {
			return collapsed.substring(0, collapsed.length() - 1);
		}
		return collapsed;
	}

	private static boolean mayHaveDotSegment(String path) {
		// no lower-case copy of the path unless it has an escape at all (most have none)
		return path.contains("/.") || (path.indexOf('%') >= 0 && path.toLowerCase(Locale.ROOT).contains("/%2e"));
	}

	/**
	 * The path with its {@code .} and {@code ..} segments resolved (RFC 3986, 5.2.4); a
	 * path that ended with one ends with a slash, {@code ..} above the root stays there.
	 */
	private static String withoutDotSegments(String path) {
		Deque<String> segments = new ArrayDeque<>();
		boolean endsInDirectory = false;
		// path starts with a slash: the first part is empty
		String[] parts = path.split("/", -1);
		for (int i = 1; i < parts.length; i++) {
			String segment = parts[i].toLowerCase(Locale.ROOT).replace("%2e", ".");
			endsInDirectory = segment.equals(".") || segment.equals("..");
			if (segment.equals("..")) {
				segments.pollLast();
			}
			else if (!endsInDirectory) {
				segments.addLast(parts[i]);
			}
		}
		String resolved = "/" + String.join("/", segments);
		return (endsInDirectory && !segments.isEmpty()) ? resolved + "/" : resolved;
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

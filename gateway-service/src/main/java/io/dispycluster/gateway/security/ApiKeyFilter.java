package io.dispycluster.gateway.security;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.dispycluster.gateway.system.ProblemWriter;
import io.dispycluster.gateway.system.Problems;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * When keys are required, lets a request through only with a configured key; the public
 * paths also take anonymous callers. A wrong key is refused everywhere.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 30)
class ApiKeyFilter extends OncePerRequestFilter {

	private static final Logger LOG = LoggerFactory.getLogger(ApiKeyFilter.class);

	private final boolean required;

	private final ApiKeys keys;

	private final List<PathPattern> publicPaths;

	private final ProblemWriter problems;

	ApiKeyFilter(SecurityProperties properties, ApiKeys keys, ProblemWriter problems) {
		this.required = properties.apiKeyRequired();
		this.keys = keys;
		this.publicPaths = properties.publicPaths().stream().map(PathPatternParser.defaultInstance::parse).toList();
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!this.required || this.keys.keyName(request) != null) {
			chain.doFilter(request, response);
			return;
		}
		boolean presented = ApiKeys.presented(request) != null;
		if (!presented && isPublic(request)) {
			request.setAttribute(Access.ANONYMOUS_ATTRIBUTE, Boolean.TRUE);
			chain.doFilter(request, response);
			return;
		}
		LOG.warn("Refused {} {} from {}: {}", request.getMethod(), request.getRequestURI(), request.getRemoteAddr(),
				presented ? "unknown API key" : "no API key");
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"dispycluster\"");
		this.problems.write(request, response, Problems.of(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized",
				presented ? "Clé d'API invalide" : "Clé d'API manquante (X-API-Key ou " + "Authorization: Bearer)"));
	}

	private boolean isPublic(HttpServletRequest request) {
		// Judged on the normalised path the request is served from, and only when the raw
		// URI is that same path: /health/../jobs is not /health, and /jobs/..;/health,
		// which the routes read raw (and forward to the controller), is not public
		// either.
		String pathInfo = request.getPathInfo();
		String path = request.getServletPath() + ((pathInfo != null) ? pathInfo : "");
		if (!request.getRequestURI().equals(request.getContextPath() + path)) {
			return false;
		}
		PathContainer container = PathContainer.parsePath(path);
		return this.publicPaths.stream().anyMatch((pattern) -> pattern.matches(container));
	}

}

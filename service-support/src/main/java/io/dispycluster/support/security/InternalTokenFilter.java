package io.dispycluster.support.security;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

import io.dispycluster.support.problem.Problems;

/**
 * When an internal token is configured, refuses every request without it (401 problem),
 * so that nothing on the LAN bypasses the gateway. Open paths: {@code GET /} and
 * {@code /health} (the service answers that it is up) and {@code /actuator/**} (health
 * and Prometheus scraping). The comparison takes constant time; the token is never
 * logged.
 */
class InternalTokenFilter extends OncePerRequestFilter {

	private final byte @Nullable [] token;

	private final JsonMapper json;

	InternalTokenFilter(@Nullable String token, JsonMapper json) {
		this.token = (token != null) ? token.getBytes(StandardCharsets.UTF_8) : null;
		this.json = json;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return this.token == null || path.equals("/") || path.equals("/health") || path.startsWith("/actuator/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String presented = request.getHeader(InternalTokenProperties.HEADER);
		if (presented != null && MessageDigest.isEqual(this.token, presented.getBytes(StandardCharsets.UTF_8))) {
			chain.doFilter(request, response);
			return;
		}
		ProblemDetail problem = Problems.of(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized",
				"Jeton interne absent ou invalide (" + InternalTokenProperties.HEADER + ")");
		problem.setInstance(URI.create(request.getRequestURI()));
		response.setStatus(HttpStatus.UNAUTHORIZED.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.getOutputStream().write(this.json.writeValueAsBytes(problem));
	}

}

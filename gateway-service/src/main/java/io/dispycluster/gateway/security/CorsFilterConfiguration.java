package io.dispycluster.gateway.security;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.jspecify.annotations.Nullable;

import io.dispycluster.gateway.system.ProblemWriter;
import io.dispycluster.gateway.system.Problems;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.DefaultCorsProcessor;
import org.springframework.web.filter.CorsFilter;

/**
 * CORS for every path, routes included, from {@code dispycluster.security.cors}. It runs
 * before the API key check, so a browser's preflight gets its answer without a key; a
 * request from an origin not listed gets a 403 problem. No origin is allowed by default.
 */
@Configuration(proxyBeanMethods = false)
class CorsFilterConfiguration {

	/** Headers a browser script may read from the gateway's answers. */
	private static final List<String> EXPOSED = List.of("X-Request-Id", HttpHeaders.RETRY_AFTER, "RateLimit-Limit",
			"RateLimit-Remaining", "RateLimit-Reset");

	@Bean
	FilterRegistrationBean<CorsFilter> corsFilter(SecurityProperties properties, ProblemWriter problems) {
		SecurityProperties.Cors cors = properties.cors();
		CorsConfiguration configuration = new CorsConfiguration();
		configuration.setAllowedOrigins(cors.allowedOrigins());
		configuration.setAllowedMethods(cors.allowedMethods());
		configuration.setAllowedHeaders(cors.allowedHeaders());
		configuration.setExposedHeaders(EXPOSED);
		configuration.setAllowCredentials(cors.allowCredentials());
		configuration.setMaxAge(cors.maxAge());
		// one configuration for every path: no per-request path resolution and pattern
		// matching to find it, as a UrlBasedCorsConfigurationSource on "/**" would do
		CorsFilter filter = new CorsFilter((request) -> configuration);
		filter.setCorsProcessor(new ProblemCorsProcessor(problems));
		FilterRegistrationBean<CorsFilter> registration = new FilterRegistrationBean<>(filter);
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		return registration;
	}

	/**
	 * Refuses with a problem instead of the plain-text "Invalid CORS request", naming the
	 * refused path in {@code instance} like every other problem of the gateway.
	 */
	private static final class ProblemCorsProcessor extends DefaultCorsProcessor {

		private final ProblemWriter problems;

		ProblemCorsProcessor(ProblemWriter problems) {
			this.problems = problems;
		}

		@Override
		public boolean processRequest(@Nullable CorsConfiguration config, HttpServletRequest request,
				HttpServletResponse response) throws IOException {
			// only a request with an Origin can be refused; the others skip the wrapper
			HttpServletResponse refusable = (request.getHeader(HttpHeaders.ORIGIN) != null)
					? new RequestPathResponse(response, request.getRequestURI()) : response;
			return super.processRequest(config, request, refusable);
		}

		@Override
		protected void rejectRequest(ServerHttpResponse response) throws IOException {
			// the processor hands the refusal only the response: the wrapper carries the
			// path
			String path = (response instanceof ServletServerHttpResponse servlet
					&& servlet.getServletResponse() instanceof RequestPathResponse refused) ? refused.path : "";
			response.setStatusCode(HttpStatus.FORBIDDEN);
			response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
			ProblemDetail problem = Problems.of(HttpStatus.FORBIDDEN, "cors-refused", "Origin not allowed",
					"Origine non autorisée (dispycluster.security.cors.allowed-origins)");
			this.problems.countRefusal(problem);
			response.getBody().write(this.problems.toJson(problem, path));
			response.flush();
		}

	}

	/** The response of a request from a browser, with the path the request was for. */
	private static final class RequestPathResponse extends HttpServletResponseWrapper {

		private final String path;

		RequestPathResponse(HttpServletResponse response, String path) {
			super(response);
			this.path = path;
		}

	}

}

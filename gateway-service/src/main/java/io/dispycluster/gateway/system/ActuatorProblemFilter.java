package io.dispycluster.gateway.system;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Gives the gateway's actuator errors a problem body: the actuator answers some of them
 * with a status alone ({@code /actuator/health/nothing}, an unknown health component, is
 * a bare 404). Its answers are held until complete, which is cheap for the few and small
 * requests it gets, so an empty error can still get a body.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE - 10)
class ActuatorProblemFilter extends OncePerRequestFilter {

	private final ProblemWriter problems;

	ActuatorProblemFilter(ProblemWriter problems) {
		this.problems = problems;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !request.getRequestURI().startsWith("/actuator/");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		ContentCachingResponseWrapper held = new ContentCachingResponseWrapper(response);
		chain.doFilter(request, held);
		HttpStatus status = HttpStatus.resolve(held.getStatus());
		if (status != null && status.isError() && held.getContentSize() == 0
				&& !HttpMethod.HEAD.matches(request.getMethod())) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, status.getReasonPhrase());
			problem.setType(Problems.typeFor(status));
			problem.setTitle(status.getReasonPhrase());
			held.resetBuffer();
			held.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			// not through write(): an unknown component is no request the gateway refused
			held.getOutputStream().write(this.problems.toJson(problem, request.getRequestURI()));
		}
		held.copyBodyToResponse();
	}

}

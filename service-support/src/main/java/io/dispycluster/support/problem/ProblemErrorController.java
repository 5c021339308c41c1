package io.dispycluster.support.problem;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers the servlet container's error page (errors raised outside Spring MVC, such as
 * in a filter) with a problem instead of Boot's default error body, never with a stack
 * trace.
 */
@RestController
class ProblemErrorController implements ErrorController {

	private static final Logger LOG = LoggerFactory.getLogger(ProblemErrorController.class);

	@RequestMapping("${server.error.path:/error}")
	ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		HttpStatus status = (code instanceof Integer value && HttpStatus.resolve(value) != null)
				? HttpStatus.valueOf(value) : HttpStatus.INTERNAL_SERVER_ERROR;
		if (status.is5xxServerError()) {
			Object exception = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
			LOG.error("Error outside the handlers on {}", request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI),
					(exception instanceof Throwable throwable) ? throwable : null);
		}
		String detail = status.is5xxServerError() ? "Erreur interne du service" : status.getReasonPhrase();
		ProblemDetail problem = Problems.of(status, Problems.slugFor(status), status.getReasonPhrase(), detail);
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

}

package io.dispycluster.gateway.system;

import java.net.URI;

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
 * Answers the web server's error page with a problem: an error raised outside the
 * handlers, such as the 408 of a client that stopped sending its body, which Boot's
 * default error controller answered with its own JSON. The services get the same from
 * their shared support module, which backs off in the gateway.
 */
@RestController
class ProblemErrorController implements ErrorController {

	private static final Logger LOG = LoggerFactory.getLogger(ProblemErrorController.class);

	@RequestMapping("${server.error.path:/error}")
	ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
		HttpStatus status = status(request);
		if (status.is5xxServerError()) {
			Object exception = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
			LOG.error("Error outside the handlers on {}", request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI),
					(exception instanceof Throwable throwable) ? throwable : null);
		}
		ProblemDetail problem = problem(status);
		if (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String path) {
			problem.setInstance(URI.create(path));
		}
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	private static HttpStatus status(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		return (code instanceof Integer value && HttpStatus.resolve(value) != null) ? HttpStatus.valueOf(value)
				: HttpStatus.INTERNAL_SERVER_ERROR;
	}

	private static ProblemDetail problem(HttpStatus status) {
		if (status == HttpStatus.REQUEST_TIMEOUT) {
			return Problems.requestTimeout();
		}
		String detail = status.is5xxServerError() ? "Erreur interne de la passerelle" : status.getReasonPhrase();
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(Problems.typeFor(status));
		problem.setTitle(status.getReasonPhrase());
		return problem;
	}

}

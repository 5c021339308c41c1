package io.dispycluster.support.problem;

import org.apache.tomcat.util.http.InvalidParameterException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A query string Tomcat cannot decode ({@code ?limit=%zz}, or an escape whose bytes are
 * not UTF-8) is refused by Tomcat only when a parameter is first read, inside a handler:
 * without this, the catch-all handlers took it for a failure of ours and answered 500. It
 * is the client's unreadable request, the same 400 problem as an unreadable path. Asked
 * before any other advice, in every service and the gateway.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UnreadableQueryAdvice {

	@ExceptionHandler(InvalidParameterException.class)
	ResponseEntity<ProblemDetail> unreadableQuery(InvalidParameterException ex) {
		ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, Problems.slugFor(HttpStatus.BAD_REQUEST),
				HttpStatus.BAD_REQUEST.getReasonPhrase(), "Requête illisible : chaîne de requête invalide");
		return ResponseEntity.badRequest().body(problem);
	}

}

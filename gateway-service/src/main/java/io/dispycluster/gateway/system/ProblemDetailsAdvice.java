package io.dispycluster.gateway.system;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.connector.ClientAbortException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.dispycluster.gateway.upstream.UpstreamBodyFailure;
import io.dispycluster.gateway.upstream.UpstreamFailure;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error the gateway itself produces is an RFC 9457 problem with a stable type. This
 * also covers the routes: a service that is down or too slow gives a 502 or 504 problem
 * naming it, never a 500.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

	private static final Logger LOG = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

	private final MeterRegistry meters;

	ProblemDetailsAdvice(MeterRegistry meters) {
		this.meters = meters;
	}

	@ExceptionHandler(UpstreamFailure.class)
	ResponseEntity<ProblemDetail> upstreamFailure(UpstreamFailure ex) {
		if (ex.kind() == UpstreamFailure.Kind.REFUSED) {
			LOG.error("Service {} refused the gateway's internal token: dispycluster.security.internal-token "
					+ "must be the same on every service", ex.service());
		}
		else {
			LOG.warn("Service {} failed: {}", ex.service(), ex.kind().description());
		}
		countFailure(ex);
		ProblemDetail problem = switch (ex.kind()) {
			case UNAVAILABLE, TOO_LARGE -> Problems.of(HttpStatus.BAD_GATEWAY, "upstream-unavailable",
					"Service unavailable", "Erreur de proxy : le service " + ex.service() + " est injoignable");
			case TIMEOUT -> Problems.of(HttpStatus.GATEWAY_TIMEOUT, "upstream-timeout", "Service too slow",
					"Erreur de proxy : le service " + ex.service() + " n'a pas répondu à temps");
			case CIRCUIT_OPEN -> Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "upstream-circuit-open",
					"Service suspended", "Erreur de proxy : le service " + ex.service()
							+ " est suspendu après des échecs répétés, nouvel essai sous peu");
			case REFUSED -> Problems.of(HttpStatus.BAD_GATEWAY, "upstream-refused", "Service refused the gateway",
					"Erreur de proxy : le service " + ex.service()
							+ " refuse le jeton interne de la passerelle (dispycluster.security.internal-token)");
		};
		problem.setProperty("service", ex.service());
		ResponseEntity.BodyBuilder response = ResponseEntity.status(problem.getStatus());
		if (ex.retryAfter() != null) {
			response.header(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, ex.retryAfter().toSeconds())));
		}
		return response.body(problem);
	}

	/**
	 * A service broke off a routed answer. Before any of it was sent, the client gets the
	 * problem of the failure, without the service's headers (its Content-Length above
	 * all, which cut the problem short). After, the exception goes on to the web server,
	 * which closes the connection: a problem written now would end the answer as if it
	 * were complete.
	 */
	@ExceptionHandler(UpstreamBodyFailure.class)
	ResponseEntity<ProblemDetail> upstreamBodyFailure(UpstreamBodyFailure ex, HttpServletResponse response)
			throws UpstreamBodyFailure {
		if (response.isCommitted()) {
			LOG.warn("Service {} broke off an answer under way ({}): the client's connection is closed",
					ex.failure().service(), String.valueOf(ex.getCause()));
			countFailure(ex.failure());
			throw ex;
		}
		Map<String, List<String>> gatewayHeaders = new LinkedHashMap<>();
		for (String name : response.getHeaderNames()) {
			if (!ex.isServiceHeader(name)) {
				gatewayHeaders.put(name, List.copyOf(response.getHeaders(name)));
			}
		}
		response.reset();
		gatewayHeaders.forEach((name, values) -> values.forEach((value) -> response.addHeader(name, value)));
		return upstreamFailure(ex.failure());
	}

	private void countFailure(UpstreamFailure ex) {
		this.meters
			.counter("dispycluster.gateway.upstream.failures", "service", ex.service(), "kind",
					ex.kind().name().toLowerCase(Locale.ROOT))
			.increment();
	}

	// Reading the client's request failed: it stopped sending, or went away. Its fault,
	// not a bug, and nothing for an operator to act on.
	@ExceptionHandler(ClientAbortException.class)
	ResponseEntity<ProblemDetail> clientAborted(ClientAbortException ex) {
		LOG.debug("The client stopped sending its request: {}", ex.toString());
		return ResponseEntity.status(HttpStatus.REQUEST_TIMEOUT).body(Problems.requestTimeout());
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ProblemDetail> unexpected(Exception ex) {
		LOG.error("Unexpected error", ex);
		ProblemDetail problem = Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
				"Erreur interne de la passerelle");
		return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(problem);
	}

	// An unknown path, now that no static-resource mapping answers it first: the same
	// problem as a service's.
	@Override
	protected @Nullable ResponseEntity<Object> handleNoHandlerFoundException(NoHandlerFoundException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found",
				"Aucune ressource à l'adresse " + ex.getHttpMethod() + " " + ex.getRequestURL());
		return handleExceptionInternal(ex, problem, headers, HttpStatus.NOT_FOUND, request);
	}

	@Override
	protected ResponseEntity<Object> createResponseEntity(@Nullable Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		if (body instanceof ProblemDetail problem
				&& (problem.getType() == null || "about:blank".equals(problem.getType().toString()))) {
			problem.setType(Problems.typeFor(statusCode));
		}
		return super.createResponseEntity(body, headers, statusCode, request);
	}

}

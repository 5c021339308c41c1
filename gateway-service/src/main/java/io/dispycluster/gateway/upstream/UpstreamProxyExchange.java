package io.dispycluster.gateway.upstream;

import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.catalina.connector.ClientAbortException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.dispycluster.gateway.system.Problems;

import org.springframework.cloud.gateway.server.mvc.common.MvcUtils;
import org.springframework.cloud.gateway.server.mvc.handler.ProxyExchange;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.function.ServerResponse;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The gateway's proxy, turning a transport error into an {@link UpstreamFailure} that
 * names the service, so the client gets a 502 or 504 problem instead of a 500; so is a
 * service's 401, which refuses the gateway's internal token, not the client. It is also
 * the one place every routed call goes through, so it refuses the services' private paths
 * ({@link PrivatePaths}) whatever route and spelling led there, refuses the encoded
 * slashes the services cannot read, and gives the client its own path in the problems
 * answered through a prefixed route ({@link ProblemInstances}).
 */
class UpstreamProxyExchange implements ProxyExchange {

	private static final Logger LOG = LoggerFactory.getLogger(UpstreamProxyExchange.class);

	private static final Set<HttpMethod> STANDARD_METHODS = Set.of(HttpMethod.values());

	// every method some route serves; TRACE never gets past the web server
	private static final Set<HttpMethod> ALLOWED_METHODS = new LinkedHashSet<>(List.of(HttpMethod.GET, HttpMethod.HEAD,
			HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE, HttpMethod.OPTIONS));

	private static final Pattern ENCODED_SLASH = Pattern.compile("%2f", Pattern.CASE_INSENSITIVE);

	private final ProxyExchange delegate;

	private final ServicesProperties services;

	private final CircuitBreakers breakers;

	private final ProblemInstances problemInstances;

	UpstreamProxyExchange(ProxyExchange delegate, ServicesProperties services, CircuitBreakers breakers,
			ProblemInstances problemInstances) {
		this.delegate = delegate;
		this.services = services;
		this.breakers = breakers;
		this.problemInstances = problemInstances;
	}

	@Override
	public ServerResponse exchange(Request request) {
		refuseUnknownMethod(request);
		refusePrivatePath(request);
		refuseEncodedSlash(request);
		Request exact = withClientQuery(request);
		Service service = serviceAt(request.getUri());
		if (service == null) {
			return send(exact, hostAndPort(request.getUri()), null);
		}
		CircuitBreakers.Verdict verdict = this.breakers.begin(service);
		ServerResponse response = CircuitBreakers.judged(verdict, () -> send(exact, service.key(), verdict));
		if (response.statusCode().is5xxServerError()) {
			verdict.failed(service);
		}
		else {
			judgedWithTheBody(verdict);
		}
		return response;
	}

	/**
	 * Leaves the verdict on a call the service answered to its body, which the service
	 * can still break off ({@link UpstreamBody}): a failure then, a success once all of
	 * it was read. An answer not read to its end (the client went away) is not judged
	 * when the request is over.
	 */
	private static void judgedWithTheBody(CircuitBreakers.Verdict verdict) {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		if (attributes == null) {
			verdict.succeeded();
			return;
		}
		attributes.registerDestructionCallback(CircuitBreakers.Verdict.class.getName(), verdict::none,
				RequestAttributes.SCOPE_REQUEST);
	}

	/**
	 * Refuses a method outside HTTP's standard ones ({@code FOO}, WebDAV's
	 * {@code PROPFIND}) with the 405 problem the gateway's own endpoints give: the HTTP
	 * client cannot send one, and no service serves one.
	 */
	private static void refuseUnknownMethod(Request request) {
		if (STANDARD_METHODS.contains(request.getMethod())) {
			return;
		}
		ErrorResponseException refused = new ErrorResponseException(HttpStatus.METHOD_NOT_ALLOWED,
				Problems.of(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", "Method Not Allowed",
						"Method '" + request.getMethod().name() + "' is not supported."),
				null);
		refused.getHeaders().setAllow(ALLOWED_METHODS);
		throw refused;
	}

	/**
	 * Refuses a path that reaches a service's internal endpoints or actuator, whichever
	 * route it came through: the call would carry the gateway's internal token. The
	 * client gets the same 404 as for a path the gateway does not know.
	 */
	private static void refusePrivatePath(Request request) {
		URI uri = request.getUri();
		if (uri == null || !PrivatePaths.isPrivate(uri.getRawPath())) {
			return;
		}
		LOG.warn("Refused {} {}: a service's private path", request.getMethod(),
				request.getServerRequest().servletRequest().getRequestURI());
		throw new ErrorResponseException(HttpStatus.NOT_FOUND,
				Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found", "Chemin inconnu de la passerelle"), null);
	}

	/**
	 * Refuses a path with an encoded slash ({@code %2F}) with a 400 problem of the
	 * gateway's: every service's Tomcat refuses one with a bare 400 that names neither
	 * the reason nor the path, so forwarding it would only cost a call.
	 */
	private static void refuseEncodedSlash(Request request) {
		String path = request.getServerRequest().servletRequest().getRequestURI();
		if (!ENCODED_SLASH.matcher(path).find()) {
			return;
		}
		throw new ErrorResponseException(HttpStatus.BAD_REQUEST, Problems.of(HttpStatus.BAD_REQUEST, "bad-request",
				"Bad Request", "Barre oblique encodée (%2F) dans le chemin : les services ne l'acceptent pas"), null);
	}

	private ServerResponse send(Request request, String serviceName, CircuitBreakers.@Nullable Verdict verdict) {
		try {
			ServerResponse response = this.delegate.exchange(request);
			closedWhenDone(request);
			if (response.statusCode().value() == HttpStatus.UNAUTHORIZED.value()) {
				discard(request);
				throw new UpstreamFailure(serviceName, UpstreamFailure.Kind.REFUSED, null);
			}
			ServerResponse answer = this.problemInstances.rewrite(request, response);
			ServiceContentType.passOn(request, answer);
			return guardBody(request, answer, serviceName, verdict);
		}
		catch (ResourceAccessException | UncheckedIOException ex) {
			if (isClientAbort(ex)) {
				// reading the client's body failed, not the service: no failure of its
				throw new ErrorResponseException(HttpStatus.REQUEST_TIMEOUT, Problems.requestTimeout(), ex);
			}
			throw UpstreamFailure.of(serviceName, ex);
		}
	}

	/**
	 * Makes a failure to read the service's body, while it is passed on, the service's
	 * failure ({@link UpstreamBodyFailure}): it was a 500 problem, and one written into
	 * the middle of an answer already under way, which then ended as if complete. The
	 * call's verdict, if any, is given once the body is read to its end or broken off.
	 */
	private static ServerResponse guardBody(Request request, ServerResponse response, String serviceName,
			CircuitBreakers.@Nullable Verdict verdict) {
		InputStream body = MvcUtils.getAttribute(request.getServerRequest(),
				MvcUtils.CLIENT_RESPONSE_INPUT_STREAM_ATTR);
		if (body != null) {
			MvcUtils.putAttribute(request.getServerRequest(), MvcUtils.CLIENT_RESPONSE_INPUT_STREAM_ATTR,
					new UpstreamBody(body, serviceName, response.headers(), verdict));
		}
		return response;
	}

	private static boolean isClientAbort(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof ClientAbortException) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Makes sure the service's answer is closed once the request is over, its connection
	 * back in the pool. The proxy closes it after passing its body on, but not when the
	 * gateway answers without it: a 304 of the gateway's own, when the client's
	 * {@code If-None-Match} or {@code If-Modified-Since} matches a 200 the service sent
	 * anyway, left the connection leased for good, and once the pool was spent, every
	 * call to that service failed.
	 */
	private static void closedWhenDone(Request request) {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		if (attributes != null) {
			attributes.registerDestructionCallback(ClientHttpResponse.class.getName(), () -> discard(request),
					RequestAttributes.SCOPE_REQUEST);
		}
	}

	/** Gives the connection of an answer the client will not get back to the pool. */
	private static void discard(Request request) {
		ClientHttpResponse response = MvcUtils.getAttribute(request.getServerRequest(), MvcUtils.CLIENT_RESPONSE_ATTR);
		if (response != null) {
			response.close();
		}
	}

	/**
	 * The request with the client's query string exactly as sent. The gateway rebuilds
	 * the query from the parsed parameters, which loses their order.
	 */
	private Request withClientQuery(Request request) {
		String query = request.getServerRequest().servletRequest().getQueryString();
		URI uri = request.getUri();
		if (query == null || uri == null || query.equals(uri.getRawQuery())) {
			return request;
		}
		URI exact;
		try {
			exact = UriComponentsBuilder.fromUri(uri).replaceQuery(query).build(true).toUri();
		}
		catch (IllegalArgumentException ex) {
			// not a valid encoded query: keep the gateway's re-encoded one
			return request;
		}
		RequestBuilder builder = this.delegate.request(request.getServerRequest())
			.method(request.getMethod())
			.uri(exact)
			.headers(request.getHeaders());
		request.getResponseConsumers().forEach(builder::responseConsumer);
		return builder.build();
	}

	private @Nullable Service serviceAt(@Nullable URI uri) {
		if (uri == null) {
			return null;
		}
		for (Service service : Service.values()) {
			URI base = this.services.baseUrl(service);
			if (base.getHost().equalsIgnoreCase(uri.getHost()) && port(base) == port(uri)) {
				return service;
			}
		}
		return null;
	}

	private static String hostAndPort(@Nullable URI uri) {
		return (uri != null) ? uri.getHost() + ":" + port(uri) : "upstream";
	}

	private static int port(URI uri) {
		if (uri.getPort() != -1) {
			return uri.getPort();
		}
		return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
	}

}

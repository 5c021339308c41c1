package io.dispycluster.gateway.upstream;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.StringNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * Calls to the services made by the gateway itself: the concurrent reads behind the
 * aggregate views, and the forwarding of scrape requests.
 */
public class Upstreams {

	private static final Logger LOG = LoggerFactory.getLogger(Upstreams.class);

	// hop-by-hop headers (RFC 9110, 7.6.1), the framing of the body, and the service's
	// request id
	private static final Set<String> PER_CONNECTION_HEADERS = Set.of("connection", "keep-alive", "proxy-connection",
			"proxy-authenticate", "te", "trailer", "transfer-encoding", "upgrade", "content-length", "x-request-id");

	private final RestClient aggregateClient;

	private final RestClient routeClient;

	private final Executor executor;

	private final ServicesProperties services;

	private final JsonMapper jsonMapper;

	private final CircuitBreakers breakers;

	private final long hardTimeoutMillis;

	private final int maxBodyBytes;

	Upstreams(RestClient aggregateClient, RestClient routeClient, Executor executor, ServicesProperties services,
			GatewayProperties properties, JsonMapper jsonMapper, CircuitBreakers breakers) {
		this.aggregateClient = aggregateClient;
		this.routeClient = routeClient;
		this.executor = executor;
		this.services = services;
		this.jsonMapper = jsonMapper;
		this.breakers = breakers;
		// The HTTP client times out first; this bound also covers a call waiting for a
		// thread or a body that trickles in after its headers.
		this.hardTimeoutMillis = properties.connectTimeout().plus(properties.aggregateTimeout()).toMillis();
		this.maxBodyBytes = (int) Math.min(properties.aggregateMaxBody().toBytes(), Integer.MAX_VALUE - 8);
	}

	/**
	 * Starts a GET of {@code path} (with its query string) on a service, through its
	 * circuit breaker. The future always completes normally, within about the connect
	 * plus aggregate timeouts.
	 */
	public CompletableFuture<UpstreamReply> get(Service service, String path) {
		return start(service, (start) -> guarded(service, path, start));
	}

	/**
	 * Starts a GET of the service's {@code /health}. Unlike {@link #get}, it bypasses the
	 * circuit breaker: health reports what the service answers now.
	 */
	public CompletableFuture<UpstreamReply> probe(Service service) {
		return start(service, (start) -> fetch(service, "/health", start));
	}

	private CompletableFuture<UpstreamReply> start(Service service, LongFunction<UpstreamReply> call) {
		long start = System.nanoTime();
		return CompletableFuture.supplyAsync(() -> call.apply(start), this.executor)
			.completeOnTimeout(failed(service, UpstreamFailure.Kind.TIMEOUT, start), this.hardTimeoutMillis,
					TimeUnit.MILLISECONDS);
	}

	private UpstreamReply guarded(Service service, String path, long start) {
		try {
			return this.breakers.call(service, () -> fetch(service, path, start),
					(reply) -> reply.status() == 0 || reply.status() >= 500);
		}
		catch (UpstreamFailure ex) {
			return failed(service, ex.kind(), start);
		}
	}

	private UpstreamReply fetch(Service service, String path, long start) {
		try {
			return this.aggregateClient.get().uri(uri(service, path)).exchange((request, response) -> {
				int status = response.getStatusCode().value();
				if (status == HttpStatus.UNAUTHORIZED.value()) {
					LOG.error(
							"Service {} refused the gateway's internal token: "
									+ "dispycluster.security.internal-token must be the same on every service",
							service.key());
					return new UpstreamReply(service, status, null, since(start), UpstreamFailure.Kind.REFUSED);
				}
				byte[] body = response.getBody().readNBytes(this.maxBodyBytes + 1);
				if (body.length > this.maxBodyBytes) {
					LOG.warn("GET {} on service={} answered more than {} bytes: left out", path, service.key(),
							this.maxBodyBytes);
					return new UpstreamReply(service, status, null, since(start), UpstreamFailure.Kind.TOO_LARGE);
				}
				return new UpstreamReply(service, status, parse(body), since(start), null);
			}, true);
		}
		catch (ResourceAccessException ex) {
			UpstreamFailure.Kind kind = UpstreamFailure.classify(ex);
			LOG.debug("GET {} on service={} failed: {}", path, service.key(), kind.description());
			return failed(service, kind, start);
		}
	}

	/**
	 * Sends a JSON request to a service and returns its answer as it is: status, body and
	 * the headers meant for the client ({@code Content-Type}, {@code Retry-After}, ...).
	 * @param headers request headers to pass on besides the content type, e.g. the
	 * client's {@code Idempotency-Key}
	 * @throws UpstreamFailure when the service is unreachable or too slow
	 */
	public ResponseEntity<byte[]> forward(Service service, HttpMethod method, String path, HttpHeaders headers,
			byte[] body) {
		return this.breakers.call(service, () -> send(service, method, path, headers, body),
				(response) -> response.getStatusCode().is5xxServerError());
	}

	private ResponseEntity<byte[]> send(Service service, HttpMethod method, String path, HttpHeaders headers,
			byte[] body) {
		try {
			return this.routeClient.method(method)
				.uri(uri(service, path))
				.headers((outgoing) -> outgoing.addAll(headers))
				.contentType(MediaType.APPLICATION_JSON)
				.body(body)
				.exchange((request, response) -> {
					if (response.getStatusCode().value() == HttpStatus.UNAUTHORIZED.value()) {
						throw new UpstreamFailure(service.key(), UpstreamFailure.Kind.REFUSED, null);
					}
					return new ResponseEntity<>(response.getBody().readAllBytes(), endToEnd(response.getHeaders()),
							response.getStatusCode());
				}, true);
		}
		catch (ResourceAccessException ex) {
			throw UpstreamFailure.of(service.key(), ex);
		}
	}

	/**
	 * The headers of a service's answer that are meant for the client, as a route passes
	 * them: the {@code Retry-After} of a 503 or 429 above all, which the client needs to
	 * know when to send again. Not the ones about this one connection and its framing
	 * (the body is sent again whole), nor the service's request id (the gateway's own is
	 * on every answer).
	 */
	private static HttpHeaders endToEnd(HttpHeaders headers) {
		HttpHeaders answered = new HttpHeaders();
		headers.forEach((name, values) -> {
			if (!PER_CONNECTION_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
				answered.addAll(name, values);
			}
		});
		return answered;
	}

	/** The base URL of a service, as configured. */
	public URI baseUrl(Service service) {
		return this.services.baseUrl(service);
	}

	private URI uri(Service service, String path) {
		return URI.create(this.services.baseUrl(service).toString().replaceAll("/+$", "") + path);
	}

	private @Nullable JsonNode parse(byte[] body) throws IOException {
		if (body.length == 0) {
			return null;
		}
		try {
			return this.jsonMapper.readTree(body);
		}
		catch (JacksonException ex) {
			return StringNode.valueOf(new String(body, java.nio.charset.StandardCharsets.UTF_8));
		}
	}

	private static UpstreamReply failed(Service service, UpstreamFailure.Kind kind, long start) {
		return new UpstreamReply(service, 0, null, since(start), kind);
	}

	private static Duration since(long start) {
		return Duration.ofNanos(System.nanoTime() - start);
	}

}

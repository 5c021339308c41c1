package io.dispycluster.monitoring.support;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server on loopback standing in for the controller, the workers,
 * node_exporter or a webhook receiver: answers per path, records every request.
 */
public final class StubServer implements AutoCloseable {

	private final HttpServer server;

	private final ExecutorService executor = Executors.newFixedThreadPool(4);

	private final Map<String, Function<Request, Response>> routes = new ConcurrentHashMap<>();

	private final List<Request> requests = new CopyOnWriteArrayList<>();

	private StubServer(HttpServer server) {
		this.server = server;
	}

	public static StubServer start() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
			StubServer stub = new StubServer(server);
			server.createContext("/", stub::serve);
			server.setExecutor(stub.executor);
			server.start();
			return stub;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The base URL, e.g. {@code http://127.0.0.1:41234}. */
	public String url() {
		return "http://127.0.0.1:" + port();
	}

	public int port() {
		return this.server.getAddress().getPort();
	}

	/** Answers {@code path} (without query) with a fixed body. */
	public void respond(String path, int status, String contentType, String body) {
		this.routes.put(path, (request) -> new Response(status, contentType, body));
	}

	/** Answers {@code path} with JSON. */
	public void json(String path, String body) {
		respond(path, 200, "application/json", body);
	}

	/** Answers {@code path} by a function of the request. */
	public void handle(String path, Function<Request, Response> handler) {
		this.routes.put(path, handler);
	}

	public void remove(String path) {
		this.routes.remove(path);
	}

	/** Every request received so far. */
	public List<Request> requests() {
		return List.copyOf(this.requests);
	}

	private void serve(HttpExchange exchange) throws IOException {
		try (exchange) {
			URI uri = exchange.getRequestURI();
			Request request = new Request(exchange.getRequestMethod(), uri.getPath(), uri.getRawQuery(),
					new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
					exchange.getRequestHeaders().getFirst("X-Internal-Token"),
					exchange.getRequestHeaders().getFirst("Content-Length"));
			this.requests.add(request);
			Function<Request, Response> route = this.routes.get(uri.getPath());
			Response response = (route != null) ? route.apply(request)
					: new Response(404, "text/plain", "no route for " + uri.getPath());
			byte[] body = response.body().getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", response.contentType());
			response.headers().forEach(exchange.getResponseHeaders()::set);
			exchange.sendResponseHeaders(response.status(), (body.length == 0) ? -1 : body.length);
			if (body.length > 0) {
				try (OutputStream out = exchange.getResponseBody()) {
					out.write(body);
				}
			}
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

	/**
	 * A request received.
	 *
	 * @param method its method
	 * @param path its path
	 * @param query its raw query, or null
	 * @param body its body
	 * @param internalToken its {@code X-Internal-Token} header, or null
	 * @param contentLength its {@code Content-Length} header, or null (a chunked body)
	 */
	public record Request(String method, String path, String query, String body, String internalToken,
			String contentLength) {

		/** A query parameter's value, or null. */
		public String param(String name) {
			if (this.query == null) {
				return null;
			}
			for (String pair : this.query.split("&")) {
				String[] parts = pair.split("=", 2);
				if (parts[0].equals(name)) {
					return (parts.length > 1) ? parts[1] : "";
				}
			}
			return null;
		}

	}

	/**
	 * A response to give.
	 *
	 * @param status its status
	 * @param contentType its content type
	 * @param body its body
	 * @param headers its other headers
	 */
	public record Response(int status, String contentType, String body, Map<String, String> headers) {

		public Response(int status, String contentType, String body) {
			this(status, contentType, body, Map.of());
		}

	}

}

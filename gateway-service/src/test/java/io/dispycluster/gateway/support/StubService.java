package io.dispycluster.gateway.support;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.jspecify.annotations.Nullable;

/**
 * A service stand-in on a loopback port: answers what a test tells it to, records every
 * request, and can be stopped and started again on the same port. By default it answers
 * {@code /health} with 200 and echoes any other request as JSON, so a test can see which
 * service got a routed request and how.
 */
public final class StubService {

	private static final Pattern CHARSET = Pattern.compile("charset=\"?([^\";\\s]+)", Pattern.CASE_INSENSITIVE);

	private final String name;

	private volatile int port;

	private final Map<String, Function<Recorded, Reply>> handlers = new ConcurrentHashMap<>();

	private final List<Recorded> requests = new CopyOnWriteArrayList<>();

	private final ExecutorService executor = Executors.newCachedThreadPool((task) -> {
		Thread thread = new Thread(task, "stub");
		thread.setDaemon(true);
		return thread;
	});

	private volatile CountDownLatch hang = new CountDownLatch(1);

	private @Nullable HttpServer server;

	private StubService(String name) {
		this.name = name;
	}

	/** Starts a stub named {@code name} on a free loopback port. */
	public static StubService start(String name) {
		StubService stub = new StubService(name);
		stub.start();
		return stub;
	}

	/** Starts (again) on this stub's port, a free one the first time. */
	public synchronized void start() {
		HttpServer started = bind(this.port);
		this.port = started.getAddress().getPort();
		this.server = started;
	}

	/** Stops listening: connections to the port are refused until {@link #start()}. */
	public synchronized void stop() {
		if (this.server != null) {
			this.server.stop(0);
			this.server = null;
		}
	}

	public URI uri() {
		return URI.create("http://127.0.0.1:" + this.port);
	}

	/** Answers {@code method path} (without query string) with {@code handler}. */
	public void on(String method, String path, Function<Recorded, Reply> handler) {
		this.handlers.put(method + " " + path, handler);
	}

	/**
	 * Makes {@code method path} wait until {@link #reset()} (at most 20 s) before
	 * answering.
	 */
	public void hang(String method, String path) {
		CountDownLatch latch = this.hang;
		on(method, path, (request) -> {
			try {
				latch.await(20, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return Reply.json(200, "{\"late\":true}");
		});
	}

	/** Back to the default answers; releases hanging requests; forgets recorded ones. */
	public void reset() {
		this.handlers.clear();
		this.hang.countDown();
		this.hang = new CountDownLatch(1);
		this.requests.clear();
		if (this.server == null) {
			start();
		}
	}

	/** The requests received so far, oldest first. */
	public List<Recorded> requests() {
		return List.copyOf(this.requests);
	}

	/** The last request received on {@code path}. */
	public Recorded last(String path) {
		List<Recorded> matching = this.requests.stream().filter((r) -> r.path().equals(path)).toList();
		if (matching.isEmpty()) {
			throw new AssertionError(this.name + " received no request on " + path + ", only " + this.requests);
		}
		return matching.get(matching.size() - 1);
	}

	private HttpServer bind(int port) {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
			server.setExecutor(this.executor);
			server.createContext("/", this::handle);
			server.start();
			return server;
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot bind stub " + this.name + " on port " + port, ex);
		}
	}

	private void handle(HttpExchange exchange) throws IOException {
		Recorded request = new Recorded(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
				exchange.getRequestURI().getRawQuery(), copy(exchange.getRequestHeaders()),
				new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
		this.requests.add(request);
		Function<Recorded, Reply> handler = this.handlers.get(request.method() + " " + request.path());
		Reply reply = (handler != null) ? handler.apply(request) : defaultReply(request);
		byte[] body = reply.body().getBytes(charsetOf(reply.contentType()));
		reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
		exchange.getResponseHeaders().set("Content-Type", reply.contentType());
		exchange.sendResponseHeaders(reply.status(), (body.length == 0) ? -1 : body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

	/** The charset a content type names, as a service would encode in it; else UTF-8. */
	private static Charset charsetOf(String contentType) {
		Matcher charset = CHARSET.matcher(contentType);
		try {
			return charset.find() ? Charset.forName(charset.group(1)) : StandardCharsets.UTF_8;
		}
		catch (IllegalArgumentException ex) {
			return StandardCharsets.UTF_8;
		}
	}

	private Reply defaultReply(Recorded request) {
		if ("/health".equals(request.path())) {
			return Reply.json(200, "{\"status\":\"healthy\",\"service\":\"" + this.name + "\"}");
		}
		String query = (request.query() != null) ? "\"" + request.query().replace("\"", "\\\"") + "\"" : "null";
		return Reply.json(200, "{\"service\":\"" + this.name + "\",\"method\":\"" + request.method() + "\",\"path\":\""
				+ request.path() + "\",\"query\":" + query + "}");
	}

	private static Headers copy(Headers headers) {
		Headers copy = new Headers();
		copy.putAll(headers);
		return copy;
	}

	@Override
	public String toString() {
		return this.name + "@" + this.port;
	}

	/**
	 * A request as the stub received it.
	 *
	 * @param method the HTTP method
	 * @param path the raw path
	 * @param query the raw query string, or null
	 * @param headers the headers (names are case-insensitive)
	 * @param body the body as text
	 */
	public record Recorded(String method, String path, @Nullable String query, Headers headers, String body) {

		public @Nullable String header(String name) {
			return this.headers.getFirst(name);
		}

	}

	/**
	 * What the stub answers.
	 *
	 * @param status the HTTP status
	 * @param contentType the content type
	 * @param body the body, sent in the charset the content type names (UTF-8 if none)
	 * @param headers extra response headers
	 */
	public record Reply(int status, String contentType, String body, Map<String, String> headers) {

		public static Reply json(int status, String body) {
			return new Reply(status, "application/json", body, Map.of());
		}

		public static Reply problem(int status, String body) {
			return new Reply(status, "application/problem+json", body, Map.of());
		}

		public Reply withHeader(String name, String value) {
			Map<String, String> headers = new LinkedHashMap<>(this.headers);
			headers.put(name, value);
			return new Reply(this.status, this.contentType, this.body, headers);
		}

	}

}

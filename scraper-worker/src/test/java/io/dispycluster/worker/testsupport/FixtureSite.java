package io.dispycluster.worker.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

/**
 * A small web site served on loopback by the JDK's HTTP server, for crawler tests. Pages
 * are registered by path (with query, if any); any other path answers 404. Page bodies
 * may write {@code {{base}}} for the site's base URL ({@code http://127.0.0.1:port}). The
 * site records every request it receives.
 */
public final class FixtureSite implements AutoCloseable {

	public static final String HTML = "text/html;charset=utf-8";

	private static final String ROBOTS = "/robots.txt";

	private final HttpServer server;

	private final ExecutorService executor = Executors.newCachedThreadPool((task) -> {
		Thread thread = new Thread(task, "fixture-site");
		thread.setDaemon(true);
		return thread;
	});

	private final Map<String, HttpHandler> routes = new ConcurrentHashMap<>();

	private final List<Request> requests = new CopyOnWriteArrayList<>();

	private final CountDownLatch closed = new CountDownLatch(1);

	private FixtureSite() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
		this.server.createContext("/", this::dispatch);
		this.server.setExecutor(this.executor);
		this.server.start();
	}

	/** Starts an empty site on a free port. */
	public static FixtureSite start() {
		try {
			return new FixtureSite();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The site's base URL, {@code http://127.0.0.1:port}. */
	public String base() {
		return "http://127.0.0.1:" + port();
	}

	/** The absolute URL of a path on this site. */
	public String url(String path) {
		return base() + path;
	}

	public int port() {
		return this.server.getAddress().getPort();
	}

	/** Serves an HTML page with status 200. */
	public FixtureSite page(String path, String html) {
		return respond(path, 200, HTML, html);
	}

	/** Serves an HTML page from {@code src/test/resources/site/}. */
	public FixtureSite pageFrom(String path, String resource) {
		return page(path, read("/site/" + resource));
	}

	/** Serves any status, type and body. */
	public FixtureSite respond(String path, int status, String contentType, String body) {
		return handle(path, (exchange) -> send(exchange, status, contentType, body));
	}

	/** Redirects to another location (relative or absolute). */
	public FixtureSite redirect(String path, int status, String location) {
		return handle(path, (exchange) -> {
			exchange.getResponseHeaders().set("Location", location.replace("{{base}}", base()));
			exchange.sendResponseHeaders(status, -1);
			exchange.close();
		});
	}

	/** Serves a page after a delay (cut short when the site closes). */
	public FixtureSite slowPage(String path, Duration delay, String html) {
		return handle(path, (exchange) -> {
			pause(delay);
			send(exchange, 200, HTML, html);
		});
	}

	/** Serves a path with a custom handler. */
	public FixtureSite handle(String path, HttpHandler handler) {
		this.routes.put(path, handler);
		return this;
	}

	/** The paths requested so far (with query), in arrival order, robots.txt aside. */
	public List<String> requestedPaths() {
		return requests().stream().map(Request::path).toList();
	}

	/** The requests received so far, in arrival order, robots.txt aside. */
	public List<Request> requests() {
		return this.requests.stream().filter((request) -> !request.path().equals(ROBOTS)).toList();
	}

	/** How many times robots.txt was requested. */
	public long robotsRequests() {
		return this.requests.stream().filter((request) -> request.path().equals(ROBOTS)).count();
	}

	/** The {@code User-Agent} of each robots.txt request, in arrival order. */
	public List<String> robotsUserAgents() {
		return this.requests.stream()
			.filter((request) -> request.path().equals(ROBOTS))
			.map(Request::userAgent)
			.toList();
	}

	/** Waits, unless the site closes first. */
	public void pause(Duration delay) {
		try {
			this.closed.await(delay.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void close() {
		this.closed.countDown();
		this.server.stop(0);
		this.executor.shutdownNow();
	}

	private void dispatch(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getRawPath();
		String query = exchange.getRequestURI().getRawQuery();
		String key = (query != null) ? path + "?" + query : path;
		this.requests.add(new Request(key, exchange.getRequestHeaders().getFirst("User-Agent"), System.nanoTime()));
		HttpHandler handler = this.routes.get(key);
		if (handler == null) {
			send(exchange, 404, HTML, "<html><body><h1>Not found</h1></body></html>");
			return;
		}
		handler.handle(exchange);
	}

	private void send(HttpExchange exchange, int status, String contentType, String body) throws IOException {
		byte[] bytes = body.replace("{{base}}", base()).getBytes(StandardCharsets.UTF_8);
		if (!contentType.isEmpty()) {
			exchange.getResponseHeaders().set("Content-Type", contentType);
		}
		exchange.sendResponseHeaders(status, (bytes.length > 0) ? bytes.length : -1);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
		catch (IOException ex) {
			// The client went away: nothing to do.
		}
	}

	private static String read(String resource) {
		try (InputStream in = FixtureSite.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalArgumentException("No test resource " + resource);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A request the site received.
	 *
	 * @param path the path, with query
	 * @param userAgent the {@code User-Agent} header, or null
	 * @param nanoTime when it arrived, in {@link System#nanoTime()} terms
	 */
	public record Request(String path, String userAgent, long nanoTime) {
	}

}

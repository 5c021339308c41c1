package io.dispycluster.worker.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.jspecify.annotations.Nullable;

/**
 * A stand-in for the controller's internal API on loopback: it records every call and
 * answers 204 (200 with a body for a registration), unless told to answer a path with
 * other statuses first, or to refuse bodies over a size as the controller's body limit
 * does.
 */
public final class StubController implements AutoCloseable {

	private final HttpServer server;

	private final List<Call> calls = new CopyOnWriteArrayList<>();

	private final Map<String, Deque<Integer>> scripted = new ConcurrentHashMap<>();

	private final Map<String, Integer> bodyLimits = new ConcurrentHashMap<>();

	private volatile @Nullable String requiredToken;

	private StubController() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
		this.server.createContext("/", this::answer);
		this.server.setExecutor(Executors.newCachedThreadPool());
		this.server.start();
	}

	public static StubController start() {
		try {
			return new StubController();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public String baseUrl() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	/** Answers the next calls to a path with these statuses, in order, then as usual. */
	public void answerNext(String path, Integer... statuses) {
		this.scripted.computeIfAbsent(path, (key) -> new ConcurrentLinkedDeque<>()).addAll(List.of(statuses));
	}

	/** Answers every call to a path with this status. */
	public void answerAlways(String path, int status) {
		answerNext(path, Collections.nCopies(1000, status).toArray(Integer[]::new));
	}

	/**
	 * Refuses bodies of more than {@code limit} bytes sent to a path as the controller's
	 * body limit does: 413 with its problem, before reading a body whose declared length
	 * is over, or at the first byte past the limit of one sent without a length, and
	 * closing the connection rather than reading the rest. A refused call is recorded
	 * with the body read until then.
	 */
	public void refuseBodiesOver(String path, int limit) {
		this.bodyLimits.put(path, limit);
	}

	/**
	 * Answers 401, like the controller in production, to every call that does not carry
	 * this token as {@code X-Internal-Token}.
	 */
	public void requireToken(String token) {
		this.requiredToken = token;
	}

	/** The calls received on a path, in order. */
	public List<Call> calls(String path) {
		return this.calls.stream().filter((call) -> call.path().equals(path)).toList();
	}

	/** The bodies of the calls received on a path, in order. */
	public List<String> bodies(String path) {
		return this.calls.stream().filter((call) -> call.path().equals(path)).map(Call::body).toList();
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	private void answer(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getPath();
		Integer limit = this.bodyLimits.get(path);
		String length = exchange.getRequestHeaders().getFirst("Content-Length");
		boolean declaredOver = limit != null && length != null && Long.parseLong(length) > limit;
		byte[] read = (limit == null) ? exchange.getRequestBody().readAllBytes()
				: declaredOver ? new byte[0] : exchange.getRequestBody().readNBytes(limit + 1);
		String body = new String(read, StandardCharsets.UTF_8);
		String token = exchange.getRequestHeaders().getFirst("X-Internal-Token");
		this.calls.add(new Call(path, body, exchange.getRequestHeaders().getFirst("Content-Type"), token,
				exchange.getRequestHeaders().getFirst("X-Request-Id")));
		boolean tooLarge = declaredOver || (limit != null && read.length > limit);
		// a body refused as too large leaves the scripted answers to the next calls
		Deque<Integer> next = tooLarge ? null : this.scripted.get(path);
		Integer status = (next != null) ? next.poll() : null;
		if (this.requiredToken != null && !this.requiredToken.equals(token)) {
			exchange.sendResponseHeaders(401, -1);
		}
		else if (tooLarge) {
			refuseTooLarge(exchange, limit);
		}
		else if (status != null) {
			exchange.sendResponseHeaders(status, -1);
		}
		else if (path.endsWith("/register")) {
			byte[] view = "{\"node\":\"it\",\"status\":\"online\"}".getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, view.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(view);
			}
		}
		else {
			exchange.sendResponseHeaders(204, -1);
		}
		exchange.close();
	}

	private static void refuseTooLarge(HttpExchange exchange, int limit) throws IOException {
		byte[] problem = ("{\"type\":\"urn:dispycluster:problem:payload-too-large\",\"title\":\"Request body too large\","
				+ "\"status\":413,\"detail\":\"Le corps de la requête dépasse " + (limit / 1024) + " Ko\"}")
			.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
		exchange.getResponseHeaders().set("Connection", "close");
		exchange.sendResponseHeaders(413, problem.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(problem);
		}
	}

	/**
	 * A call the stub received.
	 *
	 * @param path the request path
	 * @param body the request body
	 * @param contentType the request's {@code Content-Type}
	 * @param token the request's {@code X-Internal-Token}, or null
	 * @param requestId the request's {@code X-Request-Id}, or null
	 */
	public record Call(String path, String body, String contentType, @Nullable String token,
			@Nullable String requestId) {
	}

}

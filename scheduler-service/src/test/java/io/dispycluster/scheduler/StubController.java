package io.dispycluster.scheduler;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real HTTP server standing in for the controller: it accepts batches on
 * {@code POST /scrape/batch} and answers job statuses on {@code GET /jobs/{id}}. A job
 * reports {@code running} for its first {@link #pollsBeforeDone} polls, then
 * {@code completed} with 3 pages, or {@code failed} when its URL contains "fail" (one
 * whose URL contains "forever" stays running). The next {@link #unavailable} submissions
 * get a 503, and every submission gets a 422 while {@link #refuse} is set, and is held
 * unanswered while {@link #holdSubmissions} is set. {@code POST /jobs/{id}/cancel}
 * cancels a job.
 */
public final class StubController implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpServer server;

	private final AtomicInteger counter = new AtomicInteger();

	private final Map<String, String> urlsByJob = new ConcurrentHashMap<>();

	private final Map<String, AtomicInteger> pollsByJob = new ConcurrentHashMap<>();

	/** The bodies of the batches accepted or refused, in order. */
	public final List<Map<String, Object>> batches = Collections.synchronizedList(new ArrayList<>());

	/** The internal tokens of every request, in order. */
	public final List<String> internalTokens = Collections.synchronizedList(new ArrayList<>());

	/** The idempotency keys of every submission attempt, in order. */
	public final List<String> idempotencyKeys = Collections.synchronizedList(new ArrayList<>());

	/** Polls during which a job stays running. */
	public volatile int pollsBeforeDone = 1;

	/** How many submissions to answer with 503 before accepting again. */
	public final AtomicInteger unavailable = new AtomicInteger();

	/** Whether to refuse every batch with a 422 problem. */
	public volatile boolean refuse;

	/**
	 * While set, submissions are held (unanswered) until it counts down; each one held
	 * counts {@link #submissionsHeld} down first.
	 */
	public volatile CountDownLatch holdSubmissions;

	/** Counted down by every submission held. */
	public volatile CountDownLatch submissionsHeld = new CountDownLatch(1);

	/** The jobs cancelled through {@code POST /jobs/{id}/cancel}, in order. */
	public final List<String> cancelled = Collections.synchronizedList(new ArrayList<>());

	public StubController() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/scrape/batch", this::batch);
		this.server.createContext("/jobs/", this::job);
		this.server.setExecutor(Executors.newFixedThreadPool(4));
		this.server.start();
	}

	public String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	/** Batches whose URLs are exactly these. */
	public long batchesFor(List<String> urls) {
		synchronized (this.batches) {
			return this.batches.stream().filter((batch) -> urls.equals(batch.get("urls"))).count();
		}
	}

	@SuppressWarnings("unchecked")
	private void batch(HttpExchange exchange) throws IOException {
		this.internalTokens.add(String.valueOf(exchange.getRequestHeaders().getFirst("X-Internal-Token")));
		this.idempotencyKeys.add(String.valueOf(exchange.getRequestHeaders().getFirst("Idempotency-Key")));
		Map<String, Object> body = JSON.readValue(exchange.getRequestBody(), Map.class);
		CountDownLatch hold = this.holdSubmissions;
		if (hold != null) {
			this.submissionsHeld.countDown();
			try {
				hold.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		if (this.unavailable.getAndUpdate((n) -> Math.max(0, n - 1)) > 0) {
			send(exchange, 503, "application/problem+json",
					Map.of("type", "urn:dispycluster:problem:unavailable", "status", 503, "detail", "restarting"));
			return;
		}
		this.batches.add(body);
		if (this.refuse) {
			send(exchange, 422, "application/problem+json",
					Map.of("type", "urn:dispycluster:problem:invalid-request", "status", 422, "detail",
							"La requête contient des valeurs invalides", "errors",
							List.of(Map.of("field", "urls[0]", "message", "blocked address"))));
			return;
		}
		List<String> jobIds = new ArrayList<>();
		for (String url : (List<String>) body.get("urls")) {
			String id = "job_" + this.counter.incrementAndGet() + "_1700000000";
			this.urlsByJob.put(id, url);
			this.pollsByJob.put(id, new AtomicInteger());
			jobIds.add(id);
		}
		send(exchange, 200, "application/json", Map.of("message", jobIds.size() + " jobs créés avec succès", "job_ids",
				jobIds, "batch_id", "batch_" + this.counter.incrementAndGet()));
	}

	private void job(HttpExchange exchange) throws IOException {
		this.internalTokens.add(String.valueOf(exchange.getRequestHeaders().getFirst("X-Internal-Token")));
		String path = exchange.getRequestURI().getPath().substring("/jobs/".length());
		boolean cancel = path.endsWith("/cancel") && "POST".equals(exchange.getRequestMethod());
		String id = cancel ? path.substring(0, path.length() - "/cancel".length()) : path;
		String url = this.urlsByJob.get(id);
		if (url == null) {
			send(exchange, 404, "application/problem+json", Map.of("type", "urn:dispycluster:problem:job-not-found",
					"status", 404, "detail", "Job non trouvé"));
			return;
		}
		if (cancel) {
			this.cancelled.add(id);
			send(exchange, 200, "application/json",
					Map.of("message", "Job annulé avec succès", "job_id", id, "status", "cancelled"));
			return;
		}
		boolean done = this.pollsByJob.get(id).incrementAndGet() > this.pollsBeforeDone && !url.contains("forever");
		boolean fails = url.contains("fail");
		Map<String, Object> view = new LinkedHashMap<>();
		view.put("id", id);
		view.put("start_url", url);
		view.put("status",
				this.cancelled.contains(id) ? "cancelled" : !done ? "running" : fails ? "failed" : "completed");
		view.put("pages_crawled", (done && !fails) ? 3 : 0);
		view.put("error", (done && fails) ? "HTTP 500 sur " + url : null);
		view.put("attempts", 1);
		view.put("result", (done && !fails) ? Map.of("crawled", List.of(url), "pii_by_url", Map.of(), "errors",
				Map.of(), "pages", List.of(), "some_future_field", true) : null);
		send(exchange, 200, "application/json", view);
	}

	private static void send(HttpExchange exchange, int status, String type, Object body) throws IOException {
		byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", type);
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}

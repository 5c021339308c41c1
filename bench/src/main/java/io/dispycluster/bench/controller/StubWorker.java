package io.dispycluster.bench.controller;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.dispycluster.model.job.AttemptOutcome;
import io.dispycluster.model.job.AttemptReport;
import io.dispycluster.model.job.PageSummary;
import io.dispycluster.model.job.ScrapeAssignment;
import io.dispycluster.model.job.ScrapeResult;
import io.dispycluster.model.worker.WorkerHealth;
import io.dispycluster.model.worker.WorkerRegistration;
import tools.jackson.databind.json.JsonMapper;

/**
 * The worker side of the protocol with no crawl behind it: {@code GET /health},
 * {@code GET /assignments}, {@code POST /assignments} (202, or 503 at capacity) and
 * {@code POST /assignments/{id}/cancel}. Every accepted assignment is reported as
 * succeeded at once ({@code POST <controller>/internal/jobs/{id}/report}) with a one-page
 * result. It registers with {@code POST /internal/workers/register}.
 */
final class StubWorker {

	private final String node;

	private final int capacity;

	private final URI controller;

	private final JsonMapper json;

	private final HttpClient client;

	private final ExecutorService reporters;

	private final Listener listener;

	private final Map<String, Integer> active = new ConcurrentHashMap<>();

	private final ExecutorService serverThreads = Executors.newFixedThreadPool(4);

	private final HttpServer server;

	StubWorker(String node, int capacity, URI controller, JsonMapper json, HttpClient client, ExecutorService reporters,
			Listener listener) throws IOException {
		this.node = node;
		this.capacity = capacity;
		this.controller = controller;
		this.json = json;
		this.client = client;
		this.reporters = reporters;
		this.listener = listener;
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
		this.server.setExecutor(this.serverThreads);
		this.server.createContext("/", this::handle);
	}

	void start() {
		this.server.start();
	}

	void stop() {
		this.server.stop(0);
		this.serverThreads.shutdownNow();
	}

	String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	/** Registers with the controller; fails unless it answers 200. */
	void register() throws IOException, InterruptedException {
		byte[] body = this.json.writeValueAsBytes(new WorkerRegistration(this.node, url(), this.capacity));
		HttpResponse<String> response = this.client.send(
				post(this.controller.resolve("/internal/workers/register"), body),
				HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IOException(
					"Registration of " + this.node + " refused: HTTP " + response.statusCode() + " " + response.body());
		}
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			byte[] body = exchange.getRequestBody().readAllBytes();
			String method = exchange.getRequestMethod();
			String path = exchange.getRequestURI().getPath();
			if (method.equals("GET") && path.equals("/health")) {
				send(exchange, 200, this.json
					.writeValueAsBytes(new WorkerHealth("ok", this.node, this.capacity, this.active.size())));
			}
			else if (method.equals("GET") && path.equals("/assignments")) {
				send(exchange, 200, this.json.writeValueAsBytes(assignments()));
			}
			else if (method.equals("POST") && path.equals("/assignments")) {
				assign(exchange, this.json.readValue(body, ScrapeAssignment.class));
			}
			else if (method.equals("POST") && path.startsWith("/assignments/") && path.endsWith("/cancel")) {
				String jobId = path.substring("/assignments/".length(), path.length() - "/cancel".length());
				send(exchange, (this.active.remove(jobId) != null) ? 202 : 404, new byte[0]);
			}
			else {
				send(exchange, 404, new byte[0]);
			}
		}
	}

	private List<Map<String, Object>> assignments() {
		List<Map<String, Object>> list = new ArrayList<>();
		this.active.forEach((jobId, attempt) -> list.add(Map.of("job_id", jobId, "attempt", attempt, "pages_done", 0)));
		return list;
	}

	private void assign(HttpExchange exchange, ScrapeAssignment assignment) throws IOException {
		long receivedAt = System.nanoTime();
		synchronized (this.active) {
			if (this.active.size() >= this.capacity) {
				send(exchange, 503, "{\"title\":\"at capacity\",\"status\":503}".getBytes(StandardCharsets.UTF_8));
				this.listener.refused(assignment.jobId());
				return;
			}
			this.active.put(assignment.jobId(), assignment.attempt());
		}
		this.listener.assigned(assignment.jobId(), receivedAt);
		send(exchange, 202,
				this.json.writeValueAsBytes(Map.of("job_id", assignment.jobId(), "attempt", assignment.attempt())));
		try {
			this.reporters.execute(() -> report(assignment));
		}
		catch (RejectedExecutionException ex) {
			this.active.remove(assignment.jobId());
		}
	}

	private void report(ScrapeAssignment assignment) {
		String url = assignment.spec().startUrl();
		ScrapeResult result = new ScrapeResult(List.of(url), Map.of(), Map.of(),
				List.of(new PageSummary(url, 200, "stub", 0, 0)), "max_pages");
		byte[] body = this.json.writeValueAsBytes(
				new AttemptReport(assignment.attempt(), this.node, AttemptOutcome.SUCCEEDED, result, null));
		URI target = this.controller.resolve("/internal/jobs/" + assignment.jobId() + "/report");
		// Like the real worker, free the slot before reporting: the controller may
		// send the next assignment as soon as it has the report.
		this.active.remove(assignment.jobId());
		int status = -1;
		for (int attempt = 0; attempt < 5 && status < 0; attempt++) {
			try {
				status = this.client.send(post(target, body), HttpResponse.BodyHandlers.discarding()).statusCode();
			}
			catch (IOException ex) {
				sleep(100L << attempt);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
		this.listener.reported(assignment.jobId(), status, System.nanoTime());
	}

	private static HttpRequest post(URI uri, byte[] body) {
		return HttpRequest.newBuilder(uri)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build();
	}

	private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, (body.length == 0) ? -1 : body.length);
		if (body.length > 0) {
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		}
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** What the benchmark learns from the stubs. */
	interface Listener {

		/** An assignment was accepted at {@code nanos} ({@link System#nanoTime()}). */
		void assigned(String jobId, long nanos);

		/** An assignment was refused because the stub was full. */
		void refused(String jobId);

		/** The report was answered with {@code status} (-1: never delivered). */
		void reported(String jobId, int status, long nanos);

	}

}

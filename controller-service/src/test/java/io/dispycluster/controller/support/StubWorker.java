package io.dispycluster.controller.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A worker that does not crawl: a real HTTP server on a random loopback port that speaks
 * the worker API to the controller ({@code GET /health}, {@code POST /assignments},
 * {@code GET /assignments}, {@code POST /assignments/{id}/cancel}) and reports back like
 * a real worker, retrying a report while the controller is unreachable and stopping at
 * its first answer. What it does with an assignment depends on its {@link Mode}.
 */
public final class StubWorker implements AutoCloseable {

	/** What the worker does with the assignments it gets. */
	public enum Mode {

		/** Accepts, reports progress, then success after the configured delay. */
		COMPLETE,

		/** Accepts and holds the job (listed in {@code GET /assignments}) until told. */
		HOLD,

		/** Accepts, then reports a failure. */
		FAIL,

		/**
		 * Accepts, then never reports nor lists the job, as a worker that lost it (its
		 * lease must expire).
		 */
		SILENT,

		/**
		 * Answers 202 but keeps nothing, as if the assignment had never reached it (the
		 * controller stopped between claiming the job and sending it).
		 */
		DROP,

		/** Answers 503, as a worker at capacity. */
		REFUSE,

		/**
		 * Answers 422 naming {@code spec.user_agent}, as a worker that does not allow a
		 * job to set it.
		 */
		INVALID,

		/**
		 * Answers 409 {@code stale-attempt}, as a worker that already runs a newer
		 * attempt of the job when an older one reaches it.
		 */
		STALE

	}

	/**
	 * An assignment the worker received.
	 *
	 * @param jobId the job
	 * @param attempt the attempt number
	 * @param startUrl what to crawl
	 * @param spec the assignment's whole {@code spec}, crawl options included
	 * @param requestId the assignment's {@code X-Request-Id}, or null
	 */
	public record Assignment(String jobId, int attempt, String startUrl, JsonNode spec, String requestId) {
	}

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final String node;

	private final int capacity;

	private final String controllerUrl;

	private final HttpServer server;

	private final ExecutorService handlers = Executors.newCachedThreadPool();

	private final ExecutorService reporters = Executors.newCachedThreadPool();

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final Map<String, Assignment> running = new ConcurrentHashMap<>();

	private final List<Assignment> received = new CopyOnWriteArrayList<>();

	private final List<String> cancelled = new CopyOnWriteArrayList<>();

	private final List<String> stops = new CopyOnWriteArrayList<>();

	private volatile Duration cancelLatency = Duration.ZERO;

	private volatile boolean cancelsFail;

	private volatile boolean listsAnsweredReports;

	private final Map<String, Integer> acceptedCompletions = new ConcurrentHashMap<>();

	private final CountDownLatch closed = new CountDownLatch(1);

	private volatile Mode mode;

	private volatile Duration delay = Duration.ofMillis(20);

	private volatile boolean hanging;

	private volatile boolean assignmentsFail;

	private volatile Duration assignmentLatency = Duration.ZERO;

	private volatile String token;

	private volatile Map<String, String> labels = Map.of();

	private volatile String instanceId;

	private final List<String> callsWithoutToken = new CopyOnWriteArrayList<>();

	private final List<String> calls = new CopyOnWriteArrayList<>();

	private final Map<String, Assignment> reporting = new ConcurrentHashMap<>();

	private StubWorker(String node, int capacity, String controllerUrl, Mode mode) throws IOException {
		this.node = node;
		this.capacity = capacity;
		this.controllerUrl = controllerUrl;
		this.mode = mode;
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
		this.server.setExecutor(this.handlers);
		this.server.createContext("/", this::handle);
		this.server.start();
	}

	/** Starts a worker (not yet registered). */
	public static StubWorker start(String node, int capacity, String controllerUrl, Mode mode) {
		try {
			return new StubWorker(node, capacity, controllerUrl, mode);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public String node() {
		return this.node;
	}

	public String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	/** Registers with the controller, as a worker does at start-up. */
	public StubWorker register() {
		StringBuilder labels = new StringBuilder();
		this.labels.forEach((key, value) -> labels.append(labels.isEmpty() ? "" : ",")
			.append('"')
			.append(key)
			.append("\":\"")
			.append(value)
			.append('"'));
		String instance = (this.instanceId != null) ? ",\"instance_id\":\"" + this.instanceId + "\"" : "";
		int status = post("/internal/workers/register", "{\"node\":\"" + this.node + "\",\"url\":\"" + url()
				+ "\",\"capacity\":" + this.capacity + ",\"labels\":{" + labels + "}" + instance + "}", false);
		if (status != 200) {
			throw new IllegalStateException("Registration refused: HTTP " + status);
		}
		return this;
	}

	/**
	 * The id of the worker's process, sent in the registration (call before
	 * {@link #register()}) and in {@code GET /health}; none by default, as older workers.
	 */
	public StubWorker instanceId(String instanceId) {
		this.instanceId = instanceId;
		return this;
	}

	/**
	 * The worker was killed and started again at the same address before any health check
	 * failed: the new process holds nothing and has a new instance id.
	 */
	public StubWorker restartInPlace(String instanceId) {
		this.running.clear();
		this.instanceId = instanceId;
		return this;
	}

	/** Labels to declare in the registration (call before {@link #register()}). */
	public StubWorker labels(Map<String, String> labels) {
		this.labels = Map.copyOf(labels);
		return this;
	}

	public StubWorker mode(Mode mode) {
		this.mode = mode;
		return this;
	}

	public StubWorker delay(Duration delay) {
		this.delay = delay;
		return this;
	}

	/**
	 * Sends this internal token to the controller and expects it on every call from the
	 * controller (calls without it are listed by {@link #callsWithoutToken()}).
	 */
	public StubWorker token(String token) {
		this.token = token;
		return this;
	}

	/** Every call the controller made, as {@code METHOD path}. */
	public List<String> calls() {
		return List.copyOf(this.calls);
	}

	/** The controller's calls that lacked the expected internal token. */
	public List<String> callsWithoutToken() {
		return List.copyOf(this.callsWithoutToken);
	}

	/** From now on, every request hangs until the worker is closed. */
	/**
	 * How long an assignment takes to arrive: the worker takes it (and answers) only
	 * then.
	 */
	public StubWorker assignmentLatency(Duration latency) {
		this.assignmentLatency = latency;
		return this;
	}

	/** Makes {@code GET /assignments} answer 500 (or work again). */
	public StubWorker assignmentsFail(boolean fail) {
		this.assignmentsFail = fail;
		return this;
	}

	public void hang() {
		this.hanging = true;
	}

	public List<Assignment> received() {
		return List.copyOf(this.received);
	}

	/** The jobs of the cancellations the worker answered, one per call. */
	public List<String> cancelled() {
		return List.copyOf(this.cancelled);
	}

	/**
	 * The cancellations the worker answered, one per call, as {@code jobId#attempt}, or
	 * the job id alone for one that named no attempt.
	 */
	public List<String> stops() {
		return List.copyOf(this.stops);
	}

	/**
	 * Runs (and lists) an attempt that the controller did not send, as one given to the
	 * worker by hand.
	 */
	public StubWorker runs(String jobId, int attempt) {
		this.running.put(jobId, new Assignment(jobId, attempt, "http://site.test/", JSON.createObjectNode(), null));
		return this;
	}

	/**
	 * Keeps listing an attempt in {@code GET /assignments} after its report was answered,
	 * as a worker does until the answer reaches it.
	 */
	public StubWorker listsAnsweredReports(boolean lists) {
		this.listsAnsweredReports = lists;
		return this;
	}

	/** How long a cancellation takes to arrive: the worker acts on it only then. */
	public StubWorker cancelLatency(Duration latency) {
		this.cancelLatency = latency;
		return this;
	}

	/**
	 * Makes cancellations answer 500 without stopping anything (or work again), as if
	 * they never arrived.
	 */
	public StubWorker cancelsFail(boolean fail) {
		this.cancelsFail = fail;
		return this;
	}

	public Map<String, Assignment> running() {
		return Map.copyOf(this.running);
	}

	/** How many success reports of this job the controller accepted (204). */
	public int acceptedCompletions(String jobId) {
		return this.acceptedCompletions.getOrDefault(jobId, 0);
	}

	/** Reports success of a held job's attempt; returns the controller's status. */
	public int complete(String jobId) {
		Assignment assignment = this.running.get(jobId);
		if (assignment == null) {
			throw new IllegalStateException("Not running " + jobId);
		}
		return report(assignment, "succeeded", null);
	}

	/** Reports an outcome of any attempt; returns the controller's status. */
	public int report(Assignment assignment, String outcome, String error) {
		return report(assignment, outcome, error, "succeeded".equals(outcome) ? result(assignment.startUrl()) : null);
	}

	/** Reports that an attempt stopped, with what it crawled; returns the status. */
	public int reportCancelled(Assignment assignment, JsonNode partial) {
		return report(assignment, "cancelled", null, partial);
	}

	/** Reports success of a held job's attempt with this result. */
	public int complete(String jobId, JsonNode result) {
		return report(this.running.get(jobId), "succeeded", null, result);
	}

	private int report(Assignment assignment, String outcome, String error, JsonNode result) {
		ObjectNode body = JSON.createObjectNode();
		body.put("attempt", assignment.attempt());
		body.put("node", this.node);
		body.put("outcome", outcome);
		if (result != null) {
			body.set("result", result);
		}
		if (error != null) {
			body.put("error", error);
		}
		// Like the real worker: the slot is free before the report, since the controller
		// may dispatch the next job as soon as it has the report. The attempt is still
		// listed (its lease renewed) until the report is answered.
		this.reporting.put(assignment.jobId(), assignment);
		this.running.remove(assignment.jobId(), assignment);
		int status;
		try {
			status = post("/internal/jobs/" + assignment.jobId() + "/report", body.toString(), true);
		}
		finally {
			if (!this.listsAnsweredReports) {
				this.reporting.remove(assignment.jobId(), assignment);
			}
		}
		if (status == 204 && "succeeded".equals(outcome)) {
			this.acceptedCompletions.merge(assignment.jobId(), 1, Integer::sum);
		}
		return status;
	}

	/** Reports progress of an attempt; returns the controller's status. */
	public int progress(Assignment assignment, int pages) {
		return post("/internal/jobs/" + assignment.jobId() + "/progress",
				"{\"attempt\":" + assignment.attempt() + ",\"node\":\"" + this.node + "\",\"pages_done\":" + pages
						+ ",\"current_url\":\"" + assignment.startUrl() + "\"}",
				true);
	}

	/**
	 * A result with the contract fields and per-page detail: two pages crawled, one
	 * error.
	 */
	public static JsonNode result(String startUrl) {
		return JSON.readTree("{\"crawled\":[\"" + startUrl + "\",\"" + startUrl + "contact\"]," + "\"pii_by_url\":{\""
				+ startUrl + "\":{\"emails\":[\"alice@site.test\"],\"phones\":[]},\"" + startUrl
				+ "contact\":{\"emails\":[],\"phones\":[\"+33 1 23 45 67 89\"]}}," + "\"errors\":{\"" + startUrl
				+ "missing\":\"HTTP 404 / type text/html\"}," + "\"pages\":[{\"url\":\"" + startUrl
				+ "\",\"status\":200,\"title\":\"Home\",\"depth\":0,\"links\":2}," + "{\"url\":\"" + startUrl
				+ "contact\",\"status\":200,\"title\":\"Contact\",\"depth\":1,\"links\":0}],"
				+ "\"stop_reason\":\"frontier_exhausted\"}");
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			if (this.hanging) {
				this.closed.await();
				return;
			}
			String path = exchange.getRequestURI().getPath();
			String method = exchange.getRequestMethod();
			this.calls.add(method + " " + path);
			if (this.token != null && !this.token.equals(exchange.getRequestHeaders().getFirst("X-Internal-Token"))) {
				this.callsWithoutToken.add(method + " " + path);
			}
			if (method.equals("GET") && path.equals("/health")) {
				String instance = (this.instanceId != null) ? ",\"instance_id\":\"" + this.instanceId + "\"" : "";
				send(exchange, 200, "{\"status\":\"ok\",\"node\":\"" + this.node + "\",\"capacity\":" + this.capacity
						+ ",\"active_jobs\":" + this.running.size() + instance + "}");
			}
			else if (method.equals("GET") && path.equals("/assignments")) {
				send(exchange, this.assignmentsFail ? 500 : 200, this.assignmentsFail ? "{}" : listing());
			}
			else if (method.equals("POST") && path.equals("/assignments")) {
				assign(exchange);
			}
			else if (method.equals("POST") && path.startsWith("/assignments/") && path.endsWith("/cancel")) {
				cancel(exchange, path.substring("/assignments/".length(), path.length() - "/cancel".length()));
			}
			else {
				send(exchange, 404, "{}");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Like the real worker: a stop naming an attempt stops only that one (a newer attempt
	 * of the job keeps running), one naming none stops whichever runs.
	 */
	private void cancel(HttpExchange exchange, String jobId) throws IOException {
		sleep(this.cancelLatency.toMillis());
		if (this.cancelsFail) {
			send(exchange, 500, "{}");
			return;
		}
		String query = exchange.getRequestURI().getQuery();
		Integer attempt = (query != null && query.startsWith("attempt=")) ? Integer.valueOf(query.substring(8)) : null;
		this.cancelled.add(jobId);
		this.stops.add(jobId + ((attempt != null) ? "#" + attempt : ""));
		Assignment current = this.running.get(jobId);
		boolean stopped = current != null && (attempt == null || current.attempt() == attempt)
				&& this.running.remove(jobId, current);
		send(exchange, stopped ? 202 : 404, "{}");
	}

	private String listing() {
		if (this.mode == Mode.SILENT) {
			return "[]";
		}
		StringBuilder list = new StringBuilder("[");
		List<Assignment> listed = new ArrayList<>(this.running.values());
		listed.addAll(this.reporting.values());
		for (Assignment assignment : listed) {
			list.append((list.length() > 1) ? "," : "")
				.append("{\"job_id\":\"")
				.append(assignment.jobId())
				.append("\",\"attempt\":")
				.append(assignment.attempt())
				.append(",\"pages_done\":0,\"current_url\":null}");
		}
		return list.append(']').toString();
	}

	private void assign(HttpExchange exchange) throws IOException {
		sleep(this.assignmentLatency.toMillis());
		JsonNode body = JSON.readTree(readBody(exchange.getRequestBody()));
		Assignment assignment = new Assignment(body.get("job_id").stringValue(), body.get("attempt").intValue(),
				body.get("spec").get("start_url").stringValue(), body.get("spec"),
				exchange.getRequestHeaders().getFirst("X-Request-Id"));
		Mode current = this.mode;
		if (current == Mode.REFUSE || this.running.size() >= this.capacity) {
			send(exchange, 503, "{\"status\":503,\"title\":\"Worker at capacity\"}");
			return;
		}
		if (current == Mode.INVALID) {
			send(exchange, 422, "{\"type\":\"urn:dispycluster:problem:invalid-request\",\"title\":\"Invalid request\","
					+ "\"status\":422,\"errors\":[{\"field\":\"spec.user_agent\",\"message\":\"cannot be set on this "
					+ "worker\"}]}");
			return;
		}
		if (current == Mode.STALE) {
			send(exchange, 409, "{\"type\":\"urn:dispycluster:problem:stale-attempt\",\"title\":\"Stale attempt\","
					+ "\"status\":409}");
			return;
		}
		if (current == Mode.DROP) {
			send(exchange, 202, "{\"job_id\":\"" + assignment.jobId() + "\",\"attempt\":" + assignment.attempt() + "}");
			return;
		}
		this.received.add(assignment);
		this.running.put(assignment.jobId(), assignment);
		send(exchange, 202, "{\"job_id\":\"" + assignment.jobId() + "\",\"attempt\":" + assignment.attempt() + "}");
		if (current == Mode.COMPLETE || current == Mode.FAIL) {
			this.reporters.execute(() -> work(assignment, current));
		}
	}

	private void work(Assignment assignment, Mode mode) {
		try {
			Thread.sleep(this.delay.toMillis());
			if (mode == Mode.COMPLETE) {
				progress(assignment, 1);
				report(assignment, "succeeded", null);
			}
			else {
				report(assignment, "failed", "start URL refused");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Posts to the controller. With {@code retry}, transport errors are retried every 100
	 * ms for up to a minute, as a worker must not lose a result.
	 */
	private int post(String path, String json, boolean retry) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(this.controllerUrl + path))
			.header("Content-Type", "application/json")
			.timeout(Duration.ofSeconds(10))
			.POST(HttpRequest.BodyPublishers.ofString(json));
		if (this.token != null) {
			builder.header("X-Internal-Token", this.token);
		}
		HttpRequest request = builder.build();
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		while (true) {
			try {
				return this.http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
			}
			catch (IOException ex) {
				if (!retry || System.nanoTime() > deadline || this.closed.getCount() == 0) {
					return -1;
				}
				sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return -1;
			}
		}
	}

	private static void sleep(long ms) {
		try {
			Thread.sleep(ms);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static String readBody(InputStream in) throws IOException {
		return new String(in.readAllBytes(), StandardCharsets.UTF_8);
	}

	private static void send(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

	/** Stops answering: the port is closed and pending requests end. */
	@Override
	public void close() {
		this.closed.countDown();
		this.server.stop(0);
		this.handlers.shutdownNow();
		this.reporters.shutdownNow();
	}

}

package io.dispycluster.bench.controller;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.dispycluster.bench.Args;
import io.dispycluster.bench.Samples;
import io.dispycluster.model.job.BatchCreated;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Submits {@code --jobs} jobs to a running controller through {@code POST /scrape/batch}
 * ({@code --batch} URLs per request, {@code --submitters} requests in flight) while
 * {@code --stubs} {@link StubWorker}s of {@code --capacity} each take the assignments and
 * report success at once. Prints jobs accepted per second, jobs dispatched per second,
 * and the time from accepted to dispatched, both from the jobs' own {@code created_at}
 * and {@code started_at} and as the stubs saw it.
 * <p>
 * Two measured runs follow a warm-up ({@code --warmup-jobs}): a <em>burst</em>, the jobs
 * submitted as fast as the controller answers, which gives the throughput (jobs accepted
 * and dispatched per second; its accepted → dispatched times are the time the queue takes
 * to drain, since intake is faster than dispatch); then a <em>paced</em> run, the same
 * number of jobs submitted at {@code --rate} jobs/s (500, the throughput target), which
 * gives the time from accepted to dispatched of a controller that is offered that load.
 * {@code --rate=0} skips the paced run. Machine-readable lines are prefixed with
 * {@code burst_} and {@code paced_}.
 * <p>
 * Options: {@code --controller} (http://127.0.0.1:8081), {@code --jobs} (10000),
 * {@code --batch} (50), {@code --submitters} (4), {@code --stubs} (4), {@code --capacity}
 * (50), {@code --timeout-s} (600), {@code --warmup-jobs} (0), {@code --rate} (500).
 */
public final class ControllerBench implements StubWorker.Listener {

	private final Map<String, Long> sentAt = new ConcurrentHashMap<>();

	private final Map<String, Long> acceptedAt = new ConcurrentHashMap<>();

	private final Map<String, Long> assignedAt = new ConcurrentHashMap<>();

	private final AtomicInteger duplicateAssignments = new AtomicInteger();

	private final AtomicInteger refusals = new AtomicInteger();

	private final AtomicInteger reportsTaken = new AtomicInteger();

	private final AtomicInteger reportsRefused = new AtomicInteger();

	private final AtomicInteger reportsFinished = new AtomicInteger();

	private final AtomicLong lastAssigned = new AtomicLong();

	private final AtomicLong lastReported = new AtomicLong();

	private ControllerBench() {
	}

	public static void main(String[] arguments) throws Exception {
		// Without TCP_NODELAY the JDK server writes headers and body as two segments and
		// each response waits ~40 ms for the client's delayed ACK (Nagle).
		System.setProperty("sun.net.httpserver.nodelay", "true");
		Args args = Args.parse(arguments);
		URI controller = URI.create(args.string("controller", "http://127.0.0.1:8081"));
		int jobs = args.integer("jobs", 10000);
		int batch = args.integer("batch", 50);
		int submitters = args.integer("submitters", 4);
		int stubs = args.integer("stubs", 4);
		int capacity = args.integer("capacity", 50);
		int timeoutS = args.integer("timeout-s", 600);
		int warmupJobs = args.integer("warmup-jobs", 0);
		int rate = args.integer("rate", 500);
		JsonMapper json = JsonMapper.builder()
			.propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
			.enable(EnumFeature.WRITE_ENUMS_TO_LOWERCASE)
			.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.build();
		HttpClient client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5))
			.executor(Executors.newFixedThreadPool(4))
			.build();
		Forwarder listener = new Forwarder();
		ExecutorService reporters = Executors.newFixedThreadPool(8);
		List<StubWorker> workers = new ArrayList<>();
		// Names of their own, so that the stubs of an earlier run (gone now) never stand
		// in for these.
		String run = Long.toString(System.currentTimeMillis(), 36);
		for (int i = 1; i <= stubs; i++) {
			StubWorker worker = new StubWorker("stub-" + run + "-" + i, capacity, controller, json, client, reporters,
					listener);
			worker.start();
			worker.register();
			workers.add(worker);
		}
		System.out.printf("stubs=%d capacity=%d registered%n", stubs, capacity);
		try {
			if (warmupJobs > 0) {
				listener.target = new ControllerBench();
				listener.target.run(controller, json, client, run + "w", warmupJobs, batch, submitters, timeoutS, 0,
						false);
				System.out.println("warm-up done: " + warmupJobs + " jobs");
			}
			listener.target = new ControllerBench();
			listener.target.run(controller, json, client, run + "b", jobs, batch, submitters, timeoutS, 0, true);
			System.out.println("burst done: " + jobs + " jobs");
			if (rate > 0) {
				listener.target = new ControllerBench();
				listener.target.run(controller, json, client, run + "p", jobs, batch, submitters, timeoutS, rate, true);
			}
		}
		finally {
			workers.forEach(StubWorker::stop);
			reporters.shutdownNow();
		}
		// The JDK HTTP client keeps non-daemon threads alive: end here.
		System.exit(0);
	}

	private void run(URI controller, JsonMapper json, HttpClient client, String run, int jobs, int batch,
			int submitters, int timeoutS, int rate, boolean print) throws Exception {
		long cpuBefore = processCpuNanos();
		int batches = (jobs + batch - 1) / batch;
		AtomicInteger nextBatch = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(submitters);
		long start = System.nanoTime();
		List<Future<?>> running = new ArrayList<>();
		for (int s = 0; s < submitters; s++) {
			running.add(pool.submit(() -> {
				for (int b = nextBatch.getAndIncrement(); b < batches; b = nextBatch.getAndIncrement()) {
					if (rate > 0) {
						long due = start + (long) (b * (double) batch / rate * 1e9);
						long wait = due - System.nanoTime();
						if (wait > 0) {
							TimeUnit.NANOSECONDS.sleep(wait);
						}
					}
					submit(controller, json, client, run, b * batch, Math.min(batch, jobs - b * batch));
				}
				return null;
			}));
		}
		for (Future<?> future : running) {
			future.get();
		}
		long submitted = System.nanoTime();
		pool.shutdown();
		long deadline = start + TimeUnit.SECONDS.toNanos(timeoutS);
		while (this.reportsFinished.get() < jobs && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
		long finished = System.nanoTime();
		if (!print) {
			return;
		}
		String phase = (rate > 0) ? "paced_" : "burst_";
		List<Long> waits = dispatchWaitsFromJobs(controller, json, client, phase);

		double acceptSeconds = (submitted - start) / 1e9;
		double dispatchSeconds = (this.lastAssigned.get() - start) / 1e9;
		double completeSeconds = (this.lastReported.get() - start) / 1e9;
		System.out.printf(Locale.ROOT, phase + "jobs=%d batches=%d batch_size=%d submitters=%d rate=%s%n", jobs,
				batches, batch, submitters, (rate > 0) ? rate + "/s" : "unpaced");
		System.out.printf(Locale.ROOT, phase + "accepted_jobs=%d accept_seconds=%.2f accepted_jobs_per_s=%.0f%n",
				this.acceptedAt.size(), acceptSeconds, this.acceptedAt.size() / acceptSeconds);
		System.out.printf(Locale.ROOT, phase + "dispatched_jobs=%d dispatch_seconds=%.2f dispatched_jobs_per_s=%.0f%n",
				this.assignedAt.size(), dispatchSeconds, this.assignedAt.size() / dispatchSeconds);
		System.out.printf(Locale.ROOT, phase + "completed_reports=%d complete_seconds=%.2f completed_jobs_per_s=%.0f%n",
				this.reportsTaken.get(), completeSeconds, this.reportsTaken.get() / completeSeconds);
		System.out.printf(Locale.ROOT, phase
				+ "duplicate_assignments=%d refused_at_capacity=%d reports_refused=%d unfinished=%d wait_seconds=%.1f%n",
				this.duplicateAssignments.get(), this.refusals.get(), this.reportsRefused.get(),
				jobs - this.reportsFinished.get(), (finished - submitted) / 1e9);
		System.out.println(phase + "created_at->started_at (controller clock, from GET /jobs): "
				+ new Samples(waits.stream().mapToLong(Long::longValue).toArray()).summary());
		System.out.println(phase + "batch answered->stub received (bench clock):              "
				+ between(this.acceptedAt, this.assignedAt).summary());
		System.out.println(phase + "batch sent->stub received (bench clock):                  "
				+ between(this.sentAt, this.assignedAt).summary());
		Samples fromJobs = new Samples(waits.stream().mapToLong(Long::longValue).toArray());
		System.out.printf(Locale.ROOT, phase + "dispatch_wait_p50_ms=%.1f dispatch_wait_p99_ms=%.1f%n",
				fromJobs.percentileMs(50), fromJobs.percentileMs(99));
		System.out.printf(Locale.ROOT, phase + "bench_cpu_ms_per_job=%.2f (load generator and stubs)%n",
				(processCpuNanos() - cpuBefore) / 1e6 / jobs);
	}

	private static long processCpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
			.getOperatingSystemMXBean()).getProcessCpuTime();
	}

	private void submit(URI controller, JsonMapper json, HttpClient client, String run, int first, int count)
			throws IOException, InterruptedException {
		List<String> urls = new ArrayList<>(count);
		for (int i = first; i < first + count; i++) {
			urls.add("http://127.0.0.1:9/bench/" + run + "/" + i);
		}
		byte[] body = json.writeValueAsBytes(Map.of("urls", urls, "max_pages", 1));
		HttpRequest request = HttpRequest.newBuilder(controller.resolve("/scrape/batch"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build();
		long sent = System.nanoTime();
		HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
		long answered = System.nanoTime();
		if (response.statusCode() != 200) {
			throw new IOException("POST /scrape/batch answered " + response.statusCode() + ": "
					+ new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
		}
		for (String jobId : json.readValue(response.body(), BatchCreated.class).jobIds()) {
			this.sentAt.put(jobId, sent);
			this.acceptedAt.put(jobId, answered);
		}
	}

	/** started_at - created_at of every job of this run, read back through GET /jobs. */
	private List<Long> dispatchWaitsFromJobs(URI controller, JsonMapper json, HttpClient client, String phase)
			throws IOException, InterruptedException {
		List<Long> waits = new ArrayList<>();
		Map<String, Integer> states = new HashMap<>();
		int multipleAttempts = 0;
		for (int offset = 0;; offset += 1000) {
			HttpRequest request = HttpRequest
				.newBuilder(controller.resolve("/jobs?include_result=false&limit=1000&offset=" + offset))
				.GET()
				.build();
			JsonNode page = json.readTree(client.send(request, HttpResponse.BodyHandlers.ofByteArray()).body());
			for (JsonNode job : page) {
				if (!this.acceptedAt.containsKey(job.path("id").asString())) {
					continue;
				}
				states.merge(job.path("status").asString(), 1, Integer::sum);
				if (job.path("attempts").asInt() > 1) {
					multipleAttempts++;
				}
				JsonNode started = job.get("started_at");
				if (started != null && !started.isNull()) {
					Duration wait = Duration.between(Instant.parse(job.path("created_at").asString()),
							Instant.parse(started.asString()));
					waits.add(wait.toNanos());
				}
			}
			if (page.size() < 1000) {
				break;
			}
		}
		System.out.println(phase + "job states: " + states + " jobs_with_more_than_one_attempt=" + multipleAttempts);
		return waits;
	}

	private static Samples between(Map<String, Long> from, Map<String, Long> to) {
		List<Long> values = new ArrayList<>();
		to.forEach((jobId, end) -> {
			Long begin = from.get(jobId);
			if (begin != null) {
				values.add(end - begin);
			}
		});
		return new Samples(values.stream().mapToLong(Long::longValue).toArray());
	}

	/** Passes the stubs' news to the run in progress. */
	private static final class Forwarder implements StubWorker.Listener {

		private volatile ControllerBench target = new ControllerBench();

		@Override
		public void assigned(String jobId, long nanos) {
			this.target.assigned(jobId, nanos);
		}

		@Override
		public void refused(String jobId) {
			this.target.refused(jobId);
		}

		@Override
		public void reported(String jobId, int status, long nanos) {
			this.target.reported(jobId, status, nanos);
		}

	}

	@Override
	public void assigned(String jobId, long nanos) {
		if (this.assignedAt.putIfAbsent(jobId, nanos) != null) {
			this.duplicateAssignments.incrementAndGet();
		}
		this.lastAssigned.accumulateAndGet(nanos, Math::max);
	}

	@Override
	public void refused(String jobId) {
		this.refusals.incrementAndGet();
	}

	@Override
	public void reported(String jobId, int status, long nanos) {
		if (status == 204) {
			this.reportsTaken.incrementAndGet();
		}
		else {
			this.reportsRefused.incrementAndGet();
		}
		this.reportsFinished.incrementAndGet();
		this.lastReported.accumulateAndGet(nanos, Math::max);
	}

}

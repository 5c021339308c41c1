package io.dispycluster.controller;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import io.dispycluster.controller.support.Api;
import io.dispycluster.controller.support.ControllerSuiteDatabase;
import io.dispycluster.controller.support.StubWorker;
import io.dispycluster.controller.support.StubWorker.Assignment;
import io.dispycluster.controller.support.StubWorker.Mode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole controller on a random port with its H2 file, against stub workers (real
 * local HTTP servers that accept assignments and post reports back): the job lifecycle
 * end to end, cancellation, priorities, failover, timeouts, idempotency and the contract
 * endpoints. Short intervals keep it fast; every test uses its own workers. The build
 * runs it a second time on PostgreSQL ({@link ControllerSuiteDatabase}, declared before
 * {@code @SpringBootTest} so that it drops its schema after the context closed).
 */
@ExtendWith({ ControllerSuiteDatabase.class, OutputCaptureExtension.class })
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "dispycluster.controller.health-check-interval=300ms",
				"dispycluster.controller.dispatch-interval=200ms", "dispycluster.controller.lease-duration=2s",
				"dispycluster.controller.requeue-backoff=100ms", "dispycluster.controller.max-requeue-backoff=400ms",
				"dispycluster.controller.worker-timeout=1s", "dispycluster.controller.timeout-grace=300ms",
				"dispycluster.controller.offline-after-failures=2", "dispycluster.controller.max-attempts=3",
				"dispycluster.nodes[0].name=inventory-a.invalid", "dispycluster.nodes[0].host=inventory-a.invalid",
				"dispycluster.nodes[0].port=9999", "dispycluster.nodes[0].capacity=3",
				"dispycluster.nodes[0].labels.zone=loft", "dispycluster.nodes[0].labels.arch=arm64",
				"dispycluster.nodes[1].name=inventory-b.invalid", "dispycluster.nodes[1].host=inventory-b.invalid" })
@DirtiesContext
class ControllerIT {

	private static final Path DATA_DIR = createDataDir();

	private static final AtomicInteger NAMES = new AtomicInteger();

	@LocalServerPort
	private int port;

	private Api api;

	private final List<StubWorker> workers = new ArrayList<>();

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("dispycluster.data-dir", DATA_DIR::toString);
		ControllerSuiteDatabase.register(registry);
	}

	@BeforeEach
	void connect() {
		this.api = new Api("http://127.0.0.1:" + this.port);
	}

	@AfterEach
	void leaveNothingRunning() {
		this.workers.forEach(StubWorker::close);
		for (JsonNode job : this.api.get("/jobs?limit=1000").json()) {
			String status = job.get("status").stringValue();
			if (status.equals("pending") || status.equals("running")) {
				this.api.post("/jobs/" + job.get("id").stringValue() + "/cancel");
			}
		}
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.api.get("/workers").json())
				.allSatisfy((worker) -> assertThat(worker.get("status").stringValue()).isEqualTo("offline")));
	}

	@Test
	void aJobGoesFromPendingThroughRunningToCompletedWithItsResult() {
		String id = this.api.submit("{\"start_url\":\"http://site.test/\",\"max_pages\":20}");
		JsonNode pending = this.api.job(id);
		assertThat(pending.get("status").stringValue()).isEqualTo("pending");
		assertThat(pending.get("attempts").intValue()).isZero();
		assertThat(pending.get("result").isNull()).isTrue();

		StubWorker worker = worker(Mode.HOLD, 2).register();
		await().until(() -> worker.running().containsKey(id));
		JsonNode running = this.api.job(id);
		assertThat(running.get("status").stringValue()).isEqualTo("running");
		assertThat(running.get("assigned_worker").stringValue()).isEqualTo(worker.node());
		assertThat(running.get("attempts").intValue()).isEqualTo(1);

		Assignment assignment = worker.running().get(id);
		assertThat(worker.progress(assignment, 3)).isEqualTo(204);
		JsonNode progressing = this.api.job(id);
		assertThat(progressing.get("progress").get("pages_done").intValue()).isEqualTo(3);
		assertThat(progressing.get("progress").get("max_pages").intValue()).isEqualTo(20);
		assertThat(progressing.get("pages_crawled").intValue()).isEqualTo(3);

		assertThat(worker.complete(id)).isEqualTo(204);
		JsonNode completed = this.api.job(id);
		assertThat(completed.get("status").stringValue()).isEqualTo("completed");
		assertThat(completed.get("pages_crawled").intValue()).isEqualTo(2);
		assertThat(completed.get("progress").isNull()).isTrue();
		assertThat(completed.get("completed_at").isNull()).isFalse();
		assertThat(completed.get("result")).isEqualTo(StubWorker.result("http://site.test/"));

		// A duplicate report of the same attempt is refused: the job completes once.
		assertThat(worker.report(assignment, "succeeded", null)).isEqualTo(409);
		assertThat(this.api.get("/jobs/" + id + "/history").json()).extracting((e) -> e.get("to").stringValue())
			.containsExactly("queued", "dispatched", "running", "succeeded");

		JsonNode details = this.api.get("/workers/" + worker.node()).json();
		assertThat(details.get("worker").get("total_jobs_completed").intValue()).isEqualTo(1);
		assertThat(details.get("recent_jobs")).extracting((j) -> j.get("id").stringValue()).containsExactly(id);

		Api.Response csv = this.api.get("/jobs/" + id + "/results?format=csv");
		assertThat(csv.contentType()).startsWith("text/csv");
		assertThat(csv.body()).isEqualTo("url,status,title,depth,links,data\r\n"
				+ "http://site.test/,200,Home,0,2,\r\nhttp://site.test/contact,200,Contact,1,0,\r\n");
		assertThat(this.api.get("/jobs/" + id + "/results?format=ndjson").body().split("\n")).hasSize(2);
		assertThat(this.api.get("/jobs/" + id + "/results").json()).hasSize(2);
		assertThat(this.api.get("/jobs/" + id + "/results?format=").json()).hasSize(2);
	}

	@Test
	void theCrawlOptionsOfAJobReachItsWorkerAndItsView() {
		StubWorker worker = worker(Mode.HOLD, 2).register();
		String id = this.api.submit("{\"start_url\":\"http://site.test/\",\"max_depth\":1,"
				+ "\"include_patterns\":[\"/docs/\"],\"exclude_patterns\":[\"\\\\.pdf$\"],\"delay_ms\":0,"
				+ "\"user_agent\":\"DocsBot/2.0\",\"extract\":{\"title\":{\"selector\":\"h1\"},"
				+ "\"links\":{\"selector\":\"a[href]\",\"attribute\":\"href\",\"all\":true}}}");
		String plain = this.api.submit("{\"start_url\":\"http://site.test/plain\"}");
		await().until(() -> worker.running().containsKey(id) && worker.running().containsKey(plain));

		JsonNode spec = worker.running().get(id).spec();
		assertThat(spec.get("start_url").stringValue()).isEqualTo("http://site.test/");
		assertThat(spec.get("max_depth").intValue()).isEqualTo(1);
		assertThat(spec.get("include_patterns")).extracting(JsonNode::stringValue).containsExactly("/docs/");
		assertThat(spec.get("exclude_patterns")).extracting(JsonNode::stringValue).containsExactly("\\.pdf$");
		assertThat(spec.get("delay_ms").intValue()).isZero();
		assertThat(spec.get("user_agent").stringValue()).isEqualTo("DocsBot/2.0");
		assertThat(spec.get("extract").propertyNames()).containsExactly("title", "links");
		assertThat(spec.get("extract").get("title").get("selector").stringValue()).isEqualTo("h1");
		assertThat(spec.get("extract").get("links").get("attribute").stringValue()).isEqualTo("href");
		assertThat(spec.get("extract").get("links").get("all").booleanValue()).isTrue();
		assertThat(worker.running().get(plain).spec().propertyNames()).containsExactlyInAnyOrder("start_url",
				"max_pages", "same_origin_only", "timeout_s", "max_duration_s");

		JsonNode view = this.api.job(id);
		assertThat(view.get("max_depth").intValue()).isEqualTo(1);
		assertThat(view.get("user_agent").stringValue()).isEqualTo("DocsBot/2.0");
		assertThat(view.get("extract").get("links").get("selector").stringValue()).isEqualTo("a[href]");
		assertThat(this.api.job(plain).propertyNames()).doesNotContain("max_depth", "include_patterns",
				"exclude_patterns", "delay_ms", "user_agent", "extract");

		Api.Response refused = this.api.post("/scrape/batch", "{\"urls\":[\"http://site.test/a\"],"
				+ "\"extract\":{\"title\":{\"selector\":\"h1[\"}},\"include_patterns\":[\"(\"]}");
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.json().get("errors")).extracting((error) -> error.get("field").stringValue())
			.containsExactlyInAnyOrder("extract.title.selector", "include_patterns.0");
	}

	@Test
	void aJobWithNodeLabelsGoesOnlyToAWorkerWithThemAndOneNoWorkerHasStaysQueued() {
		StubWorker plain = worker(Mode.HOLD, 4).register();
		StubWorker attic = worker(Mode.HOLD, 4).labels(Map.of("zone", "attic", "model", "pi4")).register();
		List<String> labelled = this.api.submitBatch("{\"urls\":[\"http://site.test/l1\",\"http://site.test/l2\","
				+ "\"http://site.test/l3\"],\"node_labels\":{\"zone\":\"attic\"}}");
		String nowhere = this.api.submit(
				"{\"start_url\":\"http://site.test/cellar\",\"priority\":10,\"node_labels\":{\"zone\":\"cellar\"}}");
		String any = this.api.submit("{\"start_url\":\"http://site.test/any\"}");

		// The unmatched job, first in the queue, holds up none of the others.
		await().until(() -> attic.running().keySet().containsAll(labelled)
				&& (plain.running().containsKey(any) || attic.running().containsKey(any)));
		assertThat(plain.running().keySet()).doesNotContainAnyElementsOf(labelled);
		assertThat(this.api.job(labelled.get(0)).get("node_labels").get("zone").stringValue()).isEqualTo("attic");
		assertThat(this.api.job(labelled.get(0)).has("waiting_for")).isFalse();
		assertThat(this.api.job(any).has("node_labels")).isFalse();

		await().during(Duration.ofMillis(600))
			.atMost(Duration.ofSeconds(3))
			.until(() -> this.api.status(nowhere).equals("pending"));
		JsonNode waiting = this.api.job(nowhere);
		assertThat(waiting.get("status").stringValue()).isEqualTo("pending");
		assertThat(waiting.get("assigned_worker").isNull()).isTrue();
		assertThat(waiting.get("waiting_for").stringValue()).contains("zone=cellar");
		assertThat(plain.received()).extracting(Assignment::jobId).doesNotContain(nowhere);
		assertThat(attic.received()).extracting(Assignment::jobId).doesNotContain(nowhere);

		JsonNode workers = this.api.get("/workers").json();
		assertThat(labelsOf(workers, attic.node())).isEqualTo(Map.of("model", "pi4", "zone", "attic"));
		assertThat(labelsOf(workers, plain.node())).isEmpty();
		assertThat(labelsOf(workers, "inventory-a.invalid")).isEqualTo(Map.of("arch", "arm64", "zone", "loft"));
		assertThat(labelsOf(workers, "inventory-b.invalid")).isEmpty();
		assertThat(
				this.api.get("/workers/" + attic.node()).json().get("worker").get("labels").get("zone").stringValue())
			.isEqualTo("attic");
	}

	@Test
	void badNodeLabelsAreRefusedNamingTheField() {
		Api.Response single = this.api.post("/scrape",
				"{\"start_url\":\"http://site.test/\",\"node_labels\":{\"Zone\":\"attic\",\"model\":4}}");
		assertThat(single.status()).isEqualTo(422);
		assertThat(single.json().get("errors")).extracting((error) -> error.get("field").stringValue())
			.containsExactlyInAnyOrder("node_labels", "node_labels.model");
		Api.Response batch = this.api.post("/scrape/batch",
				"{\"urls\":[\"http://site.test/\"],\"node_labels\":[\"zone\"]}");
		assertThat(batch.status()).isEqualTo(422);
		assertThat(batch.json().get("errors").get(0).get("field").stringValue()).isEqualTo("node_labels");
		Api.Response registration = this.api.post("/internal/workers/register",
				"{\"node\":\"bad-labels\",\"url\":\"http://127.0.0.1:1\",\"capacity\":1,\"labels\":{\"-x\":\"y\"}}");
		assertThat(registration.status()).isEqualTo(422);
		assertThat(registration.json().get("errors").get(0).get("field").stringValue()).isEqualTo("labels");
	}

	private static Map<String, String> labelsOf(JsonNode workers, String node) {
		for (JsonNode worker : workers) {
			if (worker.get("node").stringValue().equals(node)) {
				Map<String, String> labels = new TreeMap<>();
				worker.get("labels").properties().forEach((e) -> labels.put(e.getKey(), e.getValue().stringValue()));
				return labels;
			}
		}
		throw new AssertionError("No worker " + node + " in " + workers);
	}

	@Test
	void aResultOfSeveralMegabytesComesBackWhole() {
		StubWorker worker = worker(Mode.HOLD, 1).register();
		String id = this.api.submit("{\"start_url\":\"http://site.test/\",\"max_pages\":1000}");
		await().until(() -> worker.running().containsKey(id));
		ObjectNode result = (ObjectNode) StubWorker.result("http://site.test/");
		ArrayNode pages = result.putArray("pages");
		for (int i = 0; i < 20_000; i++) {
			pages.addObject()
				.put("url", "http://site.test/page/" + i)
				.put("status", 200)
				.put("title", "Page " + i + " of a site with a great many pages")
				.put("depth", 2)
				.put("links", 20)
				.putObject("data")
				.put("price", "12." + i);
		}
		assertThat(result.toString().length()).isGreaterThan(3_000_000);
		assertThat(worker.complete(id, result)).isEqualTo(204);

		Api.Response answer = this.api.get("/jobs/" + id);
		assertThat(answer.contentType()).startsWith("application/json");
		JsonNode job = answer.json();
		assertThat(job.get("status").stringValue()).isEqualTo("completed");
		assertThat(job.get("result")).isEqualTo(result);
		assertThat(job.propertyNames()).containsExactly("id", "start_url", "max_pages", "same_origin_only", "timeout_s",
				"priority", "max_duration_s", "created_at", "status", "assigned_worker", "started_at", "completed_at",
				"result", "error", "batch_id", "attempts", "pages_crawled", "progress", "request_id");
		assertThat(this.api.get("/jobs/" + id + "/results?format=ndjson").body().split("\n")).hasSize(20_000);
	}

	@Test
	void aJobIsDispatchedWithTheRequestIdItWasSubmittedWith(CapturedOutput output) {
		StubWorker worker = worker(Mode.HOLD, 3).register();
		Api.Response submitted = this.api.post("/scrape", "{\"start_url\":\"http://site.test/\"}", "X-Request-Id",
				"abc");
		String id = submitted.json().get("job_id").stringValue();
		await().until(() -> worker.running().containsKey(id));

		assertThat(worker.running().get(id).requestId()).isEqualTo("abc");
		assertThat(this.api.job(id).get("request_id").stringValue()).isEqualTo("abc");
		// logged by the thread that sent the assignment, outside the submitting request
		await()
			.untilAsserted(() -> assertThat(output.getOut()).containsPattern("\\[abc\\] .*Job dispatched: job=" + id));

		Api.Response batch = this.api.post("/scrape/batch", "{\"urls\":[\"http://a.test/\",\"http://b.test/\"]}",
				"X-Request-Id", "batch-req-7");
		List<String> ids = new ArrayList<>();
		batch.json().get("job_ids").forEach((job) -> ids.add(job.stringValue()));
		await().until(() -> worker.running().keySet().containsAll(ids));
		assertThat(ids).allSatisfy((job) -> {
			assertThat(worker.running().get(job).requestId()).isEqualTo("batch-req-7");
			assertThat(this.api.job(job).get("request_id").stringValue()).isEqualTo("batch-req-7");
		});
	}

	@Test
	void aJobSubmittedWithoutARequestIdKeepsTheOneTheControllerMadeForItsSubmission() {
		StubWorker worker = worker(Mode.HOLD, 1).register();
		Api.Response submitted = this.api.post("/scrape", "{\"start_url\":\"http://site.test/\"}");
		String id = submitted.json().get("job_id").stringValue();
		await().until(() -> worker.running().containsKey(id));

		assertThat(submitted.requestId()).matches("[0-9a-f-]{36}");
		assertThat(worker.running().get(id).requestId()).isEqualTo(submitted.requestId());
		assertThat(this.api.job(id).get("request_id").stringValue()).isEqualTo(submitted.requestId());
	}

	@Test
	void theRequeueOfAJobWhoseAssignmentIsRefusedIsLoggedUnderItsRequestId(CapturedOutput output) {
		worker(Mode.INVALID, 1).register();
		String id = this.api.post("/scrape", "{\"start_url\":\"http://site.test/\"}", "X-Request-Id", "refused-1")
			.json()
			.get("job_id")
			.stringValue();

		await().untilAsserted(
				() -> assertThat(output.getOut()).containsPattern("\\[refused-1\\] .*Job requeued: job=" + id + " "));
	}

	@Test
	void cancellingARunningJobReachesTheWorkerAndItsLateReportIsRefused() {
		StubWorker worker = worker(Mode.HOLD, 1).register();
		String id = this.api.submit("{\"start_url\":\"http://site.test/\"}");
		await().until(() -> worker.running().containsKey(id));
		Assignment assignment = worker.running().get(id);

		Api.Response cancel = this.api.post("/jobs/" + id + "/cancel");
		assertThat(cancel.status()).isEqualTo(200);
		assertThat(cancel.json().get("message").stringValue()).isEqualTo("Job annulé avec succès");
		assertThat(this.api.status(id)).isEqualTo("cancelled");
		await().until(() -> worker.cancelled().contains(id));

		assertThat(worker.report(assignment, "succeeded", null)).isEqualTo(409);
		assertThat(this.api.status(id)).isEqualTo("cancelled");
		assertThat(this.api.post("/jobs/" + id + "/cancel").status()).isEqualTo(409);
	}

	@Test
	void aLateCancellationOfAnOlderAttemptDoesNotStopTheNewerOneOnTheSameWorker() throws InterruptedException {
		Duration latency = Duration.ofSeconds(2);
		StubWorker worker = worker(Mode.HOLD, 2).cancelLatency(latency).register();
		String id = this.api.submit("{\"start_url\":\"http://site.test/\"}");
		await().until(() -> worker.running().containsKey(id));

		// Cancelled and retried while the cancellation of attempt 1 is on its way:
		// attempt
		// 2 goes to the same worker, and reaches it first.
		assertThat(this.api.post("/jobs/" + id + "/cancel").status()).isEqualTo(200);
		assertThat(this.api.post("/jobs/" + id + "/retry").status()).isEqualTo(200);
		await().until(() -> worker.received().size() == 2);
		assertThat(worker.stops()).doesNotContain(id + "#1");

		await().until(() -> worker.stops().contains(id + "#1"));
		// Also the stops of attempt 1 that the health checks sent while it was listed.
		Thread.sleep(latency.toMillis() + 500);
		assertThat(worker.stops()).containsOnly(id + "#1");
		assertThat(worker.running().get(id).attempt()).isEqualTo(2);
		assertThat(this.api.job(id).get("attempts").intValue()).isEqualTo(2);
		assertThat(this.api.status(id)).isEqualTo("running");
	}

	@Test
	void aCancellationThatDidNotReachTheWorkerIsSentAgainWhileItStillListsTheAttempt() {
		StubWorker worker = worker(Mode.HOLD, 1).cancelsFail(true).register();
		String id = this.api.submit("{\"start_url\":\"http://site.test/\"}");
		await().until(() -> worker.running().containsKey(id));

		assertThat(this.api.post("/jobs/" + id + "/cancel").status()).isEqualTo(200);
		await().until(() -> worker.calls().contains("POST /assignments/" + id + "/cancel"));
		assertThat(worker.running()).containsKey(id);
		worker.cancelsFail(false);

		await().until(() -> !worker.running().containsKey(id));
		assertThat(worker.stops()).contains(id + "#1").allMatch((stop) -> stop.equals(id + "#1"));
		assertThat(this.api.status(id)).isEqualTo("cancelled");
	}

	@Test
	void aWorkerListingTheAttemptItWasGivenIsNotStopped() {
		StubWorker worker = worker(Mode.HOLD, 2).register();
		String id = this.api.submit("{\"start_url\":\"http://site.test/\"}");
		await().until(() -> worker.running().containsKey(id));

		awaitHealthChecks(worker, 4);
		assertThat(worker.stops()).isEmpty();
		assertThat(worker.running()).containsKey(id);
		assertThat(this.api.status(id)).isEqualTo("running");
	}

	@Test
	void aWorkerListingAJobTheControllerDoesNotKnowIsNotStopped() {
		StubWorker worker = worker(Mode.HOLD, 2).runs("job_given_by_hand", 1).register();

		awaitHealthChecks(worker, 4);
		assertThat(worker.calls()).contains("GET /assignments");
		assertThat(worker.stops()).isEmpty();
		assertThat(worker.running()).containsKey("job_given_by_hand");
	}

	@Test
	void aWorkerStillListingAnAttemptItReportedSucceededIsNotStopped() {
		StubWorker worker = worker(Mode.HOLD, 2).listsAnsweredReports(true).register();
		String id = this.api.submit("{\"start_url\":\"http://site.test/\"}");
		await().until(() -> worker.running().containsKey(id));
		assertThat(worker.complete(id)).isEqualTo(204);

		awaitHealthChecks(worker, 4);
		assertThat(worker.calls()).contains("GET /assignments");
		assertThat(worker.stops()).isEmpty();
		assertThat(this.api.status(id)).isEqualTo("completed");
	}

	@Test
	void aRunningJobCancelledByItsUserKeepsThePagesItsWorkerCrawledBeforeItStopped() {
		StubWorker worker = worker(Mode.HOLD, 1).register();
		String id = this.api.submit("{\"start_url\":\"http://site.test/\"}");
		await().until(() -> worker.running().containsKey(id));
		Assignment assignment = worker.running().get(id);
		assertThat(this.api.post("/jobs/" + id + "/cancel").status()).isEqualTo(200);
		await().until(() -> worker.cancelled().contains(id));

		ObjectNode partial = (ObjectNode) StubWorker.result("http://site.test/");
		partial.put("stop_reason", "cancelled");
		assertThat(worker.reportCancelled(assignment, partial)).isEqualTo(204);

		JsonNode job = this.api.get("/jobs/" + id).json();
		assertThat(job.get("status").stringValue()).isEqualTo("cancelled");
		assertThat(job.get("pages_crawled").intValue()).isEqualTo(2);
		assertThat(job.get("result").get("stop_reason").stringValue()).isEqualTo("cancelled");
		Api.Response csv = this.api.get("/jobs/" + id + "/results?format=csv");
		assertThat(csv.status()).isEqualTo(200);
		assertThat(csv.body().split("\r\n")).hasSize(3);
		// Still cancelled: the report neither requeues the job nor frees a retry of it.
		assertThat(this.api.status(id)).isEqualTo("cancelled");
		assertThat(worker.report(assignment, "succeeded", null)).isEqualTo(409);
	}

	@Test
	void progressSentBeforeTheStopOfACancelledJobReachesItsWorkerDoesNotCostThePagesItCrawled() {
		StubWorker worker = worker(Mode.HOLD, 1).cancelsFail(true).register();
		String id = this.api.submit("{\"start_url\":\"http://site.test/\"}");
		await().until(() -> worker.running().containsKey(id));
		Assignment assignment = worker.running().get(id);
		assertThat(this.api.post("/jobs/" + id + "/cancel").status()).isEqualTo(200);

		// Not stopped yet, the worker sends progress: refused, it would drop the attempt
		// without reporting what it crawled.
		assertThat(worker.progress(assignment, 2)).isEqualTo(204);
		assertThat(this.api.status(id)).isEqualTo("cancelled");
		ObjectNode partial = (ObjectNode) StubWorker.result("http://site.test/");
		partial.put("stop_reason", "cancelled");
		assertThat(worker.reportCancelled(assignment, partial)).isEqualTo(204);

		JsonNode job = this.api.get("/jobs/" + id).json();
		assertThat(job.get("status").stringValue()).isEqualTo("cancelled");
		assertThat(job.get("pages_crawled").intValue()).isEqualTo(2);
		assertThat(job.get("result").get("stop_reason").stringValue()).isEqualTo("cancelled");
	}

	@Test
	void aPriorityNineJobSubmittedAfterTenPriorityOneJobsRunsNextOnABusyWorker() {
		StubWorker worker = worker(Mode.HOLD, 1).register();
		String blocker = this.api.submit("{\"start_url\":\"http://site.test/blocker\"}");
		await().until(() -> worker.running().containsKey(blocker));
		List<String> low = this.api.submitBatch("{\"urls\":["
				+ String.join(",", IntStream.range(0, 10).mapToObj((i) -> "\"http://site.test/low" + i + "\"").toList())
				+ "],\"priority\":1}");
		String urgent = this.api.submit("{\"start_url\":\"http://site.test/urgent\",\"priority\":9}");
		assertThat(low).hasSize(10);

		assertThat(worker.complete(blocker)).isEqualTo(204);
		await().until(() -> worker.received().size() == 2);
		assertThat(worker.received().get(1).jobId()).isEqualTo(urgent);
	}

	@Test
	void jobsOfAStoppedWorkerCompleteOnTheOtherWorkerEachExactlyOnce() {
		StubWorker doomed = worker(Mode.HOLD, 4).register();
		List<String> ids = this.api.submitBatch("{\"urls\":["
				+ String.join(",", IntStream.range(0, 20).mapToObj((i) -> "\"http://site.test/p" + i + "/\"").toList())
				+ "]}");
		await().until(() -> doomed.running().size() == 4);
		List<String> held = List.copyOf(doomed.running().keySet());
		StubWorker survivor = worker(Mode.COMPLETE, 2).delay(Duration.ofMillis(30)).register();
		doomed.close();

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(
					() -> assertThat(ids).allSatisfy((id) -> assertThat(this.api.status(id)).isEqualTo("completed")));
		await().untilAsserted(
				() -> assertThat(ids).allSatisfy((id) -> assertThat(survivor.acceptedCompletions(id)).isEqualTo(1)));
		for (String id : held) {
			JsonNode job = this.api.job(id);
			assertThat(job.get("assigned_worker").stringValue()).isEqualTo(survivor.node());
			assertThat(job.get("attempts").intValue()).isEqualTo(2);
			assertThat(this.api.get("/jobs/" + id + "/history").json())
				.filteredOn((e) -> e.get("to").stringValue().equals("succeeded"))
				.hasSize(1);
		}
		assertThat(this.api.get("/workers/" + doomed.node()).json().get("worker").get("status").stringValue())
			.isEqualTo("offline");
	}

	@Test
	void aWorkerThatHandsItsJobBackWhileStoppingGetsNoJobUntilItIsSeenAgain() throws InterruptedException {
		StubWorker leaving = worker(Mode.HOLD, 4).register();
		String id = this.api.submit("{\"start_url\":\"http://site.test/\"}");
		await().until(() -> leaving.running().containsKey(id));
		Assignment assignment = leaving.running().get(id);
		// A stopping worker answers nothing more after it hands its jobs back.
		leaving.hang();
		assertThat(leaving.report(assignment, "cancelled", null)).isEqualTo(204);
		assertThat(this.api.get("/workers/" + leaving.node()).json().get("worker").get("status").stringValue())
			.isEqualTo("offline");
		// Several requeue backoffs and dispatch rounds: long enough to send it back.
		Thread.sleep(1000);

		StubWorker staying = worker(Mode.COMPLETE, 2).register();
		await().until(() -> this.api.status(id).equals("completed"));
		assertThat(this.api.job(id).get("assigned_worker").stringValue()).isEqualTo(staying.node());
		assertThat(this.api.get("/jobs/" + id + "/history").json()).extracting((e) -> e.get("reason").stringValue())
			.contains("returned to queue: " + leaving.node() + " handed it back (stopping)")
			.filteredOn((reason) -> reason.startsWith("dispatched"))
			.containsExactly("dispatched to " + leaving.node(), "dispatched to " + staying.node());
		assertThat(this.api.get("/actuator/prometheus").body())
			.contains("dispycluster_job_requeues_total{reason=\"handed_back\"}");
	}

	@Test
	void rollingRestartsDoNotUseUpAJobsAttempts() {
		// max-attempts is 3: a job handed back by four stopping workers in a row still
		// runs.
		String id = this.api.submit("{\"start_url\":\"http://site.test/\"}");
		for (int restart = 0; restart < 4; restart++) {
			StubWorker leaving = worker(Mode.HOLD, 1).register();
			await().until(() -> leaving.running().containsKey(id));
			leaving.hang();
			assertThat(leaving.report(leaving.running().get(id), "cancelled", null)).isEqualTo(204);
		}
		StubWorker staying = worker(Mode.COMPLETE, 1).register();

		await().until(() -> this.api.status(id).equals("completed"));
		assertThat(this.api.job(id).get("attempts").intValue()).isEqualTo(5);
		assertThat(this.api.job(id).get("assigned_worker").stringValue()).isEqualTo(staying.node());
	}

	@Test
	void aWorkerThatRestartedWithoutHandingItsJobsBackHasThemRequeuedWhenItRegisters() {
		StubWorker killed = worker(Mode.HOLD, 2).instanceId("run-1").register();
		String id = this.api.submit("{\"start_url\":\"http://site.test/\"}");
		await().until(() -> killed.running().containsKey(id));

		// The same node back at another address before the health checks found it
		// offline: a new process, holding nothing.
		StubWorker restarted = StubWorker.start(killed.node(), 2, this.api.baseUrl(), Mode.HOLD).instanceId("run-2");
		this.workers.add(restarted);
		killed.close();
		restarted.register();

		assertThat(this.api.get("/jobs/" + id + "/history").json()).extracting((e) -> e.get("reason").stringValue())
			.contains("requeued: worker " + killed.node() + " restarted");
		await().until(() -> restarted.running().containsKey(id));
		assertThat(this.api.job(id).get("attempts").intValue()).isEqualTo(2);

		// A later restart whose new run already holds the job (dispatch reached it before
		// its registration did) keeps it.
		restarted.instanceId("run-3").register();
		assertThat(this.api.job(id).get("attempts").intValue()).isEqualTo(2);
		assertThat(this.api.status(id)).isEqualTo("running");
	}

	@Test
	void aSecondWorkerStartedWithANodeNameInUseIsRefusedAndTheFirstKeepsItsJobs() {
		StubWorker first = worker(Mode.HOLD, 2).instanceId("first-run").register();
		String id = this.api.submit("{\"start_url\":\"http://site.test/\"}");
		await().until(() -> first.running().containsKey(id));

		StubWorker twin = StubWorker.start(first.node(), 2, this.api.baseUrl(), Mode.HOLD).instanceId("twin-run");
		this.workers.add(twin);
		for (int registration = 0; registration < 3; registration++) {
			Api.Response refused = this.api.post("/internal/workers/register", "{\"node\":\"" + first.node()
					+ "\",\"url\":\"" + twin.url() + "\",\"capacity\":2,\"instance_id\":\"twin-run\"}");
			assertThat(refused.status()).isEqualTo(409);
			assertThat(refused.contentType()).startsWith("application/problem+json");
			assertThat(refused.json().get("type").stringValue()).isEqualTo("urn:dispycluster:problem:node-name-in-use");
			assertThat(refused.json().get("detail").stringValue()).contains(first.node()).contains(first.url());
			assertThat(refused.json().get("used_by").stringValue()).isEqualTo(first.url());
			first.register();
		}
		awaitHealthChecks(first, 2);

		assertThat(this.api.get("/workers/" + first.node()).json().get("worker").get("url").stringValue())
			.isEqualTo(first.url());
		assertThat(this.api.get("/jobs/" + id + "/history").json()).extracting((e) -> e.get("to").stringValue())
			.containsExactly("queued", "dispatched");
		assertThat(twin.received()).isEmpty();
	}

	@Test
	void theOldNameOfARenamedWorkerGoesOfflineAndTheJobsOfItsNewNameAreNotStopped() {
		StubWorker worker = worker(Mode.HOLD, 2).register();
		// Its name before the rename, still registered at its address.
		String oldName = "before-rename-" + NAMES.incrementAndGet();
		assertThat(this.api
			.post("/internal/workers/register",
					"{\"node\":\"" + oldName + "\",\"url\":\"" + worker.url() + "\",\"capacity\":2}")
			.status()).isEqualTo(200);

		await().until(() -> this.api.get("/workers/" + oldName)
			.json()
			.get("worker")
			.get("status")
			.stringValue()
			.equals("offline"));
		assertThat(this.api.post("/workers/" + oldName + "/ping").json().get("error").stringValue())
			.isEqualTo("answers as node " + worker.node());
		String first = this.api.submit("{\"start_url\":\"http://site.test/\"}");
		String second = this.api.submit("{\"start_url\":\"http://site.test/\"}");
		await().until(() -> worker.running().keySet().containsAll(List.of(first, second)));

		awaitHealthChecks(worker, 4);
		assertThat(worker.stops()).isEmpty();
		assertThat(worker.running()).containsKeys(first, second);
		for (String id : List.of(first, second)) {
			assertThat(this.api.job(id).get("assigned_worker").stringValue()).isEqualTo(worker.node());
			assertThat(this.api.job(id).get("attempts").intValue()).isEqualTo(1);
		}
	}

	@Test
	void anAssignmentThatArrivesAfterItsJobWasCancelledAndRetriedElsewhereIsStopped() {
		StubWorker slow = worker(Mode.HOLD, 1).assignmentLatency(Duration.ofMillis(600)).register();
		String id = this.api.submit("{\"start_url\":\"http://site.test/\"}");
		await().until(() -> slow.calls().contains("POST /assignments"));

		// While the assignment is on its way: cancelled, retried, and sent to a worker
		// with more room.
		assertThat(this.api.post("/jobs/" + id + "/cancel").status()).isEqualTo(200);
		StubWorker roomy = worker(Mode.HOLD, 2).register();
		assertThat(this.api.post("/jobs/" + id + "/retry").status()).isEqualTo(200);
		await().until(() -> roomy.running().containsKey(id));

		await().until(() -> slow.received().size() == 1);
		await().untilAsserted(() -> assertThat(slow.running()).doesNotContainKey(id));
		assertThat(roomy.running()).containsKey(id);
	}

	@Test
	void aWorkerThatDoesNotRegisterIsNoticedRestartingByItsHealthAndItsJobsAreRequeuedAtOnce() {
		// Known without an instance id (as from the inventory, registration off): only
		// its health carries the id of its process.
		StubWorker worker = worker(Mode.HOLD, 2).register().instanceId("run-1");
		String id = this.api.submit("{\"start_url\":\"http://site.test/\"}");
		await().until(() -> worker.running().containsKey(id));
		awaitHealthChecks(worker, 2);

		worker.restartInPlace("run-2");

		await().untilAsserted(() -> assertThat(this.api.get("/jobs/" + id + "/history").json())
			.extracting((e) -> e.get("reason").stringValue())
			.contains("requeued: worker " + worker.node() + " restarted"));
		await().until(() -> worker.running().containsKey(id));
		assertThat(this.api.job(id).get("attempts").intValue()).isEqualTo(2);
	}

	private static void awaitHealthChecks(StubWorker worker, int count) {
		long before = worker.calls().stream().filter("GET /health"::equals).count();
		await().until(() -> worker.calls().stream().filter("GET /health"::equals).count() >= before + count);
	}

	@Test
	void aJobSubmittedWhileNoWorkerIsUpSaysSoUntilOneJoins() {
		String id = this.api.submit("{\"start_url\":\"http://site.test/\"}");
		assertThat(this.api.job(id).get("waiting_for").stringValue()).isEqualTo("a worker (no worker is up)");

		StubWorker worker = worker(Mode.HOLD, 1).register();
		await().until(() -> worker.running().containsKey(id));
		assertThat(this.api.job(id).has("waiting_for")).isFalse();
	}

	@Test
	void aJobEveryWorkerRefusesSaysWhyWhileItWaitsAndWhenItFails() {
		StubWorker strict = worker(Mode.INVALID, 2).register();
		String id = this.api.submit("{\"start_url\":\"http://site.test/\",\"user_agent\":\"DocsBot/2.0\"}");

		String refusal = "assignment refused by " + strict.node()
				+ ": HTTP 422 (spec.user_agent cannot be set on this worker)";
		AtomicReference<String> waitingFor = new AtomicReference<>();
		await().pollInterval(Duration.ofMillis(10)).until(() -> {
			JsonNode job = this.api.job(id);
			waitingFor.set(job.path("waiting_for").asString(""));
			return !waitingFor.get().isEmpty() || job.get("status").stringValue().equals("failed");
		});
		assertThat(waitingFor.get()).startsWith("a new attempt, not before ").endsWith("the last because " + refusal);
		await().until(() -> this.api.status(id).equals("failed"));
		assertThat(this.api.job(id).get("error").stringValue()).endsWith("the last because " + refusal);
	}

	@Test
	void aJobOneWorkerRefusesGoesToAnotherThatAcceptsItInsteadOfFailing() {
		// The refusing worker has more free slots, so it is the first choice every time.
		StubWorker strict = worker(Mode.INVALID, 4).register();
		StubWorker lenient = worker(Mode.HOLD, 1).register();
		String id = this.api.submit("{\"start_url\":\"http://site.test/\",\"user_agent\":\"DocsBot/2.0\"}");

		await().until(() -> lenient.running().containsKey(id) || this.api.status(id).equals("failed"));
		assertThat(lenient.running()).containsKey(id);
		assertThat(this.api.job(id).get("attempts").intValue()).isEqualTo(2);
		assertThat(this.api.get("/jobs/" + id + "/history").json()).extracting((e) -> e.get("reason").stringValue())
			.filteredOn((reason) -> reason.startsWith("dispatched"))
			.containsExactly("dispatched to " + strict.node(), "dispatched to " + lenient.node());
	}

	@Test
	void anAssignmentOvertakenByANewerAttemptOnItsWorkerIsNotHeldAgainstThatWorker() {
		// The worker has more free slots, so it is the first choice unless it refused the
		// job.
		StubWorker overtaken = worker(Mode.STALE, 4).register();
		worker(Mode.HOLD, 1).register();
		String id = this.api.submit("{\"start_url\":\"http://site.test/\"}");

		await().until(() -> this.api.job(id).get("attempts").intValue() >= 2);
		assertThat(this.api.get("/jobs/" + id + "/history").json()).extracting((e) -> e.get("reason").stringValue())
			.filteredOn((reason) -> reason.startsWith("dispatched"))
			.startsWith("dispatched to " + overtaken.node(), "dispatched to " + overtaken.node());
	}

	@Test
	void aWorkerThatNeverReportsHasItsJobRequeuedThenFailedWithTheReason() {
		StubWorker silent = worker(Mode.SILENT, 1).register();
		String id = this.api.submit("{\"start_url\":\"http://site.test/\"}");
		await().atMost(Duration.ofSeconds(30)).until(() -> this.api.status(id).equals("failed"));
		JsonNode job = this.api.job(id);
		assertThat(job.get("error").stringValue()).startsWith("attempts_exhausted: 3 attempts lost")
			.contains("no news from " + silent.node() + " within the lease");
		assertThat(job.get("attempts").intValue()).isEqualTo(3);
		assertThat(silent.received()).extracting(Assignment::attempt).containsExactly(1, 2, 3);
		assertThat(silent.cancelled()).contains(id);
		assertThat(this.api.get("/actuator/prometheus").body())
			.contains("dispycluster_job_requeues_total{reason=\"lease_expired\"}")
			.contains("dispycluster_job_attempts_exhausted_total");
	}

	@Test
	void aWorkerThatNeverAnswersIsSetAsideAndItsJobRunsElsewhere() {
		StubWorker hanging = worker(Mode.HOLD, 2).register();
		hanging.hang();
		String id = this.api.submit("{\"start_url\":\"http://site.test/\"}");
		// The assignment times out (or the lease expires first on a loaded machine): the
		// job is back in the queue and the worker set aside.
		await().until(() -> this.api.job(id).get("attempts").intValue() == 1 && this.api.status(id).equals("pending")
				&& this.api.get("/workers/" + hanging.node())
					.json()
					.get("worker")
					.get("status")
					.stringValue()
					.equals("offline"));

		StubWorker healthy = worker(Mode.COMPLETE, 2).register();
		await().until(() -> this.api.status(id).equals("completed"));
		JsonNode job = this.api.job(id);
		assertThat(job.get("assigned_worker").stringValue()).isEqualTo(healthy.node());
		// Every attempt after the first went to the healthy worker, none back to the one
		// set
		// aside (a loaded machine may lose one to an assignment call that timed out).
		assertThat(healthy.received()).extracting(Assignment::attempt)
			.containsExactlyElementsOf(IntStream.rangeClosed(2, job.get("attempts").intValue()).boxed().toList());
	}

	@Test
	void aWorkerAtCapacityRefusesWithoutCostingAnAttempt() {
		StubWorker worker = worker(Mode.REFUSE, 1).register();
		String id = this.api.submit("{\"start_url\":\"http://site.test/\"}");
		await().until(() -> this.api.get("/jobs/" + id + "/history").body().contains("returned to queue"));
		worker.mode(Mode.COMPLETE);
		await().until(() -> this.api.status(id).equals("completed"));
		assertThat(this.api.job(id).get("error").isNull()).isTrue();
		assertThat(this.api.get("/jobs/" + id + "/history").body()).doesNotContain("requeued");
	}

	@Test
	void aJobPastItsBudgetFailsWithReasonTimeoutAndTheWorkerIsTold() {
		StubWorker worker = worker(Mode.HOLD, 1).register();
		String id = this.api.submit("{\"start_url\":\"http://site.test/\",\"max_duration_s\":1}");
		await().atMost(Duration.ofSeconds(10)).until(() -> this.api.status(id).equals("failed"));
		assertThat(this.api.job(id).get("error").stringValue()).startsWith("timeout");
		await().until(() -> worker.cancelled().contains(id));
	}

	@Test
	void aFailedJobFailsWithTheWorkersReasonAndARetryRunsItAgain() {
		StubWorker worker = worker(Mode.FAIL, 1).register();
		String id = this.api.submit("{\"start_url\":\"http://site.test/\"}");
		await().until(() -> this.api.status(id).equals("failed"));
		assertThat(this.api.job(id).get("error").stringValue()).isEqualTo("start URL refused");

		worker.mode(Mode.COMPLETE);
		Api.Response retry = this.api.post("/jobs/" + id + "/retry");
		assertThat(retry.status()).isEqualTo(200);
		assertThat(retry.json().get("status").stringValue()).isEqualTo("pending");
		await().until(() -> this.api.status(id).equals("completed"));
		assertThat(this.api.job(id).get("attempts").intValue()).isEqualTo(2);
		assertThat(this.api.post("/jobs/" + id + "/retry").status()).isEqualTo(409);
	}

	@Test
	void anIdempotencyKeyGivesARetriedSubmissionTheSameJobIds() {
		String body = "{\"urls\":[\"http://a.test/\",\"http://b.test/\"],\"priority\":2}";
		Api.Response first = this.api.post("/scrape/batch", body, "Idempotency-Key",
				"batch-" + NAMES.incrementAndGet());
		String key = "batch-" + NAMES.get();
		Api.Response again = this.api.post("/scrape/batch", body, "Idempotency-Key", key);
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.json()).isEqualTo(first.json());
		Api.Response other = this.api.post("/scrape/batch", "{\"urls\":[\"http://c.test/\"]}", "Idempotency-Key", key);
		assertThat(other.status()).isEqualTo(422);
		assertThat(other.json().get("errors").get(0).get("field").stringValue()).isEqualTo("Idempotency-Key");

		String single = "{\"start_url\":\"http://d.test/\"}";
		String singleKey = "single-" + NAMES.incrementAndGet();
		assertThat(this.api.post("/scrape", single, "Idempotency-Key", singleKey).json())
			.isEqualTo(this.api.post("/scrape", single, "Idempotency-Key", singleKey).json());
	}

	@Test
	void internalEndpointsCheckTheAttemptAndTheirBodies() {
		String id = this.api.submit("{\"start_url\":\"http://site.test/\"}");
		assertThat(this.api
			.post("/internal/jobs/" + id + "/progress", "{\"attempt\":1,\"node\":\"ghost\",\"pages_done\":1}")
			.status()).isEqualTo(409);
		assertThat(this.api
			.post("/internal/jobs/" + id + "/report",
					"{\"attempt\":1,\"node\":\"ghost\",\"outcome\":\"succeeded\",\"result\":{\"crawled\":[]}}")
			.status()).isEqualTo(409);
		assertThat(this.api
			.post("/internal/jobs/job_unknown/report", "{\"attempt\":1,\"node\":\"ghost\",\"outcome\":\"failed\"}")
			.status()).isEqualTo(404);

		Api.Response badTypes = this.api.post("/internal/jobs/" + id + "/report",
				"{\"attempt\":\"one\",\"node\":\"ghost\",\"outcome\":\"succeeded\"}");
		assertThat(badTypes.status()).isEqualTo(422);
		assertThat(badTypes.json().get("errors").get(0).get("field").stringValue()).isEqualTo("attempt");
		Api.Response missing = this.api.post("/internal/jobs/" + id + "/report", "{\"node\":\"\"}");
		assertThat(missing.status()).isEqualTo(422);
		assertThat(missing.json().get("errors")).extracting((e) -> e.get("field").stringValue())
			.containsExactlyInAnyOrder("attempt", "node", "outcome");
		assertThat(this.api.post("/internal/jobs/" + id + "/report", "{\"attempt\":1,").status()).isEqualTo(400);

		Api.Response registration = this.api.post("/internal/workers/register",
				"{\"node\":\"\",\"url\":\"ftp://x\",\"capacity\":0}");
		assertThat(registration.status()).isEqualTo(422);
		assertThat(registration.json().get("errors")).extracting((e) -> e.get("field").stringValue())
			.containsExactlyInAnyOrder("node", "url", "capacity");
	}

	@ParameterizedTest(name = "Accept: {0}")
	@ValueSource(strings = { "text/html", "text/plain", "garbage" })
	void answersItsHealthWhateverTypeIsAsked(String accept) {
		Api.Response health = this.api.get("/health", "Accept", accept);
		Api.Response actuator = this.api.get("/actuator/health", "Accept", accept);

		assertThat(health.status()).isEqualTo(200);
		assertThat(health.json().get("status").stringValue()).isEqualTo("healthy");
		assertThat(actuator.status()).isEqualTo(200);
		assertThat(actuator.json().get("status").stringValue()).isEqualTo("UP");
	}

	@Test
	void answersTheContractEndpointsWithTheirShapes() {
		StubWorker worker = worker(Mode.COMPLETE, 2).register();
		String id = this.api.submit("{\"start_url\":\"http://site.test/\"}");
		await().until(() -> this.api.status(id).equals("completed"));

		JsonNode root = this.api.get("/").json();
		assertThat(root.get("service").stringValue()).isEqualTo("DispyCluster Controller");
		assertThat(root.get("version").stringValue()).isEqualTo("1.0.0");
		assertThat(root.get("status").stringValue()).isEqualTo("running");
		assertThat(root.get("endpoints").get("jobs").stringValue()).isEqualTo("/jobs");

		JsonNode health = this.api.get("/health").json();
		assertThat(health.get("status").stringValue()).isEqualTo("healthy");
		assertThat(health.get("timestamp").stringValue()).endsWith("Z");
		assertThat(health.get("cluster_nodes").intValue()).isPositive();
		assertThat(health.has("active_jobs")).isTrue();

		JsonNode cluster = this.api.get("/cluster").json();
		assertThat(cluster.properties()).extracting(java.util.Map.Entry::getKey)
			.contains("total_workers", "online_workers", "total_jobs", "pending_jobs", "running_jobs", "completed_jobs",
					"failed_jobs", "average_job_duration");
		assertThat(cluster.get("online_workers").intValue()).isGreaterThanOrEqualTo(1);
		assertThat(cluster.get("average_job_duration").isNumber()).isTrue();

		JsonNode dashboard = this.api.get("/monitoring/dashboard").json();
		assertThat(dashboard.get("cluster_stats").get("total_jobs").intValue()).isPositive();
		assertThat(dashboard.get("recent_jobs").size()).isBetween(1, 10);
		assertThat(dashboard.get("worker_performance")).anySatisfy((w) -> {
			assertThat(w.get("node").stringValue()).isEqualTo(worker.node());
			assertThat(w.get("jobs_completed").intValue()).isEqualTo(1);
		});

		JsonNode workers = this.api.get("/workers").json();
		assertThat(workers).anySatisfy((w) -> {
			assertThat(w.get("node").stringValue()).isEqualTo("inventory-a.invalid");
			assertThat(w.get("url").stringValue()).isEqualTo("http://inventory-a.invalid:9999");
			assertThat(w.get("capacity").intValue()).isEqualTo(3);
			assertThat(w.get("status").stringValue()).isEqualTo("offline");
		});
		assertThat(workers).anySatisfy((w) -> {
			assertThat(w.get("url").stringValue()).isEqualTo("http://inventory-b.invalid:8080");
			assertThat(w.get("capacity").intValue()).isEqualTo(2);
		});
		assertThat(workers).anySatisfy((w) -> {
			assertThat(w.get("node").stringValue()).isEqualTo(worker.node());
			assertThat(w.get("status").stringValue()).isEqualTo("online");
			assertThat(w.get("capacity").intValue()).isEqualTo(2);
			assertThat(w.has("last_seen") && w.has("active_jobs") && w.has("cpu_usage")).isTrue();
		});
		JsonNode ping = this.api.post("/workers/" + worker.node() + "/ping").json();
		assertThat(ping.get("status").stringValue()).isEqualTo("online");
		assertThat(ping.get("response_time").isNumber()).isTrue();
		assertThat(this.api.post("/workers/nowhere.lan/ping").json().get("detail").stringValue())
			.isEqualTo("Worker non trouvé dans le cluster");
		assertThat(this.api.get("/workers/nowhere.lan").json().get("detail").stringValue())
			.isEqualTo("Worker non trouvé");

		// Each job of the list carries its result, as the contract's Job does, unless
		// left out.
		JsonNode list = this.api.get("/jobs?status=completed&limit=1").json();
		assertThat(list.isArray()).isTrue();
		assertThat(list.get(0).get("id").stringValue()).isEqualTo(id);
		assertThat(list.get(0).get("result")).isEqualTo(this.api.get("/jobs/" + id).json().get("result"));
		assertThat(list.get(0).get("result").get("crawled").isArray()).isTrue();
		assertThat(this.api.get("/jobs?status=completed&limit=1&include_result=false").json().get(0).has("result"))
			.isFalse();
		assertThat(this.api.get("/actuator/health").json().get("status").stringValue()).isEqualTo("UP");
		JsonNode openApi = this.api.get("/v3/api-docs").json();
		assertThat(openApi.get("paths").has("/scrape")).isTrue();
		assertThat(openApi.get("paths").has("/internal/jobs/{jobId}/report")).isTrue();
		// The names the API reads and writes, not the Java ones.
		JsonNode schemas = openApi.get("components").get("schemas");
		assertThat(schemas.get("ScrapeRequest").get("properties").propertyNames()).contains("start_url", "max_pages")
			.doesNotContain("startUrl");
		assertThat(schemas.get("JobSummary").get("properties").get("status").get("enum").toString())
			.contains("\"pending\"")
			.doesNotContain("PENDING");
		assertThat(this.api.get("/actuator/prometheus").body()).contains("dispycluster_queue_depth{priority=\"10\"}")
			.contains("dispycluster_jobs{status=\"completed\"}")
			.contains("dispycluster_dispatch_latency_seconds_count")
			.contains("dispycluster_job_duration_seconds_count{outcome=\"completed\"}")
			.contains("dispycluster_workers{status=\"online\"}")
			.contains("dispycluster_worker_assigned_jobs{node=");
	}

	private StubWorker worker(Mode mode, int capacity) {
		StubWorker worker = StubWorker.start("stub-" + NAMES.incrementAndGet(), capacity, this.api.baseUrl(), mode);
		this.workers.add(worker);
		return worker;
	}

	private static Path createDataDir() {
		try {
			Path dir = Files.createTempDirectory("controller-it");
			dir.toFile().deleteOnExit();
			return dir;
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

package io.dispycluster.deploy;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import io.dispycluster.deploy.LocalCluster.Service;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The controller's failover with real workers on random ports crawling the fixture site's
 * slow pages, so that jobs are in flight when something is stopped: a killed worker's
 * jobs complete on the other worker, each exactly once, and a controller restarted on its
 * data in the middle of a batch still completes every job, and so do jobs accepted just
 * before the controller is killed. Run on H2 ({@link FailoverEndToEndIT}, which adds
 * cancellation and priorities) and on PostgreSQL ({@link PostgresFailoverEndToEndIT}).
 *
 * <p>
 * Only the controller runs besides the workers, with short intervals so that a dead
 * worker is noticed within about a second. Each test says which workers it needs
 * ({@link #runOnly}); those already running are reused, in the order of the tests, since
 * starting a worker takes seconds.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class FailoverScenarios extends ClusterScenarios {

	/** Pages each job of a batch crawls: about a second per job. */
	static final int PAGES_PER_JOB = 4;

	static final Duration BATCH_TIMEOUT = Duration.ofMinutes(2);

	@Override
	LocalCluster.Builder configure(LocalCluster.Builder cluster) {
		return cluster.without(Service.GATEWAY, Service.MONITORING, Service.SCHEDULER)
			.workers()
			.args(Service.CONTROLLER, "--dispycluster.controller.health-check-interval=500ms",
					"--dispycluster.controller.offline-after-failures=2", "--dispycluster.controller.worker-timeout=3s",
					"--dispycluster.controller.dispatch-interval=300ms",
					// Longer than a controller restart: the restarted controller lets the
					// workers finish what they run instead of requeueing it.
					"--dispycluster.controller.lease-duration=60s", "--dispycluster.controller.requeue-backoff=200ms",
					"--dispycluster.controller.max-requeue-backoff=1s")
			.args(Service.WORKER, "--dispycluster.worker.crawl.politeness-delay=0s",
					"--dispycluster.worker.report.progress-interval=500ms",
					"--dispycluster.worker.report.initial-backoff=200ms",
					"--dispycluster.worker.report.max-backoff=1s");
	}

	@AfterEach
	void cancelWhatIsLeft() {
		if (this.cluster == null) {
			return; // skipped
		}
		for (JsonNode job : json(controller("/jobs?limit=1000&include_result=false"))) {
			if (!FINAL_STATES.contains(job.get("status").asString())) {
				this.cluster.postJson(controllerUrl("/jobs/" + job.get("id").asString() + "/cancel"), "");
			}
		}
	}

	@Test
	@Order(3)
	void aControllerRestartedInTheMiddleOfABatchStillCompletesEveryJob() throws IOException {
		runOnly(2, "alpha", "beta");
		int completedBefore = completedBy("alpha") + completedBy("beta");
		Map<String, String> keysById = submitBatch("restart", 16, PAGES_PER_JOB, 1);

		await("jobs in flight").atMost(BATCH_TIMEOUT)
			.until(() -> assignments("alpha").size() + assignments("beta").size() >= 2);
		this.cluster.restart(Service.CONTROLLER);

		Map<String, JsonNode> jobs = awaitCompleted(keysById.keySet());
		jobs.values().forEach(this::assertCompletedOnce);
		assertThat(completedBy("alpha") + completedBy("beta") - completedBefore).isEqualTo(16);
	}

	@Test
	@Order(4)
	void jobsAcceptedJustBeforeTheControllerIsKilledSurviveItAndComplete() throws IOException {
		runOnly(2, "alpha", "beta");
		Map<String, String> keysById = submitBatch("crash", 10, PAGES_PER_JOB, 1);
		this.cluster.killAndRestart(Service.CONTROLLER);

		// Accepted means stored: every job that got its id is still known after a crash.
		for (String id : keysById.keySet()) {
			HttpResponse<String> job = this.cluster.get(controllerUrl("/jobs/" + id));
			assertThat(job.statusCode()).as("%s after the crash: %s", id, job.body()).isEqualTo(200);
		}
		awaitCompleted(keysById.keySet()).values().forEach(this::assertCompletedOnce);
	}

	@Test
	@Order(5)
	void jobsOfAWorkerKilledInTheMiddleOfABatchCompleteOnTheOtherWorkerEachExactlyOnce() throws IOException {
		runOnly(2, "alpha", "doomed");
		int completedBefore = completedBy("alpha");
		Map<String, String> keysById = submitBatch("batch", 20, PAGES_PER_JOB, 1);

		// Both of the doomed worker's jobs under way, neither finished.
		JsonNode held = await("doomed in the middle of two crawls").atMost(BATCH_TIMEOUT)
			.until(() -> json(this.cluster.get(this.cluster.workerUrl("doomed", "/assignments")).body()),
					(running) -> running.size() == 2 && running.findValues("pages_done")
						.stream()
						.allMatch((done) -> done.asInt() >= 1 && done.asInt() < PAGES_PER_JOB));
		this.cluster.killWorker("doomed");
		List<String> heldByDoomed = held.findValuesAsString("job_id");

		Map<String, JsonNode> jobs = awaitCompleted(keysById.keySet());
		for (JsonNode job : jobs.values()) {
			String id = job.get("id").asString();
			assertThat(job.get("start_url").asString()).isEqualTo(this.site.slowUrl(keysById.get(id)));
			assertCompletedOnce(job);
			if (job.get("attempts").asInt() == 1) {
				// One attempt, one crawl: every page of the job was fetched once.
				assertThat(this.site.slowHits(keysById.get(id))).as("pages fetched for %s", id)
					.isEqualTo(PAGES_PER_JOB);
			}
		}
		for (String id : heldByDoomed) {
			assertThat(jobs.get(id).get("assigned_worker").asString()).as(id).isEqualTo("alpha");
			assertThat(jobs.get(id).get("attempts").asInt()).as(id).isGreaterThanOrEqualTo(2);
			// Some pages twice: once by the killed worker, then all of them again.
			assertThat(this.site.slowHits(keysById.get(id))).as("pages fetched for %s", id)
				.isGreaterThan(PAGES_PER_JOB);
		}
		assertThat(workerStates()).containsEntry("doomed", "offline");
		assertThat(completedBy("alpha") + completedBy("doomed") - completedBefore).isEqualTo(20);
	}

	/**
	 * Makes these workers, and no other, run with this capacity, starting those missing,
	 * and waits until the controller sees every other worker offline. A worker is reused
	 * from test to test when it can be, since starting one takes seconds.
	 */
	void runOnly(int capacity, String... nodes) throws IOException {
		List<String> wanted = List.of(nodes);
		this.cluster.runningWorkers()
			.stream()
			.filter((node) -> !wanted.contains(node))
			.forEach(this.cluster::killWorker);
		List<String> missing = wanted.stream().filter((node) -> !this.cluster.runningWorkers().contains(node)).toList();
		if (!missing.isEmpty()) {
			this.cluster.startWorkers(missing, "--dispycluster.worker.capacity=" + capacity);
		}
		await("other workers offline").atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(workerStates())
				.allSatisfy((node, status) -> assertThat(wanted.contains(node) || status.equals("offline"))
					.as("%s is %s", node, status)
					.isTrue()));
	}

	/**
	 * Submits {@code count} jobs in one batch, each crawling its own slow chain
	 * {@code prefix-i}.
	 * @return the slow chain's key of each job, by job id (the controller answers the ids
	 * in the order of the URLs)
	 */
	Map<String, String> submitBatch(String prefix, int count, int maxPages, int priority) {
		List<String> keys = IntStream.range(0, count).mapToObj((i) -> prefix + "-" + i).toList();
		String body = JSON.writeValueAsString(Map.of("urls", keys.stream().map(this.site::slowUrl).toList(),
				"max_pages", maxPages, "priority", priority));
		HttpResponse<String> response = this.cluster.postJson(controllerUrl("/scrape/batch"), body);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		List<String> ids = strings(json(response.body()).get("job_ids"));
		assertThat(ids).hasSize(count);
		Map<String, String> keysById = new LinkedHashMap<>();
		for (int i = 0; i < count; i++) {
			keysById.put(ids.get(i), keys.get(i));
		}
		return keysById;
	}

	Map<String, JsonNode> awaitCompleted(Iterable<String> ids) {
		Map<String, JsonNode> jobs = new LinkedHashMap<>();
		for (String id : ids) {
			JsonNode job = awaitFinished(Service.CONTROLLER, id, BATCH_TIMEOUT);
			assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("completed");
			jobs.put(id, job);
		}
		return jobs;
	}

	/**
	 * A completed job whose history shows one success, and whose result lists its pages
	 * once each.
	 */
	private void assertCompletedOnce(JsonNode job) {
		String id = job.get("id").asString();
		assertThat(job.get("status").asString()).as(id).isEqualTo("completed");
		List<String> crawled = strings(job.get("result").get("crawled"));
		assertThat(crawled).as(id).hasSize(job.get("max_pages").asInt()).doesNotHaveDuplicates();
		assertThat(job.get("pages_crawled").asInt()).as(id).isEqualTo(crawled.size());
		List<String> transitions = new ArrayList<>();
		json(controller("/jobs/" + id + "/history")).forEach((event) -> transitions.add(event.get("to").asString()));
		assertThat(transitions).as("history of %s", id).containsOnlyOnce("succeeded");
	}

	/** The jobs a worker runs now, by id, as its {@code GET /assignments} lists them. */
	List<String> assignments(String node) {
		HttpResponse<String> response = this.cluster.get(this.cluster.workerUrl(node, "/assignments"));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		List<String> ids = new ArrayList<>();
		json(response.body()).forEach((assignment) -> ids.add(assignment.get("job_id").asString()));
		return ids;
	}

	Map<String, String> workerStates() {
		Map<String, String> states = new HashMap<>();
		json(controller("/workers"))
			.forEach((worker) -> states.put(worker.get("node").asString(), worker.get("status").asString()));
		return states;
	}

	/** The jobs the controller counts as completed by a worker. */
	int completedBy(String node) {
		return json(controller("/workers/" + node)).get("worker").get("total_jobs_completed").asInt();
	}

	String controller(String path) {
		return get(Service.CONTROLLER, path);
	}

	String controllerUrl(String path) {
		return this.cluster.url(Service.CONTROLLER, path);
	}

}

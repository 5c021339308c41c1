package io.dispycluster.controller;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import io.dispycluster.controller.support.Api;
import io.dispycluster.controller.support.Controllers;
import io.dispycluster.controller.support.StubWorker;
import io.dispycluster.controller.support.StubWorker.Mode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What must survive a controller restart, run against each database: accepted jobs and
 * results are kept, pending jobs are dispatched after the restart, and a restart in the
 * middle of a batch loses no job and completes none twice.
 */
abstract class PersistenceScenarios {

	@TempDir
	Path dataDir;

	private final List<ConfigurableApplicationContext> controllers = new ArrayList<>();

	private final List<StubWorker> workers = new ArrayList<>();

	/** The properties that put a controller on the database under test. */
	abstract Map<String, String> database();

	/** The internal token the controllers require, or null. */
	String token() {
		return null;
	}

	Api api(int port) {
		return new Api("http://127.0.0.1:" + port, token());
	}

	@AfterEach
	void stopEverything() {
		this.workers.forEach(StubWorker::close);
		this.controllers.forEach(ConfigurableApplicationContext::close);
	}

	@Test
	void jobsSurviveARestartAndPendingOnesAreDispatchedAfterIt() {
		int port = Controllers.freePort();
		ConfigurableApplicationContext first = start(port);
		Api api = api(port);
		StubWorker early = worker("early", api, Mode.COMPLETE).register();
		String done = api.submit("{\"start_url\":\"http://site.test/\",\"priority\":4}");
		await().until(() -> api.status(done).equals("completed"));
		early.close();
		await()
			.until(() -> api.get("/workers/early").json().get("worker").get("status").stringValue().equals("offline"));
		List<String> pending = api.submitBatch("{\"urls\":[\"http://a.test/\",\"http://b.test/\",\"http://c.test/\"]}");
		JsonNode completedBefore = api.job(done);
		first.close();

		start(port);
		JsonNode jobs = api.get("/jobs").json();
		assertThat(jobs).extracting((job) -> job.get("id").stringValue()).containsAll(pending).contains(done);
		assertThat(api.job(done)).isEqualTo(completedBefore);
		assertThat(pending).allSatisfy((id) -> assertThat(api.status(id)).isEqualTo("pending"));

		StubWorker late = worker("late", api, Mode.COMPLETE).register();
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(
					() -> assertThat(pending).allSatisfy((id) -> assertThat(api.status(id)).isEqualTo("completed")));
		// The stub counts a completion when the controller's answer reaches it, which can
		// be
		// just after the job already reads completed.
		await().untilAsserted(
				() -> assertThat(pending).allSatisfy((id) -> assertThat(late.acceptedCompletions(id)).isEqualTo(1)));
		assertThat(late.callsWithoutToken()).isEmpty();
	}

	@Test
	void aRestartInTheMiddleOfABatchLosesNoJobAndCompletesNoneTwice() {
		int port = Controllers.freePort();
		ConfigurableApplicationContext first = start(port);
		Api api = api(port);
		StubWorker worker = worker("steady", api, Mode.COMPLETE).delay(Duration.ofMillis(400)).register();
		List<String> ids = api.submitBatch("{\"urls\":["
				+ String.join(",", IntStream.range(0, 10).mapToObj((i) -> "\"http://site.test/" + i + "/\"").toList())
				+ "]}");
		await().until(() -> ids.stream().filter((id) -> api.status(id).equals("completed")).count() >= 2);
		first.close();

		start(port);
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(ids).allSatisfy((id) -> assertThat(api.status(id)).isEqualTo("completed")));
		await().untilAsserted(() -> assertThat(ids)
			.allSatisfy((id) -> assertThat(worker.acceptedCompletions(id)).as("completions of %s", id).isEqualTo(1)));
		for (String id : ids) {
			assertThat(api.get("/jobs/" + id + "/history").json())
				.filteredOn((event) -> event.get("to").stringValue().equals("succeeded"))
				.hasSize(1);
		}
	}

	@Test
	void aControllerDownLongerThanTheLeaseLetsTheWorkerReportItsRunningJob() throws InterruptedException {
		int port = Controllers.freePort();
		ConfigurableApplicationContext first = start(port);
		Api api = api(port);
		// The worker holds the job (it lists it, as the real worker does) but sends no
		// progress: its report tells the restarted controller how the attempt ended.
		StubWorker worker = worker("patient", api, Mode.HOLD).register();
		String id = api.submit("{\"start_url\":\"http://site.test/\"}");
		await().until(() -> worker.running().containsKey(id));
		first.close();
		// Longer than the lease (2 s): the worker could not report to a stopped
		// controller.
		Thread.sleep(3000);

		start(port);
		Thread.sleep(600);
		assertThat(worker.report(worker.received().get(0), "succeeded", null)).isEqualTo(204);
		JsonNode job = api.job(id);
		assertThat(job.get("status").stringValue()).isEqualTo("completed");
		assertThat(job.get("attempts").intValue()).isEqualTo(1);
		// Listed by the worker after the restart, its attempt is the job's current one:
		// nothing stops it.
		assertThat(worker.cancelled()).doesNotContain(id);
		assertThat(api.get("/jobs/" + id + "/history").json()).extracting((event) -> event.get("to").stringValue())
			.containsExactly("queued", "dispatched", "succeeded");
	}

	@Test
	void aControllerDownPastAJobsBudgetLetsTheWorkerReportItsResultInTime() throws InterruptedException {
		int port = Controllers.freePort();
		Map<String, String> tightGrace = new HashMap<>(database());
		tightGrace.put("dispycluster.controller.timeout-grace", "300ms");
		ConfigurableApplicationContext first = start(port, tightGrace);
		Api api = api(port);
		StubWorker worker = worker("punctual", api, Mode.HOLD).register();
		String id = api.submit("{\"start_url\":\"http://site.test/\",\"max_duration_s\":1}");
		await().until(() -> worker.running().containsKey(id));
		first.close();
		// The worker finished within its budget (1 s) but could not report: the
		// controller was down until well past the budget and its grace.
		Thread.sleep(3000);

		start(port, tightGrace);
		Thread.sleep(600);
		assertThat(worker.report(worker.received().get(0), "succeeded", null)).isEqualTo(204);
		assertThat(api.status(id)).isEqualTo("completed");
	}

	@Test
	void aJobClaimedButNeverSentBeforeARestartGoesBackToTheQueueAtOnce() {
		int port = Controllers.freePort();
		ConfigurableApplicationContext first = start(port);
		Api api = api(port);
		// The worker drops the assignment: the same as a controller killed between the
		// claim and the send.
		StubWorker worker = worker("forgotten", api, Mode.DROP).register();
		String id = api.submit("{\"start_url\":\"http://site.test/\"}");
		await().until(() -> worker.calls().contains("POST /assignments"));
		first.close();
		worker.mode(Mode.HOLD);

		start(port);
		await().atMost(Duration.ofSeconds(10)).until(() -> worker.running().containsKey(id));
		assertThat(api.get("/jobs/" + id + "/history").json()).extracting((event) -> event.get("reason").stringValue())
			.contains("returned to queue: assignment never reached forgotten"
					+ " (the controller stopped before sending it)")
			.noneMatch((reason) -> reason.startsWith("requeued"));
		assertThat(worker.running().get(id).attempt()).isEqualTo(2);
	}

	@Test
	void aJobKeepsTheRequestIdItWasSubmittedWithAcrossARestart() {
		int port = Controllers.freePort();
		ConfigurableApplicationContext first = start(port);
		Api api = api(port);
		StubWorker worker = worker("traced", api, Mode.DROP).register();
		String id = api.post("/scrape", "{\"start_url\":\"http://site.test/\"}", "X-Request-Id", "abc")
			.json()
			.get("job_id")
			.stringValue();
		await().until(() -> worker.calls().contains("POST /assignments"));
		first.close();
		worker.mode(Mode.HOLD);

		start(port);
		// the attempt the restarted controller dispatches reads the id from the database
		await().atMost(Duration.ofSeconds(10)).until(() -> worker.running().containsKey(id));
		assertThat(worker.running().get(id).attempt()).isEqualTo(2);
		assertThat(worker.running().get(id).requestId()).isEqualTo("abc");
		assertThat(api.job(id).get("request_id").stringValue()).isEqualTo("abc");
	}

	@Test
	void aCancellationThatNeverReachedTheWorkerBeforeARestartStopsItsAttemptAfterIt() {
		int port = Controllers.freePort();
		ConfigurableApplicationContext first = start(port);
		Api api = api(port);
		// The worker does not get the cancellation: the same as a controller killed just
		// after the cancellation was committed, before it was sent.
		StubWorker worker = worker("unaware", api, Mode.HOLD).cancelsFail(true).register();
		String id = api.submit("{\"start_url\":\"http://site.test/\"}");
		await().until(() -> worker.running().containsKey(id));
		assertThat(api.post("/jobs/" + id + "/cancel").status()).isEqualTo(200);
		await().until(() -> worker.calls().contains("POST /assignments/" + id + "/cancel"));
		first.close();
		worker.cancelsFail(false);
		assertThat(worker.running()).containsKey(id);

		start(port);
		await().atMost(Duration.ofSeconds(10)).until(() -> !worker.running().containsKey(id));
		assertThat(worker.stops()).contains(id + "#1").allMatch((stop) -> stop.equals(id + "#1"));
		assertThat(api.status(id)).isEqualTo("cancelled");
	}

	@Test
	void aWorkerWhoseAssignmentsCannotBeReadKeepsItsJobsAfterARestart() throws InterruptedException {
		int port = Controllers.freePort();
		ConfigurableApplicationContext first = start(port);
		Api api = api(port);
		StubWorker worker = worker("unreadable", api, Mode.HOLD).register();
		String id = api.submit("{\"start_url\":\"http://site.test/\"}");
		await().until(() -> worker.running().containsKey(id));
		first.close();
		worker.assignmentsFail(true);

		start(port);
		// Several health checks: none may take the missing list for an empty one (only
		// the lease, once it expires, may requeue the job).
		Thread.sleep(1200);
		assertThat(api.get("/jobs/" + id + "/history").json()).extracting((event) -> event.get("reason").stringValue())
			.noneMatch((reason) -> reason.startsWith("returned to queue"));
	}

	ConfigurableApplicationContext start(int port) {
		return start(port, database());
	}

	ConfigurableApplicationContext start(int port, Map<String, String> properties) {
		ConfigurableApplicationContext controller = Controllers.start(port, properties);
		this.controllers.add(controller);
		return controller;
	}

	StubWorker worker(String name, Api api, Mode mode) {
		StubWorker worker = StubWorker.start(name, 2, api.baseUrl(), mode);
		if (token() != null) {
			worker.token(token());
		}
		this.workers.add(worker);
		return worker;
	}

}

package io.dispycluster.scheduler;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The scheduler stopped and started again on the same data, on each database: tasks, next
 * fire times and history are kept; fires missed during a long downtime run once or are
 * skipped and recorded, depending on the grace (the downtime is simulated with a clock
 * two hours and ten minutes ahead); a workflow stopped during a wait finishes after the
 * restart.
 */
abstract class PersistenceScenarios {

	private static final Duration DOWNTIME = Duration.ofHours(2).plusMinutes(10);

	// production, on PostgreSQL, refuses webhooks to loopback unless allowed
	private static final String ALLOW_LOOPBACK_WEBHOOKS = "--dispycluster.scheduler.workflow.webhook-allowed=127.0.0.1";

	@TempDir
	Path dataDir;

	static StubController controller;

	@BeforeAll
	static void startController() throws Exception {
		controller = new StubController();
	}

	@AfterAll
	static void stopController() {
		controller.close();
	}

	/** The command-line arguments that select the database, for a data directory. */
	abstract List<String> database(Path dataDir);

	RunningScheduler start(Clock clock, String... args) {
		List<String> all = new ArrayList<>(database(this.dataDir));
		all.addAll(List.of(args));
		return RunningScheduler.start(this.dataDir, controller.url(), clock, all.toArray(String[]::new));
	}

	RunningScheduler start() {
		return start(null);
	}

	@Test
	void keepsTasksAcrossRestartsAndHandlesMissedFires() {
		Instant created = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		String rare;
		String hourly;
		String inOneHour;
		String inTwoHours;
		Map<String, Object> tasksBefore;
		try (RunningScheduler scheduler = start()) {
			rare = create(scheduler, "cron", "{\"cron\":\"0 0 29 2 *\"}");
			hourly = create(scheduler, "interval", "{\"seconds\":3600}");
			inOneHour = create(scheduler, "once", "{\"datetime\":\"" + created.plus(Duration.ofHours(1)) + "\"}");
			inTwoHours = create(scheduler, "once", "{\"datetime\":\"" + created.plus(Duration.ofHours(2)) + "\"}");
			scheduler.post("/tasks/" + rare + "/run");
			await().until(() -> scheduler.historyOf(rare).get(0).get("status"), "completed"::equals);
			tasksBefore = nextRuns(scheduler);
		}

		try (RunningScheduler scheduler = start()) {
			assertThat(nextRuns(scheduler)).isEqualTo(tasksBefore);
			assertThat(scheduler.getObject("/health")).containsEntry("scheduler_running", true)
				.containsEntry("scheduled_tasks", 4);
			assertThat(scheduler.historyOf(rare)).singleElement()
				.satisfies((run) -> assertThat(run).containsEntry("status", "completed")
					.containsEntry("pages_crawled", 3));
		}

		Clock later = Clock.offset(Clock.systemUTC(), DOWNTIME);
		try (RunningScheduler scheduler = start(later, "--dispycluster.scheduler.misfire-grace=30m")) {
			// Missed by 70 minutes, beyond the grace: skipped and recorded.
			assertThat(scheduler.historyOf(inOneHour)).singleElement()
				.satisfies((run) -> assertThat(run).containsEntry("status", "skipped")
					.containsEntry("trigger", "catch_up")
					.containsEntry("scheduled_for", created.plus(Duration.ofHours(1)).toString()));
			assertThat(scheduler.getObject("/tasks/" + inOneHour)).containsEntry("next_run", null)
				.containsEntry("run_count", 0);
			// Missed by 10 minutes, within the grace: runs once at start-up.
			Map<String, Object> caughtUp = scheduler.awaitFinishedRun(inTwoHours);
			assertThat(caughtUp).containsEntry("status", "completed")
				.containsEntry("trigger", "catch_up")
				.containsEntry("scheduled_for", created.plus(Duration.ofHours(2)).toString());
			// Missed twice (at +1 h and +2 h): runs once, for the latest, and keeps its
			// rhythm.
			Instant firstHourly = Instant.parse((String) tasksBefore.get(hourly));
			Map<String, Object> hourlyRun = scheduler.awaitFinishedRun(hourly);
			assertThat(hourlyRun).containsEntry("trigger", "catch_up")
				.containsEntry("scheduled_for", firstHourly.plus(Duration.ofHours(1)).toString());
			assertThat(Instant.parse((String) scheduler.getObject("/tasks/" + hourly).get("next_run")))
				.isEqualTo(firstHourly.plus(Duration.ofHours(2)));
			assertThat(scheduler.getObject("/tasks/" + rare).get("next_run")).isEqualTo(tasksBefore.get(rare));
			assertThat(scheduler.historyOf(hourly)).hasSize(1);
		}
	}

	@Test
	void keepsTheCrawlFieldsOfATaskAcrossRestarts() {
		String id;
		Map<String, Object> before;
		try (RunningScheduler scheduler = start()) {
			id = (String) scheduler.post("/tasks", """
					{"name":"options","urls":["https://options.example/"],"schedule_type":"cron",
					 "schedule_config":{"cron":"0 0 29 2 *"},"max_depth":3,"exclude_patterns":["logout"],
					 "extract":{"title":{"selector":"h1","all":true}},"node_labels":{"zone":"eu"}}""").get("task_id");
			before = scheduler.getObject("/tasks/" + id);
		}
		try (RunningScheduler scheduler = start()) {
			assertThat(scheduler.getObject("/tasks/" + id)).containsEntry("max_depth", 3)
				.containsEntry("exclude_patterns", List.of("logout"))
				.containsEntry("node_labels", Map.of("zone", "eu"))
				.containsEntry("extract", before.get("extract"));
			assertThat(before.get("extract").toString()).contains("selector=h1").contains("all=true");
		}
	}

	@Test
	void resumesAWorkflowStoppedDuringAWait() {
		String id;
		String runId;
		try (RunningScheduler scheduler = start()) {
			id = (String) scheduler
				.post("/workflows",
						"""
								{"name":"pause","schedule_type":"cron","schedule_config":{"cron":"0 0 29 2 *"},
								 "steps":[
								   {"step_id":"before","name":"before","action":"scrape","config":{"urls":["https://wait.example/1"]}},
								   {"step_id":"pause","name":"pause","action":"wait","config":{"seconds":6},"depends_on":["before"]},
								   {"step_id":"after","name":"after","action":"scrape","config":{"urls":["https://wait.example/2"]},
								    "depends_on":["pause"]}]}""")
				.get("workflow_id");
			runId = (String) scheduler.post("/workflows/" + id + "/run").get("run_id");
			await().atMost(Duration.ofSeconds(20))
				.until(() -> stepState(scheduler, id, runId, "pause"), "running"::equals);
		}

		try (RunningScheduler scheduler = start()) {
			Map<String, Object> run = await().atMost(Duration.ofSeconds(30))
				.until(() -> scheduler.getObject("/workflows/" + id + "/runs/" + runId),
						(found) -> found.get("finished_at") != null);
			assertThat(run).containsEntry("status", "completed");
			Map<String, Object> pause = step(run, "pause");
			assertThat(pause).containsEntry("state", "succeeded").containsEntry("attempts", 1);
			assertThat(Instant.parse((String) pause.get("finished_at")))
				.isAfterOrEqualTo(Instant.parse((String) pause.get("started_at")).plusSeconds(6));
			assertThat(step(run, "after")).containsEntry("state", "succeeded");
			assertThat(controller.batchesFor(List.of("https://wait.example/1"))).isEqualTo(1);
		}
	}

	@Test
	void recordsAWebhookCallUnderWayWhenStopped() throws IOException {
		AtomicInteger calls = new AtomicInteger();
		HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		receiver.createContext("/slow", (exchange) -> {
			calls.incrementAndGet();
			try {
				Thread.sleep(2000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			exchange.sendResponseHeaders(200, -1);
			exchange.close();
		});
		receiver.setExecutor(Executors.newCachedThreadPool());
		receiver.start();
		try {
			String id;
			String runId;
			try (RunningScheduler scheduler = start(null, ALLOW_LOOPBACK_WEBHOOKS)) {
				id = (String) scheduler
					.post("/workflows",
							"""
									{"name":"hook","schedule_type":"cron","schedule_config":{"cron":"0 0 29 2 *"},
									 "steps":[{"step_id":"notify","name":"notify","action":"webhook","config":{"url":"%s"}},
									          {"step_id":"after","name":"after","action":"wait","config":{"seconds":0},
									           "depends_on":["notify"]}]}"""
								.formatted("http://127.0.0.1:" + receiver.getAddress().getPort() + "/slow"))
					.get("workflow_id");
				runId = (String) scheduler.post("/workflows/" + id + "/run").get("run_id");
				await().atMost(Duration.ofSeconds(20)).until(calls::get, (count) -> count == 1);
			}
			// the stop waited for the call: its answer is recorded, and it is not made
			// again
			try (RunningScheduler scheduler = start(null, ALLOW_LOOPBACK_WEBHOOKS)) {
				Map<String, Object> run = await().atMost(Duration.ofSeconds(30))
					.until(() -> scheduler.getObject("/workflows/" + id + "/runs/" + runId),
							(found) -> found.get("finished_at") != null);
				assertThat(run).containsEntry("status", "completed");
				assertThat(step(run, "notify")).containsEntry("state", "succeeded").containsEntry("attempts", 1);
				assertThat(calls).hasValue(1);
			}
		}
		finally {
			receiver.stop(0);
		}
	}

	private static String stepState(RunningScheduler scheduler, String id, String runId, String stepId) {
		return (String) step(scheduler.getObject("/workflows/" + id + "/runs/" + runId), stepId).get("state");
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> step(Map<String, Object> run, String stepId) {
		return ((List<Map<String, Object>>) run.get("steps")).stream()
			.filter((step) -> stepId.equals(step.get("step_id")))
			.findFirst()
			.orElseThrow();
	}

	static String create(RunningScheduler scheduler, String type, String config) {
		return (String) scheduler
			.post("/tasks",
					"""
							{"name":"%s","urls":["https://restart.example/"],"schedule_type":"%s","schedule_config":%s}"""
						.formatted(type, type, config))
			.get("task_id");
	}

	private static Map<String, Object> nextRuns(RunningScheduler scheduler) {
		List<Map<String, Object>> tasks = scheduler.getArray("/tasks");
		assertThat(tasks).hasSize(4);
		return tasks.stream()
			.collect(Collectors.toMap((task) -> (String) task.get("id"), (task) -> task.get("next_run")));
	}

}

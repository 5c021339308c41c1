package io.dispycluster.scheduler;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * More runs in progress at once than the run loop takes in one page (50): a run started
 * after them moves on all the same, instead of waiting for older ones to end.
 */
class ManyRunsIT {

	private static final int LONG_RUNS = 55;

	@TempDir
	static Path dataDir;

	private static StubController controller;

	private static RunningScheduler scheduler;

	@BeforeAll
	static void start() throws Exception {
		controller = new StubController();
		scheduler = RunningScheduler.start(dataDir, controller.url());
	}

	@AfterAll
	static void stop() {
		scheduler.close();
		controller.close();
	}

	@Test
	void followsATaskRunStartedAfterManyRunsStillFollowed() {
		for (int i = 0; i < LONG_RUNS; i++) {
			String id = task("https://forever.example/" + i);
			scheduler.post("/tasks/" + id + "/run");
		}
		await().atMost(Duration.ofSeconds(30)).until(() -> controller.batches.size() >= LONG_RUNS);
		String quick = task("https://quick.example/");
		scheduler.post("/tasks/" + quick + "/run");
		Map<String, Object> run = scheduler.awaitFinishedRun(quick);
		assertThat(run).containsEntry("status", "completed").containsEntry("pages_crawled", 3);
	}

	@Test
	void movesAWorkflowRunStartedAfterManyRunsInProgress() {
		for (int i = 0; i < LONG_RUNS; i++) {
			String id = workflow("long " + i, 86400);
			scheduler.post("/workflows/" + id + "/run");
		}
		String quick = workflow("quick", 0);
		scheduler.post("/workflows/" + quick + "/run");
		assertThat(scheduler.awaitFinishedRun(quick)).containsEntry("status", "completed");
	}

	private static String task(String url) {
		return (String) scheduler
			.post("/tasks",
					"""
							{"name":"t","urls":["%s"],"schedule_type":"cron","schedule_config":{"cron":"0 0 29 2 *"}}"""
						.formatted(url))
			.get("task_id");
	}

	private static String workflow(String name, int seconds) {
		return (String) scheduler.post("/workflows", """
				{"name":"%s","schedule_type":"cron","schedule_config":{"cron":"0 0 29 2 *"},
				 "steps":[{"step_id":"w","name":"w","action":"wait","config":{"seconds":%d}},
				          {"step_id":"after","name":"after","action":"wait","config":{"seconds":0},
				           "depends_on":["w"]}]}""".formatted(name, seconds)).get("workflow_id");
	}

}

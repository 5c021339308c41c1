package io.dispycluster.scheduler;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The persistence scenarios on the embedded H2 file database (the default).
 */
class H2PersistenceIT extends PersistenceScenarios {

	@Override
	List<String> database(Path dataDir) {
		return List.of();
	}

	@Test
	void handlesFiresMissedDuringARealDowntimeBeforeQuartzDoes() throws SQLException {
		Instant later = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
		String beyondGrace;
		String withinGrace;
		try (RunningScheduler scheduler = start()) {
			beyondGrace = create(scheduler, "once", "{\"datetime\":\"" + later + "\"}");
			withinGrace = create(scheduler, "once", "{\"datetime\":\"" + later.plusSeconds(1) + "\"}");
		}
		// The service was down while the two fires passed, on the system's own clock (the
		// one Quartz reads): as if they had been due 70 and 5 minutes ago.
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		Instant longAgo = now.minus(Duration.ofMinutes(70));
		Instant lately = now.minus(Duration.ofMinutes(5));
		try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + this.dataDir.resolve("scheduler"), "sa",
				"")) {
			moveFire(db, beyondGrace, longAgo);
			moveFire(db, withinGrace, lately);
		}

		try (RunningScheduler scheduler = start()) {
			assertThat(scheduler.awaitFinishedRun(withinGrace)).containsEntry("status", "completed")
				.containsEntry("trigger", "catch_up")
				.containsEntry("scheduled_for", lately.toString());
			assertThat(scheduler.historyOf(beyondGrace)).singleElement()
				.satisfies((run) -> assertThat(run).containsEntry("status", "skipped")
					.containsEntry("trigger", "catch_up")
					.containsEntry("scheduled_for", longAgo.toString()));
			assertThat(scheduler.getObject("/tasks/" + beyondGrace)).containsEntry("run_count", 0);
		}
	}

	@Test
	void offersABatchCutShortByAKillAgainAtOnceWithTheSameIdempotencyKey() throws Exception {
		String id;
		controller.holdSubmissions = new CountDownLatch(1);
		controller.submissionsHeld = new CountDownLatch(1);
		try (SchedulerProcess killed = SchedulerProcess.start(this.dataDir, controller.url(), List.of())) {
			try {
				id = (String) killed.post("/tasks", """
						{"name":"tué","urls":["https://killed.example/"],"schedule_type":"cron",
						 "schedule_config":{"cron":"0 0 29 2 *"}}""").get("task_id");
				killed.post("/tasks/" + id + "/run", null);
				// the controller has the batch, the scheduler waits for its answer
				assertThat(controller.submissionsHeld.await(30, TimeUnit.SECONDS)).isTrue();
				killed.kill();
			}
			finally {
				controller.holdSubmissions.countDown();
				controller.holdSubmissions = null;
			}
		}
		int offers = controller.idempotencyKeys.size();
		try (RunningScheduler scheduler = start()) {
			// well before the two-minute lease of the killed process's submission ends
			assertThat(scheduler.awaitFinishedRun(id)).containsEntry("status", "completed");
			assertThat(scheduler.context().getBean(Scheduler.class).getMetaData().isJobStoreClustered()).isFalse();
		}
		List<String> keys = controller.idempotencyKeys.subList(offers - 1, controller.idempotencyKeys.size());
		assertThat(keys).hasSize(2);
		assertThat(keys.get(1)).isEqualTo(keys.get(0)).startsWith(id + "/run_");
	}

	private static void moveFire(Connection db, String job, Instant at) throws SQLException {
		try (PreparedStatement update = db
			.prepareStatement("UPDATE QRTZ_TRIGGERS SET START_TIME = ?, NEXT_FIRE_TIME = ? WHERE JOB_NAME = ?")) {
			update.setLong(1, at.toEpochMilli());
			update.setLong(2, at.toEpochMilli());
			update.setString(3, job);
			assertThat(update.executeUpdate()).isEqualTo(1);
		}
	}

}

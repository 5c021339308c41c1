package io.dispycluster.scheduler;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.dispycluster.support.testing.PostgresTestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.quartz.Scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The persistence scenarios on PostgreSQL with the production profile (PostgreSQL
 * delegate, Quartz clustered), each test in a fresh schema, plus two scheduler instances
 * sharing one database. {@link PostgresTestServer} names the server and skips the tests
 * without one (they fail instead when {@code CI=true}).
 */
class PostgresPersistenceIT extends PersistenceScenarios {

	@RegisterExtension
	static final PostgresTestServer postgres = new PostgresTestServer("scheduler_it_");

	@Override
	List<String> database(Path dataDir) {
		return List.of("--spring.profiles.active=production", "--DISPYCLUSTER_DB_URL=" + postgres.url(),
				"--DISPYCLUSTER_SCHEDULER_DB_SCHEMA=" + postgres.schema());
	}

	/**
	 * A second instance runs as its own process from the service's jar: Quartz keeps its
	 * schedulers in JVM-wide registries, so two clustered instances (same scheduler name)
	 * need two JVMs, as in production.
	 */
	@Test
	void twoInstancesOnOneDatabaseFireEachScheduleOnce(@TempDir Path otherDataDir) throws Exception {
		try (RunningScheduler first = start();
				SchedulerProcess second = SchedulerProcess.start(otherDataDir, controller.url(),
						database(otherDataDir))) {
			assertThat(isClustered(first.context().getBean(Scheduler.class))).isTrue();
			String id = create(first, "interval", "{\"seconds\":1}");
			await().atMost(Duration.ofSeconds(30))
				.until(() -> first.historyOf(id)
					.stream()
					.filter((run) -> "completed".equals(run.get("status")))
					.count() >= 6);
			first.post("/tasks/" + id + "/disable");
			List<Map<String, Object>> runs = first.historyOf(id);
			assertThat(runs).extracting((run) -> run.get("scheduled_for")).doesNotHaveDuplicates();
			assertThat(first.getObject("/tasks/" + id).get("run_count"))
				.isEqualTo((int) runs.stream().filter((run) -> !"skipped".equals(run.get("status"))).count());
			// Either instance may fire or finish a run; both are up, clustered, on one
			// database.
			assertThat(second.log()).contains("is clustered").contains("Scheduler dispycluster-scheduler_$_");
		}
	}

	private static boolean isClustered(Scheduler quartz) {
		try {
			return quartz.getMetaData().isJobStoreClustered();
		}
		catch (org.quartz.SchedulerException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

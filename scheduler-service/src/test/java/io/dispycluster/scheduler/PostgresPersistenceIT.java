package io.dispycluster.scheduler;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartz.Scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The persistence scenarios on PostgreSQL with the production profile (PostgreSQL
 * delegate, Quartz clustered), each test in a fresh schema, plus two scheduler instances
 * sharing one database. The server is named by {@code DISPYCLUSTER_TEST_POSTGRES_URL}
 * (e.g. {@code jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres}); without it the
 * tests are skipped, except when {@code CI=true}, where they fail.
 */
class PostgresPersistenceIT extends PersistenceScenarios {

	private static final String URL_VARIABLE = "DISPYCLUSTER_TEST_POSTGRES_URL";

	private static final List<String> SCHEMAS = new ArrayList<>();

	private static String url;

	private String schema;

	@BeforeAll
	static void requirePostgres() {
		String configured = System.getenv(URL_VARIABLE);
		if (configured == null || configured.isBlank()) {
			if ("true".equalsIgnoreCase(System.getenv("CI"))) {
				Assertions.fail(URL_VARIABLE + " must name a PostgreSQL server when CI=true");
			}
			Assumptions.abort(URL_VARIABLE + " is not set: PostgreSQL tests skipped (they fail when CI=true)");
		}
		url = configured;
	}

	@BeforeEach
	void freshSchema() {
		this.schema = "scheduler_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
		SCHEMAS.add(this.schema);
	}

	@AfterAll
	static void dropSchemas() throws SQLException {
		if (url == null) {
			return;
		}
		try (Connection connection = DriverManager.getConnection(url);
				Statement statement = connection.createStatement()) {
			for (String schema : SCHEMAS) {
				statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
			}
		}
	}

	@Override
	List<String> database(Path dataDir) {
		return List.of("--spring.profiles.active=production", "--DISPYCLUSTER_DB_URL=" + url,
				"--DISPYCLUSTER_SCHEDULER_DB_SCHEMA=" + this.schema);
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

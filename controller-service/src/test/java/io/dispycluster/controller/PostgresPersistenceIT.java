package io.dispycluster.controller;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import io.dispycluster.controller.support.Api;
import io.dispycluster.controller.support.Controllers;
import io.dispycluster.controller.support.StubWorker;
import io.dispycluster.controller.support.StubWorker.Assignment;
import io.dispycluster.controller.support.StubWorker.Mode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The persistence scenarios on PostgreSQL with the production profile, each test in a
 * fresh schema, plus two controllers sharing one database. The server is named by
 * {@code DISPYCLUSTER_TEST_POSTGRES_URL} (e.g.
 * {@code jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres}); without it the tests
 * are skipped, except when {@code CI=true}, where they fail: CI never skips them
 * silently.
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
		this.schema = "controller_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
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
	Map<String, String> database() {
		Map<String, String> properties = new HashMap<>();
		properties.put("spring.profiles.active", "production");
		properties.put("DISPYCLUSTER_DB_URL", url);
		properties.put("DISPYCLUSTER_CONTROLLER_DB_SCHEMA", this.schema);
		properties.put("dispycluster.data-dir", this.dataDir.toString());
		properties.put("dispycluster.security.internal-token", token());
		return properties;
	}

	/** Production requires the internal token: the scenarios run with one. */
	@Override
	String token() {
		return "postgres-it-internal-token";
	}

	@Test
	void productionRefusesCallsWithoutTheInternalToken() {
		int port = Controllers.freePort();
		start(port);
		assertThat(new Api("http://127.0.0.1:" + port).post("/scrape", "{\"start_url\":\"http://s.test/\"}").status())
			.isEqualTo(401);
		assertThat(new Api("http://127.0.0.1:" + port).get("/health").status()).isEqualTo(200);
		assertThat(api(port).get("/jobs").status()).isEqualTo(200);
	}

	@Test
	void twoControllersOnOneDatabaseRunEveryJobExactlyOnce() {
		int portA = Controllers.freePort();
		start(portA);
		int portB = Controllers.freePort();
		start(portB);
		Api a = api(portA);
		Api b = api(portB);
		StubWorker first = worker("pg-first", a, Mode.COMPLETE).delay(Duration.ofMillis(5)).register();
		StubWorker second = worker("pg-second", b, Mode.COMPLETE).delay(Duration.ofMillis(5)).register();

		List<String> ids = new ArrayList<>();
		for (int batch = 0; batch < 4; batch++) {
			Api api = (batch % 2 == 0) ? a : b;
			int offset = batch * 50;
			ids.addAll(api.submitBatch("{\"urls\":[" + String.join(",",
					IntStream.range(offset, offset + 50).mapToObj((i) -> "\"http://site.test/" + i + "/\"").toList())
					+ "]}"));
		}
		assertThat(ids).hasSize(200).doesNotHaveDuplicates();
		await().atMost(Duration.ofSeconds(90))
			.untilAsserted(() -> assertThat(a.get("/cluster").json().get("completed_jobs").intValue()).isEqualTo(200));

		List<Assignment> assignments = new ArrayList<>(first.received());
		assignments.addAll(second.received());
		assertThat(assignments).extracting(Assignment::jobId).doesNotHaveDuplicates().hasSize(200);
		await().untilAsserted(() -> assertThat(ids).allSatisfy(
				(id) -> assertThat(first.acceptedCompletions(id) + second.acceptedCompletions(id)).isEqualTo(1)));
		assertThat(first.received()).isNotEmpty();
		assertThat(second.received()).isNotEmpty();
		assertThat(b.get("/cluster").json().get("completed_jobs").intValue()).isEqualTo(200);
		assertThat(first.callsWithoutToken()).isEmpty();
		assertThat(second.callsWithoutToken()).isEmpty();
	}

	@Test
	void createsItsOwnSchemaWithTheMigrations() throws SQLException {
		start(Controllers.freePort());
		try (Connection connection = DriverManager.getConnection(url);
				Statement statement = connection.createStatement();
				var tables = statement.executeQuery("SELECT table_name FROM information_schema.tables WHERE "
						+ "table_schema = '" + this.schema.toLowerCase(Locale.ROOT) + "'")) {
			List<String> names = new ArrayList<>();
			while (tables.next()) {
				names.add(tables.getString(1));
			}
			assertThat(names).contains("job", "job_event", "job_result", "worker", "dispatch_lock", "idempotency_key",
					"flyway_schema_history");
		}
	}

}

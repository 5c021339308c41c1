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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import io.dispycluster.controller.support.Api;
import io.dispycluster.controller.support.Controllers;
import io.dispycluster.controller.support.StubWorker;
import io.dispycluster.controller.support.StubWorker.Assignment;
import io.dispycluster.controller.support.StubWorker.Mode;
import io.dispycluster.controller.support.TcpForwarder;
import io.dispycluster.support.testing.PostgresTestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The persistence scenarios on PostgreSQL with the production profile, each test in a
 * fresh schema, plus two controllers sharing one database. {@link PostgresTestServer}
 * names the server and skips the tests without one (they fail instead when
 * {@code CI=true}: CI never skips them silently).
 */
class PostgresPersistenceIT extends PersistenceScenarios {

	@RegisterExtension
	static final PostgresTestServer postgres = new PostgresTestServer("controller_it_");

	@Override
	Map<String, String> database() {
		Map<String, String> properties = new HashMap<>();
		properties.put("spring.profiles.active", "production");
		properties.put("DISPYCLUSTER_DB_URL", postgres.url());
		properties.put("DISPYCLUSTER_CONTROLLER_DB_SCHEMA", postgres.schema());
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
	void aDatabaseThatGoesAwayIsA503ToRetryWellWithinTheGatewaysTimeoutAndLosesNothing() throws Exception {
		Matcher server = Pattern.compile("//([^/:]+):(\\d+)/").matcher(postgres.url());
		assertThat(server.find()).isTrue();
		try (TcpForwarder network = TcpForwarder.to(server.group(1), Integer.parseInt(server.group(2)))) {
			Map<String, String> properties = new HashMap<>(database());
			properties.put("DISPYCLUSTER_DB_URL",
					postgres.url().replace(server.group(0), "//127.0.0.1:" + network.port() + "/"));
			int port = Controllers.freePort();
			start(port, properties);
			Api api = api(port);
			String id = api.submit("{\"start_url\":\"http://outage.test/\"}");

			network.cut();
			// past the half second in which Hikari lends a connection used a moment ago
			// unchecked: the pool finds its connections dead and waits for a new one
			Thread.sleep(1000);
			long start = System.nanoTime();
			Api.Response answer = api.get("/jobs?limit=5");
			Duration waited = Duration.ofNanos(System.nanoTime() - start);

			assertThat(answer.status()).isEqualTo(503);
			assertThat(answer.contentType()).isEqualTo("application/problem+json");
			assertThat(answer.json().path("type").asString()).isEqualTo("urn:dispycluster:problem:storage-unavailable");
			// the pool gives up after its 5 s, not Hikari's default 30 s, which the
			// gateway's 30 s route timeout would have turned into a 504
			assertThat(waited).isLessThan(Duration.ofSeconds(25));

			network.restore();
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(api.get("/jobs/" + id).status()).isEqualTo(200));
			assertThat(api.job(id).path("start_url").asString()).isEqualTo("http://outage.test/");
		}
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
		try (Connection connection = DriverManager.getConnection(postgres.url());
				Statement statement = connection.createStatement();
				var tables = statement.executeQuery("SELECT table_name FROM information_schema.tables WHERE "
						+ "table_schema = '" + postgres.schema().toLowerCase(Locale.ROOT) + "'")) {
			List<String> names = new ArrayList<>();
			while (tables.next()) {
				names.add(tables.getString(1));
			}
			assertThat(names).contains("job", "job_event", "job_result", "worker", "dispatch_lock", "idempotency_key",
					"flyway_schema_history");
		}
	}

}

package io.dispycluster.monitoring;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.dispycluster.monitoring.collect.Rounds;
import io.dispycluster.monitoring.support.MutableClock;
import io.dispycluster.monitoring.support.StubServer;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A condition waiting for its rule's duration when the service stops goes on waiting
 * after the restart from when it started to hold, not from zero: the service really stops
 * and starts again on the same database (an H2 file, or a fresh PostgreSQL schema in the
 * suite's PostgreSQL run), on a clock only the test moves.
 */
class AlertRestartIT {

	private static final String TOKEN = "alert-restart-it-internal-token";

	private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-03-01T08:00:00Z"));

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@TempDir
	Path dataDir;

	private @Nullable MonitoringSuiteDatabase database;

	private StubServer controller;

	private StubServer worker;

	private @Nullable ConfigurableApplicationContext app;

	@BeforeEach
	void stubs() {
		if (MonitoringSuiteDatabase.isPostgres()) {
			this.database = MonitoringSuiteDatabase.fresh("monitoring_restart_it_");
		}
		this.controller = StubServer.start();
		this.worker = StubServer.start();
		this.controller.json("/workers", """
				[{"node":"w-hot","status":"online","url":"%s","active_jobs":0,"capacity":2}]"""
			.formatted(this.worker.url()));
		this.controller.json("/cluster", """
				{"total_workers":1,"online_workers":1,"total_jobs":0,"pending_jobs":0,"running_jobs":0,
				 "completed_jobs":0,"failed_jobs":0,"cancelled_jobs":0,"average_job_duration":null}""");
		this.controller.json("/jobs", "[]");
		cpu(95);
	}

	@AfterEach
	void stop() {
		if (this.app != null) {
			this.app.close();
		}
		this.controller.close();
		this.worker.close();
		if (this.database != null) {
			this.database.drop();
		}
	}

	@Test
	void resumesTheWaitOfAPendingConditionAfterARestart() {
		start();
		roundAfter(Duration.ofSeconds(1));
		Instant since = CLOCK.instant();
		roundAfter(Duration.ofSeconds(90));
		assertThat(cpuAlert()).isNull();

		restart();
		roundAfter(Duration.ofSeconds(15));
		assertThat(cpuAlert()).isNull();
		roundAfter(Duration.ofSeconds(15));

		// 2 minutes after it started to hold, across the restart
		JsonNode alert = cpuAlert();
		assertThat(alert).isNotNull();
		assertThat(alert.get("since").asString()).isEqualTo(since.toString());
		assertThat(alert.get("fired_at").asString()).isEqualTo(since.plus(Duration.ofMinutes(2)).toString());
		assertThat(pendingRows()).isZero();
	}

	@Test
	void firesAtTheFirstRoundAfterARestartWhenTheConditionHeldLongerThanItsDuration() {
		start();
		roundAfter(Duration.ofSeconds(1));
		Instant since = CLOCK.instant();
		roundAfter(Duration.ofSeconds(60));

		this.app.close();
		CLOCK.advance(Duration.ofMinutes(5));
		start();
		round();

		JsonNode alert = cpuAlert();
		assertThat(alert).isNotNull();
		assertThat(alert.get("since").asString()).isEqualTo(since.toString());
		assertThat(alert.get("fired_at").asString()).isEqualTo(CLOCK.instant().toString());
	}

	@Test
	void forgetsAPendingConditionThatClearedSoTheNextOneWaitsItsWholeDuration() {
		start();
		roundAfter(Duration.ofSeconds(1));
		roundAfter(Duration.ofSeconds(90));
		assertThat(pendingRows()).isEqualTo(1);
		cpu(20);
		roundAfter(Duration.ofSeconds(15));
		assertThat(pendingRows()).isZero();
		cpu(95);

		restart();
		roundAfter(Duration.ofSeconds(15));
		Instant since = CLOCK.instant();
		roundAfter(Duration.ofSeconds(105));
		assertThat(cpuAlert()).isNull();
		roundAfter(Duration.ofSeconds(15));

		assertThat(cpuAlert().get("since").asString()).isEqualTo(since.toString());
	}

	@Test
	void keepsANodeDownAlertFiredAtTheSecondRefusalAcrossARestart() {
		start();
		roundAfter(Duration.ofSeconds(1));
		this.worker.respond("/health", 503, "application/json", "{\"status\":\"stopping\"}");
		roundAfter(Duration.ofSeconds(15));
		roundAfter(Duration.ofSeconds(15));
		JsonNode fired = activeAlert("node_down");
		assertThat(fired).isNotNull();

		// its latest sample is still fresh (35 s), and this run has seen one refusal only
		restart();
		roundAfter(Duration.ofSeconds(5));
		assertThat(activeAlert("node_down")).isNotNull();
		roundAfter(Duration.ofSeconds(15));

		assertThat(activeAlert("node_down").get("id")).isEqualTo(fired.get("id"));
		assertThat(history()).filteredOn((alert) -> alert.get("rule").asString().equals("node_down")).hasSize(1);
	}

	private void cpu(double percent) {
		this.worker.json("/health", """
				{"status":"ok","node":"w-hot","capacity":2,"active_jobs":0,"system":{"cpu_percent":%s}}"""
			.formatted(percent));
	}

	private void restart() {
		this.app.close();
		start();
	}

	private void start() {
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--dispycluster.data-dir=" + this.dataDir,
				"--DISPYCLUSTER_CONFIG=" + this.dataDir.resolve("missing.yml"),
				"--dispycluster.monitoring.collection.enabled=false",
				"--dispycluster.services.controller=" + this.controller.url()));
		// the PostgreSQL run sets the token with the production profile
		args.addAll((this.database != null) ? this.database.arguments(TOKEN)
				: List.of("--dispycluster.security.internal-token=" + TOKEN));
		this.app = new SpringApplicationBuilder(MonitoringApplication.class, TestClock.class)
			.run(args.toArray(String[]::new));
	}

	private void roundAfter(Duration duration) {
		CLOCK.advance(duration);
		round();
	}

	private void round() {
		Rounds.run(this.app);
	}

	private @Nullable JsonNode cpuAlert() {
		return activeAlert("cpu");
	}

	private @Nullable JsonNode activeAlert(String rule) {
		for (JsonNode alert : get("/alerts").get("active_alerts")) {
			if (alert.get("rule").asString().equals(rule)) {
				return alert;
			}
		}
		return null;
	}

	private List<JsonNode> history() {
		List<JsonNode> alerts = new ArrayList<>();
		get("/alerts/history").forEach(alerts::add);
		return alerts;
	}

	private JsonNode get(String path) {
		String port = this.app.getEnvironment().getProperty("local.server.port");
		String body = RestTestClient.bindToServer()
			.baseUrl("http://localhost:" + port)
			.defaultHeader("X-Internal-Token", TOKEN)
			.build()
			.get()
			.uri(path)
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(String.class)
			.getResponseBody();
		return JSON.readTree(body);
	}

	private long pendingRows() {
		return JdbcClient.create(this.app.getBean(DataSource.class))
			.sql("SELECT COUNT(*) FROM alert_pending")
			.query(Long.class)
			.single();
	}

	@Configuration(proxyBeanMethods = false)
	static class TestClock {

		@Bean
		@Primary
		Clock testClock() {
			return CLOCK;
		}

	}

}

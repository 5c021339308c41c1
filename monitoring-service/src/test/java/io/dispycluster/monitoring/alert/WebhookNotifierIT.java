package io.dispycluster.monitoring.alert;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import io.dispycluster.monitoring.support.StubServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Webhook notifications wait in the database until their webhook takes them: across a
 * restart of the service, through a webhook outage, in the order they were made.
 */
class WebhookNotifierIT {

	private static final Instant T0 = Instant.parse("2026-12-05T10:00:00Z");

	private final JsonMapper json = JsonMapper.builder()
		.propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
		.build();

	private StubServer webhook;

	private WebhookOutbox outbox;

	private SimpleMeterRegistry meters;

	@BeforeEach
	void database() {
		DataSource dataSource = new DriverManagerDataSource(
				"jdbc:h2:mem:outbox-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
		Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
		this.outbox = new WebhookOutbox(JdbcClient.create(dataSource));
		this.webhook = StubServer.start();
		this.meters = new SimpleMeterRegistry();
	}

	@AfterEach
	void close() {
		this.webhook.close();
	}

	@Test
	void aNotificationWaitingWhenTheServiceStopsIsSentAfterItsRestart() throws Exception {
		this.webhook.respond("/hook", 503, "text/plain", "down");
		WebhookNotifier before = notifier(50);
		before.fired(alert("a1"));
		await().atMost(Duration.ofSeconds(5)).until(() -> !this.webhook.requests().isEmpty());
		before.stop();
		assertThat(this.outbox.count()).isEqualTo(1);

		this.webhook.respond("/hook", 200, "text/plain", "ok");
		int callsBefore = this.webhook.requests().size();
		WebhookNotifier after = notifier(50);
		try {
			await().atMost(Duration.ofSeconds(5)).until(() -> this.outbox.count() == 0);
			List<StubServer.Request> calls = this.webhook.requests()
				.subList(callsBefore, this.webhook.requests().size());
			assertThat(calls).hasSize(1);
			assertThat(calls.get(0).body()).contains("\"id\":\"a1\"", "\"status\":\"firing\"");
			assertThat(calls.get(0).contentLength()).isNotNull();
		}
		finally {
			after.stop();
		}
	}

	@Test
	void aWebhookGetsItsNotificationsInTheOrderTheyWereMadeThroughAnOutage() throws Exception {
		AtomicInteger calls = new AtomicInteger();
		this.webhook.handle("/hook",
				(request) -> (calls.incrementAndGet() <= 3) ? new StubServer.Response(503, "text/plain", "down")
						: new StubServer.Response(200, "text/plain", "ok"));
		WebhookNotifier notifier = notifier(50);
		try {
			Alert alert = alert("a2");
			notifier.fired(alert);
			notifier.resolved(alert.resolved(T0.plusSeconds(60)));

			await().atMost(Duration.ofSeconds(5)).until(() -> this.outbox.count() == 0);
			List<String> delivered = this.webhook.requests()
				.stream()
				.skip(3)
				.map((request) -> this.json.readTree(request.body()).get("status").asString())
				.toList();
			assertThat(delivered).containsExactly("firing", "resolved");
			assertThat(this.meters.get("dispycluster.alert.notifications").tag("outcome", "sent").counter().count())
				.isEqualTo(2);
		}
		finally {
			notifier.stop();
		}
	}

	@Test
	void givesUpOnANotificationAfterItsAttempts() throws Exception {
		this.webhook.respond("/hook", 500, "text/plain", "broken");
		WebhookNotifier notifier = notifier(3);
		try {
			notifier.fired(alert("a3"));

			await().atMost(Duration.ofSeconds(5)).until(() -> this.outbox.count() == 0);
			assertThat(this.webhook.requests()).hasSize(3);
			assertThat(this.meters.get("dispycluster.alert.notifications").tag("outcome", "failed").counter().count())
				.isEqualTo(1);
		}
		finally {
			notifier.stop();
		}
	}

	@Test
	void waitsTwiceAsLongAfterEachFailedCallUpToItsLongestWait() {
		WebhookNotifier notifier = new WebhookNotifier(RestClient.builder(),
				properties(10, Duration.ofSeconds(2), Duration.ofSeconds(20)), new AlertMetrics(this.meters),
				this.outbox, this.json);
		assertThat(List.of(1, 2, 3, 4, 5, 6, 40).stream().map(notifier::backoff).map(Duration::toSeconds))
			.containsExactly(2L, 4L, 8L, 16L, 20L, 20L, 20L);
	}

	private WebhookNotifier notifier(int attempts) {
		WebhookNotifier notifier = new WebhookNotifier(RestClient.builder(),
				properties(attempts, Duration.ofMillis(10), Duration.ofMillis(40)), new AlertMetrics(this.meters),
				this.outbox, this.json);
		notifier.start();
		return notifier;
	}

	private AlertProperties properties(int attempts, Duration backoff, Duration maxBackoff) {
		return new AlertProperties(new AlertProperties.Rules(null, null, null, null, null, null, null, null),
				new AlertProperties.Notifications(
						List.of(new AlertProperties.Webhook(URI.create(this.webhook.url() + "/hook"), null)), attempts,
						backoff, maxBackoff, Duration.ofSeconds(2), 100));
	}

	private static Alert alert(String id) {
		return Alert.firing(id, AlertRule.CPU, "node-a", Severity.WARNING, 95.0, 90, "CPU élevé sur node-a", T0, T0);
	}

}

package io.dispycluster.monitoring.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import io.dispycluster.monitoring.alert.Observation.Key;
import io.dispycluster.monitoring.support.StubServer;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * The alert engine on a real database. Firing and resolving write several rows (the
 * pending condition, the alert, its notification): a failure between those writes, as a
 * crash would cause, leaves them all as they were, so that the next round fires or
 * resolves again, nothing lost, nothing doubled (a store fails on demand). An active
 * alert has its rule's severity, also when the rule's was changed since it fired.
 */
class AlertEngineTests {

	private static final Instant T0 = Instant.parse("2026-12-05T10:00:00Z");

	private static final Key CPU_KEY = new Key(AlertRule.CPU, "pi-1");

	private final StubServer webhook = StubServer.start();

	private final Conditions conditions = mock(Conditions.class);

	private DataSource dataSource;

	private FailingAlertStore store;

	private FailingOutbox outbox;

	private PendingStore pending;

	private WebhookNotifier notifier;

	@BeforeEach
	void database() {
		this.dataSource = new DriverManagerDataSource(
				"jdbc:h2:mem:alert-tx-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
		Flyway.configure().dataSource(this.dataSource).locations("classpath:db/migration").load().migrate();
		JdbcClient jdbc = JdbcClient.create(this.dataSource);
		this.store = new FailingAlertStore(jdbc);
		this.outbox = new FailingOutbox(jdbc);
		this.pending = new PendingStore(jdbc);
		this.webhook.json("/hook", "{}");
		given(this.conditions.threshold(any())).willReturn(90.0);
	}

	@AfterEach
	void stop() throws InterruptedException {
		if (this.notifier != null) {
			this.notifier.stop();
		}
		this.webhook.close();
	}

	@Test
	void anAlertThatCouldNotBeStoredLeavesItsConditionPendingSinceItStarted() {
		AlertEngine engine = engine(Map.of());
		cpu(95);
		engine.evaluate(T0);
		this.store.failing = true;

		assertThatThrownBy(() -> engine.evaluate(T0.plus(Duration.ofMinutes(2))))
			.isInstanceOf(IllegalStateException.class);

		assertThat(this.pending.load()).containsEntry(CPU_KEY, T0);
		assertThat(this.outbox.count()).isZero();
		this.store.failing = false;
		engine.evaluate(T0.plus(Duration.ofMinutes(2)).plusSeconds(15));
		assertThat(this.store.active()).singleElement().satisfies((alert) -> {
			assertThat(alert.since()).isEqualTo(T0);
			assertThat(alert.firedAt()).isEqualTo(T0.plus(Duration.ofMinutes(2)).plusSeconds(15));
		});
		assertThat(this.pending.load()).isEmpty();
		assertThat(this.outbox.count()).isEqualTo(1);
	}

	@Test
	void anAlertWhoseNotificationCouldNotBeWrittenIsNotFiredWithoutIt() {
		AlertEngine engine = engine(Map.of());
		cpu(95);
		engine.evaluate(T0);
		this.outbox.failing = true;

		assertThatThrownBy(() -> engine.evaluate(T0.plus(Duration.ofMinutes(2))))
			.isInstanceOf(IllegalStateException.class);

		assertThat(this.store.active()).isEmpty();
		assertThat(this.pending.load()).containsEntry(CPU_KEY, T0);
		this.outbox.failing = false;
		engine.evaluate(T0.plus(Duration.ofMinutes(3)));
		assertThat(this.store.active()).hasSize(1);
		assertThat(this.outbox.count()).isEqualTo(1);
	}

	@Test
	void anAlertWhoseResolvedNotificationCouldNotBeWrittenStaysActive() {
		AlertEngine engine = engine(Map.of());
		cpu(95);
		engine.evaluate(T0);
		engine.evaluate(T0.plus(Duration.ofMinutes(2)));
		cpu(20);
		this.outbox.failing = true;

		assertThatThrownBy(() -> engine.evaluate(T0.plus(Duration.ofMinutes(3))))
			.isInstanceOf(IllegalStateException.class);

		assertThat(this.store.active()).hasSize(1);
		this.outbox.failing = false;
		engine.evaluate(T0.plus(Duration.ofMinutes(4)));
		assertThat(this.store.active()).isEmpty();
		assertThat(this.outbox.count()).isEqualTo(2);
	}

	@Test
	void sendsANotificationWrittenInATransactionOnceItIsCommitted() {
		engine(Map.of());
		this.notifier.start();
		Alert alert = Alert.firing("alert_tx", AlertRule.CPU, "pi-1", Severity.WARNING, 95.0, 90, "pi-1: CPU", T0, T0);

		new TransactionTemplate(new DataSourceTransactionManager(this.dataSource)).executeWithoutResult((status) -> {
			this.notifier.fired(alert);
			// a sender woken now would find nothing yet, and sleep until the next one
			sleep(300);
		});

		await().atMost(Duration.ofSeconds(5)).until(() -> this.webhook.requests().size() == 1);
	}

	@Test
	void anActiveAlertTakesTheSeverityItsRuleWasGivenSinceItFired() {
		AlertEngine before = engine(Map.of());
		cpu(95);
		before.evaluate(T0);
		before.evaluate(T0.plus(Duration.ofMinutes(2)));
		assertThat(this.store.active()).singleElement()
			.satisfies((alert) -> assertThat(alert.severity()).isEqualTo(Severity.WARNING));

		AlertEngine after = engine(Map.of("dispycluster.monitoring.alerts.rules.cpu.severity", "critical"));

		assertThat(after.active()).singleElement()
			.satisfies((alert) -> assertThat(alert.severity()).isEqualTo(Severity.CRITICAL));
		after.evaluate(T0.plus(Duration.ofMinutes(3)));
		assertThat(this.store.active()).singleElement()
			.satisfies((alert) -> assertThat(alert.severity()).isEqualTo(Severity.CRITICAL));
	}

	private void cpu(double percent) {
		given(this.conditions.observe(any())).willReturn(List.of(new Observation(AlertRule.CPU, "pi-1", percent > 90,
				percent, "pi-1: CPU usage élevé (" + percent + "%)")));
	}

	private static void sleep(long ms) {
		try {
			Thread.sleep(ms);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private AlertEngine engine(Map<String, String> settings) {
		Map<String, String> all = new HashMap<>(settings);
		all.put("dispycluster.monitoring.alerts.notifications.webhooks[0].url", this.webhook.url() + "/hook");
		AlertProperties properties = new Binder(new MapConfigurationPropertySource(all))
			.bindOrCreate("dispycluster.monitoring.alerts", AlertProperties.class);
		AlertMetrics metrics = new AlertMetrics(new SimpleMeterRegistry());
		if (this.notifier == null) {
			this.notifier = new WebhookNotifier(RestClient.builder(), properties, metrics, this.outbox,
					JsonMapper.builder().build());
		}
		return new AlertEngine(properties, this.conditions, this.store, this.notifier, metrics, this.pending,
				new TransactionTemplate(new DataSourceTransactionManager(this.dataSource)));
	}

	/** An alert store whose inserts fail on demand. */
	static final class FailingAlertStore extends AlertStore {

		volatile boolean failing;

		FailingAlertStore(JdbcClient jdbc) {
			super(jdbc);
		}

		@Override
		void add(Alert alert) {
			if (this.failing) {
				throw new IllegalStateException("alert insert failed");
			}
			super.add(alert);
		}

	}

	/** A webhook outbox whose inserts fail on demand. */
	static final class FailingOutbox extends WebhookOutbox {

		volatile boolean failing;

		FailingOutbox(JdbcClient jdbc) {
			super(jdbc);
		}

		@Override
		void add(String webhookUrl, String alertId, String alertStatus, String body, long dueMs) {
			if (this.failing) {
				throw new IllegalStateException("outbox insert failed");
			}
			super.add(webhookUrl, alertId, alertStatus, body, dueMs);
		}

	}

}

package io.dispycluster.monitoring.alert;

import java.time.Instant;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

class AlertStoreTests {

	private static final Instant FIRED = Instant.parse("2026-12-05T10:00:00Z");

	private JdbcClient jdbc;

	private AlertStore store;

	@BeforeEach
	void database() {
		DataSource dataSource = new DriverManagerDataSource(
				"jdbc:h2:mem:alert-store-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
		Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
		this.jdbc = JdbcClient.create(dataSource);
		this.store = new AlertStore(this.jdbc);
	}

	@Test
	void leavesOutTheAlertsOfARuleThisVersionDoesNotHave() {
		this.store.add(new Alert("alert_cpu", AlertRule.CPU, "pi-1", Severity.WARNING, 95.0, 90.0, "CPU à 95 %", FIRED,
				FIRED, null, "firing"));
		this.jdbc
			.sql("INSERT INTO alert (id, rule, node, severity, alert_value, threshold, message, since_ms, fired_ms, "
					+ "resolved_ms) VALUES ('alert_old', 'RETIRED_RULE', 'pi-2', 'WARNING', 1.0, 0.5, 'old', "
					+ ":at, :at, NULL)")
			.param("at", FIRED.plusSeconds(60).toEpochMilli())
			.update();

		assertThat(this.store.active()).extracting(Alert::id).containsExactly("alert_cpu");
		assertThat(this.store.history(FIRED.minusSeconds(3600), 10)).extracting(Alert::id).containsExactly("alert_cpu");
	}

}

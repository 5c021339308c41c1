package io.dispycluster.monitoring.jobs;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

class QueueSamplesTests {

	private static final Instant FROM = Instant.parse("2026-12-05T10:00:00Z");

	private static final Instant TO = FROM.plus(Duration.ofMinutes(15));

	private QueueSamples queue;

	@BeforeEach
	void database() {
		DataSource dataSource = new DriverManagerDataSource(
				"jdbc:h2:mem:queue-samples-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
		Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
		this.queue = new QueueSamples(JdbcClient.create(dataSource));
	}

	@Test
	void theOldestUnfinishedJobOfAWindowCountsTheReadingLastBeforeItButNoEarlierOne() {
		reading(FROM.minus(Duration.ofHours(2)), FROM.minus(Duration.ofDays(3)));
		reading(FROM.minusSeconds(15), FROM.minus(Duration.ofHours(5)));
		reading(FROM.plusSeconds(60), FROM.minus(Duration.ofMinutes(30)));
		reading(TO.plusSeconds(15), FROM.minus(Duration.ofDays(6)));

		assertThat(this.queue.oldestUnfinishedBetween(FROM, TO)).contains(FROM.minus(Duration.ofHours(5)));
	}

	@Test
	void theOldestUnfinishedJobOfAWindowReadsOnlyTheWindowWhenNoReadingIsBeforeIt() {
		reading(FROM.plusSeconds(60), null);
		reading(FROM.plusSeconds(75), FROM.minus(Duration.ofMinutes(30)));

		assertThat(this.queue.oldestUnfinishedBetween(FROM, TO)).contains(FROM.minus(Duration.ofMinutes(30)));
		assertThat(this.queue.oldestUnfinishedBetween(FROM.minusSeconds(60), FROM.minusSeconds(30))).isEmpty();
	}

	private void reading(Instant at, Instant oldestUnfinished) {
		this.queue.add(at, new QueueFigures(1, 0), oldestUnfinished);
	}

}

package io.dispycluster.controller.job;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import javax.sql.DataSource;

import io.dispycluster.controller.job.IdempotencyStore.StoredAnswer;
import io.dispycluster.controller.support.MigratedH2;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import static io.dispycluster.controller.job.JobFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Retention deletes finished jobs and idempotency keys older than the retention, and
 * nothing else.
 */
class JobRetentionTests {

	private JobStore jobs;

	private IdempotencyStore keys;

	@BeforeEach
	void migrate() {
		DataSource dataSource = MigratedH2.create("retention");
		NamedParameterJdbcTemplate jdbc = new NamedParameterJdbcTemplate(dataSource);
		this.jobs = new JobStore(jdbc);
		this.keys = new IdempotencyStore(jdbc);
	}

	@Test
	void deletesFinishedJobsAndKeysOlderThanTheRetention() {
		Job oldDone = JobFixtures.aQueuedJob();
		Job recentDone = JobFixtures.aQueuedJob();
		Job oldPending = JobFixtures.aQueuedJob();
		this.jobs.insert(List.of(oldDone, recentDone, oldPending));
		finish(oldDone, 0);
		finish(recentDone, 29);
		this.keys.insert("old", new StoredAnswer("f", "{}"), T0);
		this.keys.insert("recent", new StoredAnswer("f", "{}"), T0.plus(Duration.ofDays(29)));

		JobProperties properties = new JobProperties(Duration.ofHours(1), 50, Duration.ofMinutes(5),
				Duration.ofDays(30), Duration.ofHours(1));
		Clock clock = Clock.fixed(T0.plus(Duration.ofDays(30)).plusSeconds(1), ZoneOffset.UTC);
		int deleted = new JobRetention(this.jobs, this.keys, properties, clock).deleteExpired();

		assertThat(deleted).isEqualTo(1);
		assertThat(this.jobs.find(oldDone.id())).isEmpty();
		assertThat(this.jobs.find(recentDone.id())).isPresent();
		assertThat(this.jobs.find(oldPending.id())).isPresent();
		assertThat(this.keys.find("old")).isEmpty();
		assertThat(this.keys.find("recent")).isPresent();
	}

	private void finish(Job job, int day) {
		Job loaded = this.jobs.find(job.id()).orElseThrow();
		loaded.cancel(T0.plus(Duration.ofDays(day)));
		this.jobs.update(loaded);
	}

}

package io.dispycluster.controller.job;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Deletes finished jobs (with their history and result) and old idempotency keys once
 * they are older than the retention, so the store never grows without bound. Queued and
 * running jobs are never deleted.
 */
@Component
class JobRetention implements SchedulingConfigurer {

	private static final Logger LOG = LoggerFactory.getLogger(JobRetention.class);

	private final JobStore jobs;

	private final IdempotencyStore idempotency;

	private final JobProperties properties;

	private final Clock clock;

	JobRetention(JobStore jobs, IdempotencyStore idempotency, JobProperties properties, Clock clock) {
		this.jobs = jobs;
		this.idempotency = idempotency;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(this::deleteExpired, this.properties.retentionCheckInterval());
	}

	/**
	 * Deletes what is older than the retention.
	 * @return the number of jobs deleted
	 */
	int deleteExpired() {
		Instant cutoff = this.clock.instant().minus(this.properties.retention());
		int deleted = this.jobs.deleteFinishedBefore(cutoff);
		int keys = this.idempotency.deleteOlderThan(cutoff);
		if (deleted > 0 || keys > 0) {
			LOG.info("Retention deleted {} finished jobs and {} idempotency keys older than {}", deleted, keys, cutoff);
		}
		return deleted;
	}

}

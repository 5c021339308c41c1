package io.dispycluster.controller.dispatch;

import java.time.Clock;
import java.time.Duration;

import io.dispycluster.controller.dispatch.DispatchMetrics.LossReason;
import io.dispycluster.controller.job.IllegalJobTransitionException;
import io.dispycluster.controller.job.Job;
import io.dispycluster.controller.job.JobId;
import io.dispycluster.controller.job.JobNotFoundException;
import io.dispycluster.controller.job.JobQueue;
import io.dispycluster.controller.job.JobState;
import io.dispycluster.controller.job.StaleAttemptException;
import io.dispycluster.support.requestid.RequestIdScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * What happens when an attempt is lost: the job goes back to the queue with a growing
 * backoff, or fails once it lost {@code max-attempts} attempts. An attempt that is no
 * longer current (already finished, requeued or cancelled) is left alone. The line logged
 * about it carries the job's request id.
 */
@Component
class Failover {

	private static final Logger LOG = LoggerFactory.getLogger(Failover.class);

	private final JobQueue jobs;

	private final DispatchProperties properties;

	private final DispatchMetrics metrics;

	private final Clock clock;

	Failover(JobQueue jobs, DispatchProperties properties, DispatchMetrics metrics, Clock clock) {
		this.jobs = jobs;
		this.properties = properties;
		this.metrics = metrics;
		this.clock = clock;
	}

	/**
	 * Requeues (or fails) a job whose attempt was lost.
	 * @param id the job
	 * @param attempt the lost attempt
	 * @param why the kind of loss
	 * @param reason the details
	 * @return whether the job was changed
	 */
	boolean attemptLost(JobId id, int attempt, LossReason why, String reason) {
		try {
			Job job = this.jobs.modify(id, (j) -> {
				Duration backoff = this.properties.backoffAfter(j.lostAttempts() + 1);
				j.requeue(attempt, reason, this.clock.instant(), backoff, this.properties.maxAttempts());
			});
			this.metrics.requeued(why);
			try (RequestIdScope scope = RequestIdScope.of(job.requestId())) {
				if (job.state() == JobState.FAILED) {
					this.metrics.exhausted();
					LOG.info("Job failed: job={} attempts={} reason={}", id, job.attempt(), job.error());
				}
				else {
					LOG.info("Job requeued: job={} attempt={} reason={} next={}", id, attempt, reason, job.notBefore());
				}
			}
			return true;
		}
		catch (StaleAttemptException | IllegalJobTransitionException | JobNotFoundException ex) {
			LOG.debug("Lost attempt already handled: job={} attempt={}", id, attempt);
			return false;
		}
	}

}

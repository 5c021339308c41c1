package io.dispycluster.controller.dispatch;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

import io.dispycluster.controller.dispatch.DispatchMetrics.LossReason;
import io.dispycluster.controller.job.Job;
import io.dispycluster.controller.job.JobId;
import io.dispycluster.controller.job.JobQueue;
import io.dispycluster.controller.job.JobState;
import io.dispycluster.controller.job.ResultDocument;
import io.dispycluster.controller.job.StaleAttemptException;
import io.dispycluster.support.problem.InvalidRequestException;
import io.dispycluster.controller.worker.WorkerRegistry;
import io.dispycluster.model.job.AttemptProgress;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * Takes the workers' progress and final reports. Each must name the job's current attempt
 * (and the worker it was given to); anything else is refused with a
 * {@link StaleAttemptException}, so a job never completes twice.
 */
@Service
class AttemptReports {

	private static final Logger LOG = LoggerFactory.getLogger(AttemptReports.class);

	private final JobQueue jobs;

	private final WorkerRegistry workers;

	private final Dispatcher dispatcher;

	private final DispatchProperties properties;

	private final DispatchMetrics metrics;

	private final Clock clock;

	AttemptReports(JobQueue jobs, WorkerRegistry workers, Dispatcher dispatcher, DispatchProperties properties,
			DispatchMetrics metrics, Clock clock) {
		this.jobs = jobs;
		this.workers = workers;
		this.dispatcher = dispatcher;
		this.properties = properties;
		this.metrics = metrics;
		this.clock = clock;
	}

	void progress(JobId id, AttemptProgress progress) {
		if (progress.node() == null || progress.node().isBlank()) {
			throw new InvalidRequestException("node", "is required");
		}
		this.jobs.modifyInGroup(id, (job) -> job.recordProgress(progress.attempt(), progress.node(),
				progress.pagesDone(), progress.currentUrl(), this.clock.instant(), this.properties.leaseDuration()));
	}

	void report(JobId id, AttemptReportBody report) {
		int attempt = report.attempt();
		String node = report.node();
		switch (report.outcome()) {
			case SUCCEEDED -> succeeded(id, attempt, node, requireResult(report.result()));
			case FAILED -> failed(id, attempt, node, report);
			case CANCELLED -> cancelledOnWorker(id, attempt, node, report.result());
		}
		this.dispatcher.nudge();
	}

	private void succeeded(JobId id, int attempt, String node, ResultDocument result) {
		Job job = this.jobs.modifyInGroup(id, (j) -> j.succeed(attempt, node, result, this.clock.instant()),
				(j) -> this.workers.completedJob(node));
		recordDuration("completed", job);
		LOG.info("Job completed: job={} node={} attempt={} pages={}", id, node, attempt, result.pagesCrawled());
	}

	private void failed(JobId id, int attempt, String node, AttemptReportBody report) {
		String reason = (report.error() != null && !report.error().isBlank()) ? report.error()
				: "the worker reported a failure without a reason";
		ResultDocument partial = (report.result() != null && report.result().isObject()) ? document(report.result())
				: null;
		Job job = this.jobs.modifyInGroup(id,
				(j) -> j.failAttempt(attempt, node, reason, partial, this.clock.instant()));
		recordDuration("failed", job);
		LOG.info("Job failed: job={} node={} attempt={} reason={}", id, node, attempt, reason);
	}

	/**
	 * The worker stopped the attempt. Either a user cancelled the job during it, and the
	 * job keeps what the worker had crawled by then as its result; or the worker stopped
	 * by itself, which it does when it is shutting down. Then the job goes back to the
	 * queue at once and the attempt does not count as lost: the crawl did not fail, its
	 * worker stopped, and a few rolling restarts must not use up a job's attempts.
	 */
	private void cancelledOnWorker(JobId id, int attempt, String node, @Nullable ReportedResult result) {
		Job job = this.jobs.get(id);
		if (job.state() == JobState.CANCELLED && result != null && result.isObject()) {
			ResultDocument partial = document(result);
			this.jobs.modifyInGroup(id, (j) -> j.keepResultOfCancelledAttempt(attempt, node, partial));
			LOG.info("Job cancelled with a partial result: job={} node={} attempt={} pages={}", id, node, attempt,
					partial.pagesCrawled());
			return;
		}
		boolean current = job.state().isActive() && job.attempt() == attempt && node.equals(job.assignedWorker());
		if (!current) {
			throw new StaleAttemptException(id, attempt, job.attempt(), job.state());
		}
		this.workers.handedBack(node);
		this.jobs.modify(id,
				(j) -> j.returnToQueue(attempt, node + " handed it back (stopping)", this.clock.instant()));
		this.metrics.requeued(LossReason.HANDED_BACK);
		LOG.info("Job handed back: job={} node={} attempt={}", id, node, attempt);
	}

	private ResultDocument requireResult(@Nullable ReportedResult result) {
		if (result == null || !result.isObject()) {
			throw new InvalidRequestException("result", "is required (an object) when the outcome is succeeded");
		}
		return document(result);
	}

	private static ResultDocument document(ReportedResult result) {
		return new ResultDocument(Objects.requireNonNull(result.json()), result.crawled());
	}

	private void recordDuration(String outcome, Job job) {
		if (job.durationMs() != null) {
			this.metrics.finished(outcome, Duration.ofMillis(job.durationMs()));
		}
	}

}

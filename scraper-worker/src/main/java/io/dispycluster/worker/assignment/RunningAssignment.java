package io.dispycluster.worker.assignment;

import java.time.Duration;

import io.dispycluster.model.job.AttemptOutcome;
import io.dispycluster.model.job.AttemptProgress;
import io.dispycluster.worker.crawl.CrawlControl;
import io.dispycluster.worker.crawl.CrawlOrder;
import io.dispycluster.worker.crawl.CrawlOutcome;
import io.dispycluster.worker.crawl.CrawlResult;
import io.dispycluster.worker.crawl.StopReason;
import io.dispycluster.worker.report.AttemptReportBody;
import org.jspecify.annotations.Nullable;

/**
 * One attempt at a job, from acceptance until its report is sent, with the request id its
 * assignment came with (the id of the request that submitted the job, or the one this
 * worker made up for an assignment without one).
 */
final class RunningAssignment {

	private final String jobId;

	private final int attempt;

	private final CrawlOrder order;

	private final @Nullable String requestId;

	private final CrawlControl control = new CrawlControl();

	private volatile boolean stale;

	// Read and written by the progress ticker's thread only, after construction.
	private @Nullable AttemptProgress lastProgress;

	private long lastProgressNanos = System.nanoTime();

	RunningAssignment(String jobId, int attempt, CrawlOrder order, @Nullable String requestId) {
		this.jobId = jobId;
		this.attempt = attempt;
		this.order = order;
		this.requestId = requestId;
	}

	String jobId() {
		return this.jobId;
	}

	int attempt() {
		return this.attempt;
	}

	CrawlOrder order() {
		return this.order;
	}

	@Nullable String requestId() {
		return this.requestId;
	}

	CrawlControl control() {
		return this.control;
	}

	void cancel() {
		this.control.cancel();
	}

	/** The controller no longer counts on this attempt: stop it and send no report. */
	void abandon() {
		this.stale = true;
		this.control.cancel();
	}

	boolean isStale() {
		return this.stale;
	}

	/**
	 * The progress to send now, or null if there is no news: the crawl moved on since the
	 * last progress sent (another page, another URL), or an interval has passed since
	 * then (or since acceptance), which tells the controller the worker still holds the
	 * job.
	 * @param nowNanos now, in {@link System#nanoTime()} terms
	 */
	@Nullable AttemptProgress progressDue(String node, long nowNanos, Duration interval) {
		AttemptProgress progress = progress(node);
		boolean moved = (this.lastProgress != null) ? !progress.equals(this.lastProgress)
				: progress.pagesDone() > 0 || progress.currentUrl() != null;
		if (!moved && nowNanos - this.lastProgressNanos < interval.toNanos()) {
			return null;
		}
		this.lastProgress = progress;
		this.lastProgressNanos = nowNanos;
		return progress;
	}

	AssignmentView view() {
		return new AssignmentView(this.jobId, this.attempt, this.control.pagesDone(), this.control.currentUrl());
	}

	AttemptProgress progress(String node) {
		return new AttemptProgress(this.attempt, node, this.control.pagesDone(), this.control.currentUrl());
	}

	AttemptReportBody report(String node, CrawlOutcome outcome) {
		CrawlResult result = outcome.result();
		if (outcome.refusal() != null) {
			return new AttemptReportBody(this.attempt, node, AttemptOutcome.FAILED, result, outcome.refusal());
		}
		boolean cancelled = StopReason.CANCELLED.wireName().equals(result.stopReason());
		return new AttemptReportBody(this.attempt, node,
				cancelled ? AttemptOutcome.CANCELLED : AttemptOutcome.SUCCEEDED, result, null);
	}

	AttemptReportBody failure(String node, String error) {
		return new AttemptReportBody(this.attempt, node, AttemptOutcome.FAILED, null, error);
	}

}

package io.dispycluster.worker.assignment;

import io.dispycluster.model.job.AttemptOutcome;
import io.dispycluster.model.job.AttemptProgress;
import io.dispycluster.worker.crawl.CrawlControl;
import io.dispycluster.worker.crawl.CrawlOrder;
import io.dispycluster.worker.crawl.CrawlOutcome;
import io.dispycluster.worker.crawl.CrawlResult;
import io.dispycluster.worker.crawl.StopReason;
import io.dispycluster.worker.report.AttemptReportBody;

/**
 * One attempt at a job, from acceptance until its report is sent.
 */
final class RunningAssignment {

	private final String jobId;

	private final int attempt;

	private final CrawlOrder order;

	private final CrawlControl control = new CrawlControl();

	private volatile boolean stale;

	RunningAssignment(String jobId, int attempt, CrawlOrder order) {
		this.jobId = jobId;
		this.attempt = attempt;
		this.order = order;
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

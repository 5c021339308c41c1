package io.dispycluster.worker.report;

import io.dispycluster.model.job.AttemptOutcome;
import io.dispycluster.model.job.AttemptReport;
import io.dispycluster.worker.crawl.CrawlResult;
import org.jspecify.annotations.Nullable;

/**
 * The worker's final report on an attempt, as sent to the controller: the contract's
 * {@link AttemptReport} with the detailed result, which the controller reads as an
 * {@code AttemptReport} (extra fields ignored).
 *
 * @param attempt the attempt number of the assignment
 * @param node the reporting worker's node name
 * @param outcome how the attempt ended
 * @param result what was crawled; present when the crawl ran, even partly
 * @param error why the attempt failed; null unless {@code outcome} is FAILED
 */
public record AttemptReportBody(int attempt, String node, AttemptOutcome outcome, @Nullable CrawlResult result,
		@Nullable String error) {

	/** The contract's view of this report. */
	public AttemptReport contract() {
		return new AttemptReport(this.attempt, this.node, this.outcome,
				(this.result != null) ? this.result.contract() : null, this.error);
	}

}

package io.dispycluster.scheduler.scrape;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A scrape as its owner (a task run, a workflow step) sees it.
 *
 * @param id the scrape's id
 * @param state where it is
 * @param jobIds the controller's job ids, in URL order (empty until accepted)
 * @param batchId the controller's batch id, or null
 * @param jobsCompleted jobs that completed
 * @param jobsFailed jobs that failed or were cancelled
 * @param pagesCrawled pages crawled by all its jobs
 * @param error why it failed, or null
 */
public record ScrapeView(long id, ScrapeState state, List<String> jobIds, @Nullable String batchId, int jobsCompleted,
		int jobsFailed, int pagesCrawled, @Nullable String error) {

	public ScrapeView {
		jobIds = List.copyOf(jobIds);
	}

	/** The share of jobs that did not complete, 0 when there are none. */
	public double failureRatio() {
		return this.jobIds.isEmpty() ? 0 : (double) this.jobsFailed / this.jobIds.size();
	}

}

package io.dispycluster.scheduler.workflow;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The output of a {@code scrape} step: what its jobs did.
 *
 * @param jobIds the controller's job ids
 * @param batchId the controller's batch id
 * @param jobsCompleted jobs that completed
 * @param jobsFailed jobs that failed or were cancelled
 * @param pagesCrawled pages crawled by all the jobs
 */
record ScrapeOutput(List<String> jobIds, @Nullable String batchId, int jobsCompleted, int jobsFailed,
		int pagesCrawled) {

	ScrapeOutput {
		jobIds = List.copyOf(jobIds);
	}

	/** The share of jobs that did not complete, 0 when there are none. */
	double failureRatio() {
		return this.jobIds.isEmpty() ? 0 : (double) this.jobsFailed / this.jobIds.size();
	}

}

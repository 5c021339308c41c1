package io.dispycluster.controller.job;

import java.time.Instant;

import io.dispycluster.model.job.JobStatus;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A job as {@code GET /jobs/{id}} shows it: every field of {@code JobView}, in its order,
 * with the worker's result verbatim (null until there is one), plus {@code progress}.
 *
 * @param id the job's id
 * @param startUrl the URL the crawl starts from
 * @param maxPages pages to crawl at most
 * @param sameOriginOnly whether only same-origin links are followed
 * @param timeoutS timeout of each page request in seconds
 * @param priority 1..10, higher runs first
 * @param maxDurationS budget of the whole crawl in seconds
 * @param createdAt when the job was accepted
 * @param status where the job is in its life
 * @param assignedWorker the node it runs or ran on, or null
 * @param startedAt when its current (or last) attempt was dispatched, or null
 * @param completedAt when it finished, or null
 * @param result the crawl result as the worker sent it, or null
 * @param error why it failed, or null
 * @param batchId the batch it was submitted in, or null
 * @param attempts how many times it was dispatched
 * @param pagesCrawled pages crawled so far (or in all, once completed)
 * @param progress pages done out of {@code max_pages} while it runs, else null
 */
public record JobDetails(String id, String startUrl, int maxPages, boolean sameOriginOnly, int timeoutS, int priority,
		int maxDurationS, Instant createdAt, JobStatus status, @Nullable String assignedWorker,
		@Nullable Instant startedAt, @Nullable Instant completedAt, @Nullable JsonNode result, @Nullable String error,
		@Nullable String batchId, int attempts, int pagesCrawled, @Nullable JobProgress progress) {

	static JobDetails of(Job job, @Nullable JsonNode result) {
		JobSpec spec = job.spec();
		return new JobDetails(job.id().value(), spec.startUrl(), spec.maxPages(), spec.sameOriginOnly(),
				spec.timeoutS(), spec.priority(), spec.maxDurationS(), job.createdAt(), job.state().status(),
				job.assignedWorker(), job.startedAt(), job.completedAt(), result, job.error(), job.batchId(),
				job.attempt(), job.pagesCrawled(), JobSummary.progress(job));
	}

}

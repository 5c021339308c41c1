package io.dispycluster.controller.job;

import java.time.Instant;

import io.dispycluster.model.job.JobStatus;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A job in a list: the fields of {@code JobView} plus {@code progress} while it runs. Its
 * {@code result}, which can be large, is never held here: in {@code GET /jobs}
 * {@link JobJsonWriter} streams it from the store into its place; the short lists of
 * recent jobs ({@code GET /workers/{node}}, the dashboard) leave it out.
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
 * @param result always null here (left out of the JSON); see above
 * @param error why it failed, or null
 * @param batchId the batch it was submitted in, or null
 * @param attempts how many times it was dispatched
 * @param pagesCrawled pages crawled so far (or in all, once completed)
 * @param progress pages done out of {@code max_pages} while it runs, else null
 */
public record JobSummary(String id, String startUrl, int maxPages, boolean sameOriginOnly, int timeoutS, int priority,
		int maxDurationS, Instant createdAt, JobStatus status, @Nullable String assignedWorker,
		@Nullable Instant startedAt, @Nullable Instant completedAt,
		@JsonInclude(Include.NON_NULL) @Schema(description = "the crawl result as the worker sent it, or null until "
				+ "there is one; in GET /jobs only") @Nullable JsonNode result,
		@Nullable String error, @Nullable String batchId, int attempts, int pagesCrawled,
		@Nullable JobProgress progress) {

	/** The summary of a job. */
	public static JobSummary of(Job job) {
		JobSpec spec = job.spec();
		return new JobSummary(job.id().value(), spec.startUrl(), spec.maxPages(), spec.sameOriginOnly(),
				spec.timeoutS(), spec.priority(), spec.maxDurationS(), job.createdAt(), job.state().status(),
				job.assignedWorker(), job.startedAt(), job.completedAt(), null, job.error(), job.batchId(),
				job.attempt(), job.pagesCrawled(), progress(job));
	}

	static @Nullable JobProgress progress(Job job) {
		return job.state().isActive() ? new JobProgress(job.pagesCrawled(), job.spec().maxPages(), job.currentUrl())
				: null;
	}

}

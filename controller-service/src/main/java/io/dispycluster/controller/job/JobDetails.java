package io.dispycluster.controller.job;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import io.dispycluster.model.job.CrawlOptions;
import io.dispycluster.model.job.ExtractRule;
import io.dispycluster.model.job.JobStatus;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A job as {@code GET /jobs/{id}} shows it: every field of {@code JobView}, in its order,
 * with the worker's result verbatim (null until there is one), plus {@code progress} and
 * the crawl options it was submitted with (left out when not set, so that a job without
 * options shows exactly the fields of the contract and of the list), then the id of the
 * request that submitted it. The result is not held here: {@link JobJsonWriter} streams
 * it from the store into its place.
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
 * @param maxDepth the most links followed from the start page, or null (left out)
 * @param includePatterns regular expressions a followed link must match, or null
 * @param excludePatterns regular expressions no followed link may match, or null
 * @param delayMs the least time between two requests to one host, or null
 * @param userAgent the user agent asked for, or null
 * @param extract the fields read from every page, or null
 * @param nodeLabels the labels a worker must have to be given the job (left out when
 * none)
 * @param waitingFor why a queued job waits beyond a free slot: no worker up has its
 * {@code node_labels} (left out otherwise)
 * @param requestId the {@code X-Request-Id} of the request that submitted the job, the id
 * its log lines carry on every service (left out for jobs accepted before it was kept)
 */
public record JobDetails(String id, String startUrl, int maxPages, boolean sameOriginOnly, int timeoutS, int priority,
		int maxDurationS, Instant createdAt, JobStatus status, @Nullable String assignedWorker,
		@Nullable Instant startedAt, @Nullable Instant completedAt, @Nullable JsonNode result, @Nullable String error,
		@Nullable String batchId, int attempts, int pagesCrawled, @Nullable JobProgress progress,
		@JsonInclude(Include.NON_NULL) @Nullable Integer maxDepth,
		@JsonInclude(Include.NON_NULL) @Nullable List<String> includePatterns,
		@JsonInclude(Include.NON_NULL) @Nullable List<String> excludePatterns,
		@JsonInclude(Include.NON_NULL) @Nullable Integer delayMs,
		@JsonInclude(Include.NON_NULL) @Nullable String userAgent,
		@JsonInclude(Include.NON_NULL) @Nullable Map<String, ExtractRule> extract,
		@JsonInclude(Include.NON_EMPTY) Map<String, String> nodeLabels,
		@JsonInclude(Include.NON_NULL) @Nullable String waitingFor,
		@JsonInclude(Include.NON_NULL) @Nullable String requestId) {

	/** The details of a job, its result left null (to be streamed in its place). */
	static JobDetails of(Job job) {
		return of(job, null);
	}

	/**
	 * The details of a job, its result left null (to be streamed in its place).
	 * @param job the job
	 * @param waitingFor why it waits, or null
	 * @return the details
	 */
	static JobDetails of(Job job, @Nullable String waitingFor) {
		JobSpec spec = job.spec();
		CrawlOptions options = spec.options();
		return new JobDetails(job.id().value(), spec.startUrl(), spec.maxPages(), spec.sameOriginOnly(),
				spec.timeoutS(), spec.priority(), spec.maxDurationS(), job.createdAt(), job.state().status(),
				job.assignedWorker(), job.startedAt(), job.completedAt(), null, job.error(), job.batchId(),
				job.attempt(), job.pagesCrawled(), JobSummary.progress(job), options.maxDepth(),
				options.includePatterns(), options.excludePatterns(), options.delayMs(), options.userAgent(),
				options.extract(), spec.nodeLabels(), waitingFor, job.requestId());
	}

}

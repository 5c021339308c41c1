package io.dispycluster.model.job;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A job as {@code GET /jobs/{id}} returns it: the upstream {@code ScrapeJob} fields plus
 * {@code batch_id}, {@code attempts} and {@code pages_crawled}. Lists of jobs carry no
 * {@code result}, which can be large; ask for the job itself.
 *
 * @param id the job's id, {@code job_...}
 * @param startUrl the URL the crawl starts from
 * @param maxPages pages to crawl at most
 * @param sameOriginOnly whether only same-origin links are followed
 * @param timeoutS timeout of each page request in seconds
 * @param priority 1..10, higher runs first
 * @param maxDurationS budget of the whole crawl in seconds
 * @param createdAt when the job was accepted
 * @param status where the job is in its life
 * @param assignedWorker the node it runs or ran on, or null
 * @param startedAt when it was dispatched, or null
 * @param completedAt when it finished, or null
 * @param result the crawl result once completed (null in lists)
 * @param error why it failed, or null
 * @param batchId the batch it was submitted in, or null
 * @param attempts how many times it was dispatched
 * @param pagesCrawled pages crawled so far (or in all, once completed)
 */
public record JobView(String id, String startUrl, int maxPages, boolean sameOriginOnly, int timeoutS, int priority,
		int maxDurationS, Instant createdAt, JobStatus status, @Nullable String assignedWorker,
		@Nullable Instant startedAt, @Nullable Instant completedAt, @Nullable ScrapeResult result,
		@Nullable String error, @Nullable String batchId, int attempts, int pagesCrawled) {
}

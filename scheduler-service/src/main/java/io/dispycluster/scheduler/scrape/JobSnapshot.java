package io.dispycluster.scheduler.scrape;

import org.jspecify.annotations.Nullable;

import io.dispycluster.model.job.JobStatus;

/**
 * The part of the controller's job view the scheduler reads. Reading only these fields
 * (everything else, such as the possibly large {@code result}, is skipped) keeps polling
 * cheap and tolerant of additions to the job view.
 *
 * @param id the job's id
 * @param status where the job is
 * @param error why it failed, or null
 * @param pagesCrawled pages crawled so far, or null if the controller does not say
 */
record JobSnapshot(String id, JobStatus status, @Nullable String error, @Nullable Integer pagesCrawled) {
}

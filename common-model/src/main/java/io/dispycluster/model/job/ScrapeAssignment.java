package io.dispycluster.model.job;

/**
 * The controller's order to a worker: crawl this job as this attempt. The worker reports
 * progress and the result under the same attempt number; the controller refuses reports
 * of an attempt that is no longer current, so a job never completes twice.
 *
 * @param jobId the job's id
 * @param attempt the attempt number, 1 for the first dispatch
 * @param spec what to crawl
 */
public record ScrapeAssignment(String jobId, int attempt, ScrapeSpec spec) {
}

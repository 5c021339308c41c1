package io.dispycluster.model.job;

/**
 * The answer to {@code POST /scrape}: the upstream's French message, the new job's id and
 * its status.
 *
 * @param message the upstream's French confirmation
 * @param jobId the new job's id, {@code job_...}
 * @param status always {@link JobStatus#PENDING} for a new job
 */
public record JobCreated(String message, String jobId, JobStatus status) {
}

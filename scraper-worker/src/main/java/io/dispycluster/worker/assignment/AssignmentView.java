package io.dispycluster.worker.assignment;

import org.jspecify.annotations.Nullable;

/**
 * A job this worker runs now, as {@code GET /assignments} lists it.
 *
 * @param jobId the job's id
 * @param attempt the attempt being run
 * @param pagesDone pages crawled so far
 * @param currentUrl the URL being fetched, or null between fetches
 */
public record AssignmentView(String jobId, int attempt, int pagesDone, @Nullable String currentUrl) {
}

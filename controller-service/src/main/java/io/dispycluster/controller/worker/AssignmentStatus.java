package io.dispycluster.controller.worker;

import org.jspecify.annotations.Nullable;

/**
 * One entry of a worker's {@code GET /assignments}: an attempt it is running.
 *
 * @param jobId the job
 * @param attempt the attempt number it runs
 * @param pagesDone pages crawled so far
 * @param currentUrl the URL being fetched, or null
 */
public record AssignmentStatus(String jobId, int attempt, int pagesDone, @Nullable String currentUrl) {
}

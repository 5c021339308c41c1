package io.dispycluster.model.job;

import org.jspecify.annotations.Nullable;

/**
 * A worker's progress on one attempt at a job, sent to the controller while it crawls.
 *
 * @param attempt the attempt number of the assignment
 * @param node the reporting worker's node name
 * @param pagesDone pages crawled so far
 * @param currentUrl the URL being fetched, or null between fetches
 */
public record AttemptProgress(int attempt, String node, int pagesDone, @Nullable String currentUrl) {
}

package io.dispycluster.model.job;

import org.jspecify.annotations.Nullable;

/**
 * A worker's final report on one attempt at a job, sent to the controller.
 *
 * @param attempt the attempt number of the assignment
 * @param node the reporting worker's node name
 * @param outcome how the attempt ended
 * @param result what was crawled; present when the crawl ran, even partly
 * @param error why the attempt failed; null unless {@code outcome} is FAILED
 */
public record AttemptReport(int attempt, String node, AttemptOutcome outcome, @Nullable ScrapeResult result,
		@Nullable String error) {
}

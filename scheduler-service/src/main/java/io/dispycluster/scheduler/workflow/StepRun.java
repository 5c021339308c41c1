package io.dispycluster.scheduler.workflow;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A row of {@code workflow_step_run}: one step of one run.
 *
 * @param runId the run
 * @param stepId the step
 * @param position its place in the workflow's list of steps
 * @param state where it is
 * @param attempts how many times it started
 * @param notBefore a retry waits until then, or null
 * @param deadline the end of a wait or the step's timeout, or null
 * @param startedAt when its last attempt started, or null
 * @param finishedAt when it finished, or null
 * @param scrapeId the scrape of a scrape step, or null
 * @param output what it produced, as JSON, or null
 * @param error why it failed or was skipped, or null
 */
record StepRun(long runId, String stepId, int position, StepState state, int attempts, @Nullable Instant notBefore,
		@Nullable Instant deadline, @Nullable Instant startedAt, @Nullable Instant finishedAt, @Nullable Long scrapeId,
		@Nullable String output, @Nullable String error) {
}

package io.dispycluster.scheduler.workflow;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import io.dispycluster.scheduler.history.HistoryEntry;
import io.dispycluster.scheduler.history.RunStatus;

/**
 * A run of a workflow in the history: the upstream entry ({@code workflow_id},
 * {@code workflow_name}, {@code executed_at}, {@code status}) plus its timing and error.
 *
 * @param runId {@code run_<n>}
 * @param workflowId the workflow
 * @param workflowName its name at the time
 * @param executedAt when the run started (or the fire was skipped)
 * @param finishedAt when it ended, or null while running
 * @param status where it is
 * @param runCount the workflow's run count for this run (null for a skipped fire)
 * @param trigger {@code schedule}, {@code catch_up} or {@code manual}
 * @param scheduledFor the fire time it stands for, or null for a manual run
 * @param error why it failed or was skipped, or null
 */
public record WorkflowRunEntry(String runId, String workflowId, String workflowName, Instant executedAt,
		@Nullable Instant finishedAt, RunStatus status, @Nullable Integer runCount, String trigger,
		@Nullable Instant scheduledFor, @Nullable String error) implements HistoryEntry {
}

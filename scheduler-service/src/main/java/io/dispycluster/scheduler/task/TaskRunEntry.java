package io.dispycluster.scheduler.task;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.dispycluster.scheduler.history.HistoryEntry;
import io.dispycluster.scheduler.history.RunStatus;

/**
 * A run of a task in the history: the upstream entry ({@code task_id}, {@code task_name},
 * {@code executed_at}, {@code status}, {@code run_count}) plus what the run really did.
 *
 * @param runId {@code run_<n>}
 * @param taskId the task
 * @param taskName its name at the time
 * @param executedAt when the run started (or the fire was skipped)
 * @param finishedAt when it ended, or null while running
 * @param status where it is
 * @param runCount the task's run count for this run (null for a skipped fire)
 * @param trigger {@code schedule}, {@code catch_up} (a fire missed while down) or
 * {@code manual}
 * @param scheduledFor the fire time it stands for, or null for a manual run
 * @param jobIds the controller's job ids
 * @param jobsCompleted jobs that completed
 * @param jobsFailed jobs that failed
 * @param pagesCrawled pages crawled by all the jobs
 * @param error why it failed or was skipped, or null
 */
public record TaskRunEntry(String runId, String taskId, String taskName, Instant executedAt,
		@Nullable Instant finishedAt, RunStatus status, @Nullable Integer runCount, String trigger,
		@Nullable Instant scheduledFor, List<String> jobIds, int jobsCompleted, int jobsFailed, int pagesCrawled,
		@Nullable String error) implements HistoryEntry {

	public TaskRunEntry {
		jobIds = List.copyOf(jobIds);
	}

}

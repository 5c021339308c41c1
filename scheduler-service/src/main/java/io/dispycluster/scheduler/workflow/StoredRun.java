package io.dispycluster.scheduler.workflow;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.dispycluster.scheduler.history.RunStatus;

/**
 * A row of {@code workflow_run}: one run, with the copy of the steps it runs.
 */
record StoredRun(long id, String workflowId, String workflowName, @Nullable Integer runNumber, String trigger,
		@Nullable Instant scheduledFor, RunStatus status, ErrorPolicy errorPolicy, List<StepDefinition> steps,
		Instant startedAt, @Nullable Instant finishedAt, @Nullable String error) {

	StoredRun {
		steps = List.copyOf(steps);
	}

}

package io.dispycluster.scheduler.history;

import java.time.Instant;

/**
 * One entry of {@code GET /history}: a run of a task or of a workflow.
 */
public interface HistoryEntry {

	/** The run's id, {@code run_<n>}, unique across tasks and workflows. */
	String runId();

	/** When the run started (or the fire was skipped). */
	Instant executedAt();

}

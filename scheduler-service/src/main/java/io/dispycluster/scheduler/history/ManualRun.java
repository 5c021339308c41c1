package io.dispycluster.scheduler.history;

/**
 * A run a user asked for ({@code POST /tasks/{id}/run}, {@code POST
 * /workflows/{id}/run}).
 *
 * @param runId the run
 * @param alreadyRunning whether it is a run that was already in progress (then no new run
 * started)
 */
public record ManualRun(long runId, boolean alreadyRunning) {
}

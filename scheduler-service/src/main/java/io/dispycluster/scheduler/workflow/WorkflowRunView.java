package io.dispycluster.scheduler.workflow;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import io.dispycluster.scheduler.history.RunStatus;

/**
 * A run of a workflow with the state of each step ({@code GET
 * /workflows/{id}/runs/{run_id}}).
 *
 * @param runId {@code run_<n>}
 * @param workflowId the workflow
 * @param workflowName its name at the time
 * @param status where the run is
 * @param trigger {@code schedule}, {@code catch_up} or {@code manual}
 * @param scheduledFor the fire time it stands for, or null
 * @param errorPolicy the policy it runs under
 * @param startedAt when it started
 * @param finishedAt when it ended, or null
 * @param error why it failed, or null
 * @param steps its steps, in the workflow's order
 */
record WorkflowRunView(String runId, String workflowId, String workflowName, RunStatus status, String trigger,
		@Nullable Instant scheduledFor, ErrorPolicy errorPolicy, Instant startedAt, @Nullable Instant finishedAt,
		@Nullable String error, List<StepView> steps) {

	/**
	 * A step of a run.
	 *
	 * @param stepId the step
	 * @param name what it is
	 * @param action what it does
	 * @param dependsOn what it waits for
	 * @param state where it is
	 * @param attempts how many times it started
	 * @param startedAt when its last attempt started, or null
	 * @param finishedAt when it finished, or null
	 * @param deadline the end of a wait or the step's timeout, or null
	 * @param retryAt when a failed attempt is tried again, or null
	 * @param output what it produced (a scrape: job ids and counts), or null
	 * @param error why it failed or was skipped, or null
	 */
	record StepView(String stepId, String name, StepAction action, List<String> dependsOn, StepState state,
			int attempts, @Nullable Instant startedAt, @Nullable Instant finishedAt, @Nullable Instant deadline,
			@Nullable Instant retryAt, @Nullable JsonNode output, @Nullable String error) {
	}

}

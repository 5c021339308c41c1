package io.dispycluster.scheduler.workflow;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

import io.dispycluster.scheduler.history.ManualRun;
import io.dispycluster.scheduler.system.QueryIntegers;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The workflow endpoints of the upstream contract, with its French messages, plus update,
 * delete, enable, disable and the runs with the state of their steps.
 */
@RestController
class WorkflowController {

	private final Workflows workflows;

	private final WorkflowRuns runs;

	WorkflowController(Workflows workflows, WorkflowRuns runs) {
		this.workflows = workflows;
		this.runs = runs;
	}

	@PostMapping("/workflows")
	WorkflowSaved create(@Valid @RequestBody WorkflowRequest request) {
		Workflow workflow = this.workflows.create(request);
		return new WorkflowSaved("Workflow créé avec succès", workflow.id(), workflow.nextRun());
	}

	@GetMapping("/workflows")
	List<Workflow> list() {
		return this.workflows.list();
	}

	@GetMapping("/workflows/{workflowId}")
	Workflow get(@PathVariable String workflowId) {
		return this.workflows.get(workflowId);
	}

	@PutMapping("/workflows/{workflowId}")
	WorkflowSaved update(@PathVariable String workflowId, @Valid @RequestBody WorkflowRequest request) {
		Workflow workflow = this.workflows.update(workflowId, request);
		return new WorkflowSaved("Workflow mis à jour avec succès", workflow.id(), workflow.nextRun());
	}

	@DeleteMapping("/workflows/{workflowId}")
	Message delete(@PathVariable String workflowId) {
		this.workflows.delete(workflowId);
		return new Message("Workflow supprimé");
	}

	@PostMapping("/workflows/{workflowId}/enable")
	WorkflowSaved enable(@PathVariable String workflowId) {
		return new WorkflowSaved("Workflow activé", workflowId, this.workflows.enable(workflowId).nextRun());
	}

	@PostMapping("/workflows/{workflowId}/disable")
	WorkflowSaved disable(@PathVariable String workflowId) {
		this.workflows.disable(workflowId);
		return new WorkflowSaved("Workflow désactivé", workflowId, null);
	}

	@PostMapping("/workflows/{workflowId}/run")
	RunStarted run(@PathVariable String workflowId) {
		ManualRun run = this.runs.runNow(workflowId);
		String message = run.alreadyRunning() ? "Workflow déjà en cours d'exécution" : "Workflow lancé immédiatement";
		return new RunStarted(message, workflowId, "run_" + run.runId());
	}

	@GetMapping("/workflows/{workflowId}/runs")
	List<WorkflowRunEntry> runs(@PathVariable String workflowId, @Parameter(description = "how many runs, the latest",
			schema = @Schema(type = "integer", minimum = "1", maximum = "1000", defaultValue = "50")) @RequestParam(
					required = false) @Nullable String limit) {
		// an unknown workflow is said so before its limit is judged
		this.workflows.get(workflowId);
		return this.runs.runsOf(workflowId, QueryIntegers.between("limit", limit, 1, 1000, 50));
	}

	@GetMapping("/workflows/{workflowId}/runs/{runId}")
	WorkflowRunView run(@PathVariable String workflowId, @PathVariable String runId) {
		// an unknown or deleted workflow is reported as such, as for its list of runs
		this.workflows.get(workflowId);
		return this.runs.run(workflowId, runId);
	}

	/**
	 * A simple confirmation.
	 *
	 * @param message what was done, in French as upstream
	 */
	record Message(String message) {
	}

	/**
	 * The answer to a change of a workflow.
	 *
	 * @param message what was done, in French as upstream
	 * @param workflowId the workflow
	 * @param nextRun when it fires next, or null if it will not
	 */
	record WorkflowSaved(String message, String workflowId, @Nullable Instant nextRun) {
	}

	/**
	 * The answer to {@code POST /workflows/{id}/run}.
	 *
	 * @param message what was done, in French as upstream
	 * @param workflowId the workflow
	 * @param runId the run started (or already in progress)
	 */
	record RunStarted(String message, String workflowId, String runId) {
	}

}

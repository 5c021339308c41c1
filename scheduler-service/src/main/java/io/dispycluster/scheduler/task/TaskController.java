package io.dispycluster.scheduler.task;

import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;

import io.dispycluster.scheduler.history.ManualRun;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The task endpoints of the upstream contract, with its French messages, plus {@code PUT
 * /tasks/{id}}.
 */
@RestController
class TaskController {

	private final Tasks tasks;

	private final TaskRuns runs;

	TaskController(Tasks tasks, TaskRuns runs) {
		this.tasks = tasks;
		this.runs = runs;
	}

	@PostMapping("/tasks")
	TaskSaved create(@Valid @RequestBody TaskRequest request) {
		Task task = this.tasks.create(request);
		return new TaskSaved("Tâche créée avec succès", task.id(), task.nextRun());
	}

	@GetMapping("/tasks")
	List<Task> list() {
		return this.tasks.list();
	}

	@GetMapping("/tasks/{taskId}")
	Task get(@PathVariable String taskId) {
		return this.tasks.get(taskId);
	}

	@PutMapping("/tasks/{taskId}")
	TaskSaved update(@PathVariable String taskId, @Valid @RequestBody TaskRequest request) {
		Task task = this.tasks.update(taskId, request);
		return new TaskSaved("Tâche mise à jour avec succès", task.id(), task.nextRun());
	}

	@DeleteMapping("/tasks/{taskId}")
	Message delete(@PathVariable String taskId) {
		this.tasks.delete(taskId);
		return new Message("Tâche supprimée");
	}

	@PostMapping("/tasks/{taskId}/enable")
	TaskSaved enable(@PathVariable String taskId) {
		return new TaskSaved("Tâche activée", taskId, this.tasks.enable(taskId).nextRun());
	}

	@PostMapping("/tasks/{taskId}/disable")
	TaskSaved disable(@PathVariable String taskId) {
		this.tasks.disable(taskId);
		return new TaskSaved("Tâche désactivée", taskId, null);
	}

	@PostMapping("/tasks/{taskId}/run")
	RunStarted run(@PathVariable String taskId) {
		ManualRun run = this.runs.runNow(taskId);
		String message = run.alreadyRunning() ? "Tâche déjà en cours d'exécution" : "Tâche lancée immédiatement";
		return new RunStarted(message, taskId, "run_" + run.runId());
	}

	/**
	 * A simple confirmation.
	 *
	 * @param message what was done, in French as upstream
	 */
	record Message(String message) {
	}

	/**
	 * The answer to a change of a task.
	 *
	 * @param message what was done, in French as upstream
	 * @param taskId the task
	 * @param nextRun when it fires next, or null if it will not
	 */
	record TaskSaved(String message, String taskId, @Nullable Instant nextRun) {
	}

	/**
	 * The answer to {@code POST /tasks/{id}/run}.
	 *
	 * @param message what was done, in French as upstream
	 * @param taskId the task
	 * @param runId the run started (or already in progress)
	 */
	record RunStarted(String message, String taskId, String runId) {
	}

}

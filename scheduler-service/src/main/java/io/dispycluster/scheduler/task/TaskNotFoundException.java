package io.dispycluster.scheduler.task;

import io.dispycluster.support.problem.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * No task has this id: 404 with upstream's "Tâche non trouvée".
 */
class TaskNotFoundException extends ErrorResponseException {

	TaskNotFoundException(String taskId) {
		super(HttpStatus.NOT_FOUND, problem(taskId), null);
	}

	private static ProblemDetail problem(String taskId) {
		ProblemDetail problem = Problems.of(HttpStatus.NOT_FOUND, "task-not-found", "Task not found",
				"Tâche non trouvée");
		problem.setProperty("task_id", taskId);
		return problem;
	}

}

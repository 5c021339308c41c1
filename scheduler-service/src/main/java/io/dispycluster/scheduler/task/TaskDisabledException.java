package io.dispycluster.scheduler.task;

import io.dispycluster.support.problem.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A disabled task was asked to run: 409.
 */
class TaskDisabledException extends ErrorResponseException {

	TaskDisabledException(String taskId) {
		super(HttpStatus.CONFLICT, problem(taskId), null);
	}

	private static ProblemDetail problem(String taskId) {
		ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "task-disabled", "Task disabled",
				"Tâche désactivée : activez-la avant de la lancer");
		problem.setProperty("task_id", taskId);
		return problem;
	}

}

package io.dispycluster.scheduler.workflow;

import io.dispycluster.support.problem.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A disabled workflow was asked to run: 409.
 */
class WorkflowDisabledException extends ErrorResponseException {

	WorkflowDisabledException(String workflowId) {
		super(HttpStatus.CONFLICT, problem(workflowId), null);
	}

	private static ProblemDetail problem(String workflowId) {
		ProblemDetail problem = Problems.of(HttpStatus.CONFLICT, "workflow-disabled", "Workflow disabled",
				"Workflow désactivé : activez-le avant de le lancer");
		problem.setProperty("workflow_id", workflowId);
		return problem;
	}

}

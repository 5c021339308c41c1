package io.dispycluster.scheduler.workflow;

import io.dispycluster.support.problem.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * No workflow (or run of it) has this id: 404 with upstream's "Workflow non trouvé".
 */
class WorkflowNotFoundException extends ErrorResponseException {

	WorkflowNotFoundException(String workflowId) {
		super(HttpStatus.NOT_FOUND,
				problem("workflow-not-found", "Workflow not found", "Workflow non trouvé", workflowId), null);
	}

	WorkflowNotFoundException(String workflowId, String runId) {
		super(HttpStatus.NOT_FOUND,
				problem("workflow-run-not-found", "Workflow run not found", "Exécution non trouvée", workflowId), null);
		getBody().setProperty("run_id", runId);
	}

	private static ProblemDetail problem(String slug, String title, String detail, String workflowId) {
		ProblemDetail problem = Problems.of(HttpStatus.NOT_FOUND, slug, title, detail);
		problem.setProperty("workflow_id", workflowId);
		return problem;
	}

}

package io.dispycluster.monitoring.node;

import io.dispycluster.support.problem.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * A node that is neither monitored nor has stored samples: 404 with upstream's "Nœud non
 * trouvé".
 */
class NodeNotFoundException extends ErrorResponseException {

	NodeNotFoundException(String node) {
		super(HttpStatus.NOT_FOUND, problem(node), null);
	}

	private static org.springframework.http.ProblemDetail problem(String node) {
		var problem = Problems.of(HttpStatus.NOT_FOUND, "node-not-found", "Node not found", "Nœud non trouvé");
		problem.setProperty("node", node);
		return problem;
	}

}

package io.dispycluster.controller.worker;

import io.dispycluster.support.problem.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * A worker registered under a node name that another running worker already uses: 409,
 * naming the node and the URL of the worker that has the name.
 */
class NodeNameInUseException extends ErrorResponseException {

	NodeNameInUseException(String node, String usedBy, String newcomer) {
		super(HttpStatus.CONFLICT, Problems.of(HttpStatus.CONFLICT, "node-name-in-use", "Node name in use",
				"Node name " + node + " is already used by the worker at " + usedBy + ", which still answers: the"
						+ " worker at " + newcomer + " must be given another name (dispycluster.worker.node-name)"),
				null);
		getBody().setProperty("node", node);
		getBody().setProperty("used_by", usedBy);
	}

}

package io.dispycluster.controller.worker;

import io.dispycluster.support.problem.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * No worker has this node name: 404 with the upstream's French detail.
 */
public class WorkerNotFoundException extends ErrorResponseException {

	/**
	 * @param node the unknown node name
	 * @param detail "Worker non trouvé" or, for a ping, "Worker non trouvé dans le
	 * cluster"
	 */
	public WorkerNotFoundException(String node, String detail) {
		super(HttpStatus.NOT_FOUND, Problems.of(HttpStatus.NOT_FOUND, "worker-not-found", "Worker not found", detail),
				null);
		getBody().setProperty("node", node);
	}

}

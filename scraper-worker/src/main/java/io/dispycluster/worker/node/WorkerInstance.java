package io.dispycluster.worker.node;

import java.util.UUID;

import org.springframework.stereotype.Component;

/**
 * The id of this worker process, picked at its start. It goes out with every registration
 * and in {@code GET /health}, so that the controller tells a restart from a renewal (and
 * requeues at once the jobs the previous process held), also for a worker that does not
 * register and is known from the node inventory only.
 */
@Component
public class WorkerInstance {

	private final String id = UUID.randomUUID().toString();

	public String id() {
		return this.id;
	}

}

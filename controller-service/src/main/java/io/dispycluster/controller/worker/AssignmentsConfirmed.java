package io.dispycluster.controller.worker;

import java.time.Instant;
import java.util.List;

/**
 * Published after each health check that could read a worker's {@code GET /assignments},
 * also when it lists nothing: the leases of the listed attempts are renewed, and an
 * attempt the worker does not list is known not to run there.
 *
 * @param node the worker
 * @param assignments the attempts it runs
 * @param readAt when the list was asked for: an assignment sent after it may be missing
 */
public record AssignmentsConfirmed(String node, List<AssignmentStatus> assignments, Instant readAt) {

	public AssignmentsConfirmed {
		assignments = List.copyOf(assignments);
	}

}

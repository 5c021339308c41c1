package io.dispycluster.controller.worker;

import java.util.List;

/**
 * Published after a health check when a worker listed the attempts it is running, so that
 * their leases are renewed even between two progress reports.
 *
 * @param node the worker
 * @param assignments the attempts it runs
 */
public record AssignmentsConfirmed(String node, List<AssignmentStatus> assignments) {

	public AssignmentsConfirmed {
		assignments = List.copyOf(assignments);
	}

}

package io.dispycluster.worker.system;

import java.net.URI;

/**
 * The {@code type} URIs of the problems only the worker answers with (the common ones
 * come from {@link io.dispycluster.support.problem.Problems}).
 */
public final class ProblemTypes {

	/** The worker runs as many jobs as its capacity allows. */
	public static final URI AT_CAPACITY = urn("worker-at-capacity");

	/** No assignment with that job id runs on this worker. */
	public static final URI ASSIGNMENT_NOT_FOUND = urn("assignment-not-found");

	/** The assignment is older than the attempt the worker already runs. */
	public static final URI STALE_ATTEMPT = urn("stale-attempt");

	private ProblemTypes() {
	}

	private static URI urn(String name) {
		return URI.create("urn:dispycluster:problem:" + name);
	}

}

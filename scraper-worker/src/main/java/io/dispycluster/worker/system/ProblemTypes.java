package io.dispycluster.worker.system;

import java.net.URI;

/**
 * The stable {@code type} URIs of the worker's problem details.
 */
public final class ProblemTypes {

	/** The body is not JSON, or not the expected shape. */
	public static final URI MALFORMED_JSON = urn("malformed-json");

	/** One or more fields have invalid values. */
	public static final URI VALIDATION = urn("validation-failed");

	/** The worker runs as many jobs as its capacity allows. */
	public static final URI AT_CAPACITY = urn("worker-at-capacity");

	/** No assignment with that job id runs on this worker. */
	public static final URI ASSIGNMENT_NOT_FOUND = urn("assignment-not-found");

	/** The assignment is older than the attempt the worker already runs. */
	public static final URI STALE_ATTEMPT = urn("stale-attempt");

	/** Anything unexpected; logged. */
	public static final URI INTERNAL = urn("internal-error");

	private ProblemTypes() {
	}

	private static URI urn(String name) {
		return URI.create("urn:dispycluster:problem:" + name);
	}

}

package io.dispycluster.model.worker;

/**
 * A worker's availability as the controller sees it.
 */
public enum WorkerState {

	/** Answering its health checks, with free capacity. */
	ONLINE,

	/** Answering, but running as many jobs as its capacity allows. */
	BUSY,

	/** Not answering its health checks. */
	OFFLINE

}

package io.dispycluster.controller.job;

import java.util.Map;

/**
 * What the job views need to know of the workers' labels, to say why a job that asks for
 * {@code node_labels} stays queued. Implemented by the worker registry, so that the job
 * feature depends on no other.
 */
public interface LabelledWorkers {

	/**
	 * Whether a worker that is not offline has every one of these labels.
	 * @param required the labels a job asks for
	 * @return true if such a worker is up, even if busy now
	 */
	boolean anyUpWith(Map<String, String> required);

}

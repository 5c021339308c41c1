package io.dispycluster.monitoring.jobs;

import java.time.Instant;

import io.dispycluster.monitoring.jobs.ControllerClient.FinishedJobs;

import org.springframework.stereotype.Component;

/**
 * Finds the jobs that finished in a window, however long before it they were created. The
 * controller lists jobs newest created first, so reading must go back far enough: to the
 * creation of the oldest job that was still unfinished at a queue reading of the window
 * (the reading just before it included), and at least {@code job-lookback} before the
 * window, for the times no reading covers (this service was down, or is new).
 *
 * <p>
 * Each failure-rate check reads this much again, rather than only what changed since the
 * last: the controller's {@code GET /jobs} offers {@code status}, {@code limit} and
 * {@code offset} only, ordered by creation, and a finished job can go back to the queue
 * ({@code POST /jobs/{id}/retry}). Keeping the jobs read last time would count a retried
 * job as still failed, and a job that was retried and finished again between two rounds
 * could sit anywhere in the list. Reading only the changes, with the same answer, needs
 * the controller to list jobs by when they last changed (say {@code updated_since}).
 */
@Component
public class JobWindows {

	private final ControllerClient controller;

	private final QueueSamples queue;

	private final ControllerClientProperties properties;

	JobWindows(ControllerClient controller, QueueSamples queue, ControllerClientProperties properties) {
		this.controller = controller;
		this.queue = queue;
		this.properties = properties;
	}

	/**
	 * The jobs that finished (completed, failed or cancelled) between {@code from} and
	 * {@code to}.
	 * @param from the window's start
	 * @param to the window's end
	 * @return the jobs, with whether {@code max-jobs} cut the reading short
	 * @throws ControllerUnavailableException when the controller cannot be read
	 */
	public FinishedJobs finishedBetween(Instant from, Instant to) {
		Instant lookback = from.minus(this.properties.jobLookback());
		Instant createdAfter = this.queue.oldestUnfinishedBetween(from, to)
			.filter((oldest) -> oldest.isBefore(lookback))
			.orElse(lookback);
		return this.controller.finishedBetween(from, to, createdAfter);
	}

}

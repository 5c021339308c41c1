package io.dispycluster.controller.dispatch;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.dispycluster.controller.job.Job;
import io.dispycluster.controller.job.JobId;
import io.dispycluster.controller.job.JobQueue;
import io.dispycluster.controller.job.JobState;
import io.dispycluster.controller.worker.AssignmentStatus;
import io.dispycluster.controller.worker.AssignmentsConfirmed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Stops the attempts a worker still runs that the controller no longer counts on there:
 * each time a worker's {@code GET /assignments} is read, an attempt it lists whose job is
 * not active on that worker (cancelled, requeued after its lease expired, finished, given
 * to another worker) gets a stop naming that attempt; a job the controller does not know
 * is left alone. This delivers the stops that were decided but never sent (the controller
 * was killed just after a cancellation) or that did not get through, without keeping any
 * outbox: the worker's list is the record of what still runs.
 * <p>
 * A legitimate attempt is never taken for a stray one. The jobs are read after the list,
 * and an attempt reaches its worker only after its claim is committed, so an attempt the
 * worker lists was already on the job's row when the row was read: its job is active on
 * that worker unless the controller moved on since. An attempt whose job is active on
 * that worker in another attempt is left alone too: the list was read before the newer
 * attempt arrived, and the newer attempt replaces it on the worker (a stop would find
 * nothing to stop on a current worker, and would stop the newer attempt on one that
 * predates stops naming an attempt). If the newer one never arrives, the job goes back to
 * the queue and a later list finds the older one stray. Nor is an attempt stopped that
 * its worker just ended itself: it stays listed until its report is answered.
 */
@Component
class StrayAttempts {

	private static final Logger LOG = LoggerFactory.getLogger(StrayAttempts.class);

	private final JobQueue jobs;

	private final AssignmentSender sender;

	StrayAttempts(JobQueue jobs, AssignmentSender sender) {
		this.jobs = jobs;
		this.sender = sender;
	}

	@EventListener
	void on(AssignmentsConfirmed event) {
		if (event.assignments().isEmpty()) {
			return;
		}
		Set<String> activeHere = this.jobs.activeOn(event.node())
			.stream()
			.map((job) -> job.id().value())
			.collect(Collectors.toSet());
		for (AssignmentStatus assignment : event.assignments()) {
			// A list entry without a job or with no valid attempt names nothing to stop.
			boolean named = assignment.jobId() != null && !assignment.jobId().isBlank() && assignment.attempt() > 0;
			if (named && !activeHere.contains(assignment.jobId())
					&& stillToStop(new JobId(assignment.jobId()), assignment.attempt(), event)) {
				LOG.info("Worker runs an attempt the controller no longer counts on there, stopping it: job={} "
						+ "attempt={} node={}", assignment.jobId(), assignment.attempt(), event.node());
				this.sender.cancel(new JobId(assignment.jobId()), assignment.attempt(), event.node());
			}
		}
	}

	/**
	 * Whether a listed attempt whose job is not active on the worker is to be stopped.
	 * Not if the job is unknown. Not if the job ended in that attempt on that worker by
	 * its worker's report of success: the worker lists it only until the answer to that
	 * report reaches it. Not yet if the job ended in that attempt after the list was
	 * asked for: the list may predate the worker's own report; the next one tells.
	 */
	private boolean stillToStop(JobId id, int attempt, AssignmentsConfirmed event) {
		Optional<Job> found = this.jobs.find(id);
		if (found.isEmpty()) {
			// Not a job of this cluster (given to the worker by hand, or by another
			// cluster's controller): not the controller's to stop.
			return false;
		}
		Job job = found.get();
		if (job.attempt() != attempt || !event.node().equals(job.assignedWorker())) {
			return true;
		}
		if (job.state() == JobState.SUCCEEDED) {
			return false;
		}
		return job.completedAt() == null || job.completedAt().isBefore(event.readAt());
	}

}

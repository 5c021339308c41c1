package io.dispycluster.controller.dispatch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import io.dispycluster.controller.job.IllegalJobTransitionException;
import io.dispycluster.controller.job.Job;
import io.dispycluster.controller.job.JobNotFoundException;
import io.dispycluster.controller.job.JobQueue;
import io.dispycluster.controller.job.StaleAttemptException;
import io.dispycluster.controller.worker.AssignmentsConfirmed;
import io.dispycluster.controller.worker.WorkerProperties;
import io.dispycluster.support.requestid.RequestIdScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * After a start, puts back in the queue the attempts a previous run of the controller
 * claimed but whose assignment never reached the worker (the process stopped between the
 * claim and the send): as soon as a worker's {@code GET /assignments} is read, an active
 * attempt on it that it does not list and that was dispatched before this run started
 * goes back to the queue at once. It is not a lost attempt: the worker did nothing wrong.
 * <p>
 * The real worker lists every attempt it holds, those whose report is still on its way
 * included, so an attempt it does not list is not running there. An attempt claimed less
 * than {@code worker-timeout} before the read is left alone: another controller instance
 * (on PostgreSQL) may still be sending it. A worker whose list cannot be read is not
 * reconciled; its attempts wait for their leases as before.
 */
@Component
class UndeliveredAssignments {

	private static final Logger LOG = LoggerFactory.getLogger(UndeliveredAssignments.class);

	private final JobQueue jobs;

	private final Dispatcher dispatcher;

	private final Duration sendWindow;

	private final Clock clock;

	private final Instant started;

	/** The workers reconciled once no assignment of a previous run can be in flight. */
	private final Set<String> reconciled = ConcurrentHashMap.newKeySet();

	UndeliveredAssignments(JobQueue jobs, Dispatcher dispatcher, WorkerProperties workers, Clock clock) {
		this.jobs = jobs;
		this.dispatcher = dispatcher;
		this.sendWindow = workers.workerTimeout();
		this.clock = clock;
		this.started = clock.instant();
	}

	@EventListener
	void on(AssignmentsConfirmed event) {
		if (this.reconciled.contains(event.node())) {
			return;
		}
		Instant readAt = event.readAt();
		Instant cutoff = earliest(this.started, readAt.minus(this.sendWindow));
		Set<String> listed = event.assignments()
			.stream()
			.map((assignment) -> assignment.jobId() + "#" + assignment.attempt())
			.collect(Collectors.toSet());
		boolean returned = false;
		for (Job job : this.jobs.activeOn(event.node())) {
			boolean claimedBefore = job.startedAt() != null && job.startedAt().isBefore(cutoff);
			if (claimedBefore && !listed.contains(job.id().value() + "#" + job.attempt())) {
				returned |= giveBack(job, event.node());
			}
		}
		if (!cutoff.isBefore(this.started)) {
			// Every attempt of a previous run was looked at: nothing more to reconcile.
			this.reconciled.add(event.node());
		}
		if (returned) {
			this.dispatcher.nudge();
		}
	}

	private boolean giveBack(Job job, String node) {
		String reason = "assignment never reached " + node + " (the controller stopped before sending it)";
		try {
			this.jobs.modify(job.id(), (j) -> j.returnToQueue(job.attempt(), reason, this.clock.instant()));
			try (RequestIdScope scope = RequestIdScope.of(job.requestId())) {
				LOG.info("Job returned to queue: job={} attempt={} reason={}", job.id(), job.attempt(), reason);
			}
			return true;
		}
		catch (StaleAttemptException | IllegalJobTransitionException | JobNotFoundException ex) {
			LOG.debug("Undelivered attempt already handled: job={} attempt={}", job.id(), job.attempt());
			return false;
		}
	}

	private static Instant earliest(Instant a, Instant b) {
		return a.isBefore(b) ? a : b;
	}

}

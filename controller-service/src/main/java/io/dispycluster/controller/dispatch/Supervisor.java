package io.dispycluster.controller.dispatch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.stream.Collectors;

import io.dispycluster.controller.dispatch.DispatchMetrics.LossReason;
import io.dispycluster.controller.job.IllegalJobTransitionException;
import io.dispycluster.controller.job.Job;
import io.dispycluster.controller.job.JobId;
import io.dispycluster.controller.job.JobNotFoundException;
import io.dispycluster.controller.job.JobQueue;
import io.dispycluster.controller.job.StaleAttemptException;
import io.dispycluster.controller.worker.AssignmentStatus;
import io.dispycluster.controller.worker.AssignmentsConfirmed;
import io.dispycluster.controller.worker.WorkerClient;
import io.dispycluster.controller.worker.WorkerRestarted;
import io.dispycluster.controller.worker.WorkerWentOffline;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClientException;

/**
 * Keeps running jobs honest: requeues the jobs of a worker that went offline or restarted
 * and those whose lease expired, renews the leases a worker confirms, and fails with
 * reason {@code timeout} a job whose attempt runs past its budget plus the grace period.
 */
@Component
class Supervisor implements SchedulingConfigurer {

	private static final Logger LOG = LoggerFactory.getLogger(Supervisor.class);

	private final JobQueue jobs;

	private final Failover failover;

	private final AssignmentSender sender;

	private final Dispatcher dispatcher;

	private final DispatchProperties properties;

	private final DispatchMetrics metrics;

	private final WorkerClient workerClient;

	private final Clock clock;

	/**
	 * Before this instant no lease expires and no budget runs out: a lease or a grace
	 * period that ended while the controller was down measured the controller's silence,
	 * not the worker's, so each worker gets one whole lease after the start to send its
	 * progress or its report again (a crawl that ended within its budget included).
	 */
	private final Instant firstExpiry;

	Supervisor(JobQueue jobs, Failover failover, AssignmentSender sender, Dispatcher dispatcher,
			DispatchProperties properties, DispatchMetrics metrics, WorkerClient workerClient, Clock clock) {
		this.jobs = jobs;
		this.failover = failover;
		this.sender = sender;
		this.dispatcher = dispatcher;
		this.properties = properties;
		this.metrics = metrics;
		this.workerClient = workerClient;
		this.clock = clock;
		this.firstExpiry = clock.instant().plus(properties.leaseDuration());
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(this::sweep, this.properties.dispatchInterval());
	}

	/** One round: expired leases, then exhausted budgets. */
	void sweep() {
		if (this.clock.instant().isBefore(this.firstExpiry)) {
			return;
		}
		try {
			expireLeases();
			enforceBudgets();
		}
		catch (RuntimeException ex) {
			LOG.warn("Supervision round failed: {}", ex.toString());
		}
	}

	private void expireLeases() {
		Instant now = this.clock.instant();
		boolean requeued = false;
		for (Job job : this.jobs.leaseExpired(now)) {
			String node = String.valueOf(job.assignedWorker());
			requeued |= this.failover.attemptLost(job.id(), job.attempt(), LossReason.LEASE_EXPIRED,
					"no news from " + node + " within the lease");
			// The worker may still be crawling (a network split): stop it.
			this.sender.cancel(job.id(), job.attempt(), node);
		}
		if (requeued) {
			this.dispatcher.nudge();
		}
	}

	private void enforceBudgets() {
		Instant now = this.clock.instant();
		for (Job job : this.jobs.budgetEndedBefore(now.minus(this.properties.timeoutGrace()))) {
			try {
				Job failed = this.jobs.modify(job.id(), (j) -> j.timeOut(job.attempt(), this.clock.instant()));
				LOG.info("Job failed: job={} node={} reason=timeout", job.id(), job.assignedWorker());
				if (failed.durationMs() != null) {
					this.metrics.finished("failed", Duration.ofMillis(failed.durationMs()));
				}
				this.sender.cancel(job.id(), job.attempt(), String.valueOf(job.assignedWorker()));
			}
			catch (StaleAttemptException | IllegalJobTransitionException | JobNotFoundException ex) {
				LOG.debug("Timed-out attempt already finished: job={}", job.id());
			}
		}
	}

	@EventListener
	void on(WorkerWentOffline event) {
		boolean requeued = false;
		for (Job job : this.jobs.activeOn(event.node())) {
			requeued |= this.failover.attemptLost(job.id(), job.attempt(), LossReason.WORKER_OFFLINE,
					"worker " + event.node() + " offline (" + event.reason() + ")");
		}
		if (requeued) {
			this.dispatcher.nudge();
		}
	}

	/**
	 * A worker came back from a restart: the attempts its previous run held are lost now,
	 * not when their leases expire. Only those it does not list are: dispatch may have
	 * reached the new run before its registration did.
	 */
	@EventListener
	void on(WorkerRestarted event) {
		Set<JobId> running;
		try {
			running = this.workerClient.assignments(WorkerClient.at(event.url()))
				.stream()
				.map((assignment) -> new JobId(assignment.jobId()))
				.collect(Collectors.toSet());
		}
		catch (RestClientException ex) {
			LOG.info("Assignments of restarted worker not readable, its jobs wait for their leases: node={} reason={}",
					event.node(), WorkerClient.describe(ex));
			return;
		}
		boolean requeued = false;
		for (Job job : this.jobs.activeOn(event.node())) {
			boolean dispatchedBefore = job.startedAt() == null || job.startedAt().isBefore(event.registeredAt());
			if (dispatchedBefore && !running.contains(job.id())) {
				requeued |= this.failover.attemptLost(job.id(), job.attempt(), LossReason.WORKER_RESTARTED,
						"worker " + event.node() + " restarted");
			}
		}
		if (requeued) {
			this.dispatcher.nudge();
		}
	}

	@EventListener
	void on(AssignmentsConfirmed event) {
		Instant now = this.clock.instant();
		for (AssignmentStatus assignment : event.assignments()) {
			JobId id = new JobId(assignment.jobId());
			boolean current = this.jobs.find(id)
				.filter((job) -> event.node().equals(job.assignedWorker()))
				.filter((job) -> job.state().isActive() && job.attempt() == assignment.attempt())
				.isPresent();
			if (current) {
				try {
					this.jobs.modify(id,
							(job) -> job.renewLease(assignment.attempt(), now, this.properties.leaseDuration()));
				}
				catch (JobNotFoundException ex) {
					LOG.debug("Job deleted while renewing its lease: job={}", id);
				}
			}
		}
	}

}

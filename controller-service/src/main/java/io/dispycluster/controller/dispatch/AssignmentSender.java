package io.dispycluster.controller.dispatch;

import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;

import io.dispycluster.controller.dispatch.DispatchMetrics.LossReason;
import io.dispycluster.controller.job.IllegalJobTransitionException;
import io.dispycluster.controller.job.Job;
import io.dispycluster.controller.job.JobCancelled;
import io.dispycluster.controller.job.JobId;
import io.dispycluster.controller.job.JobNotFoundException;
import io.dispycluster.controller.job.JobQueue;
import io.dispycluster.controller.job.JobState;
import io.dispycluster.controller.job.StaleAttemptException;
import io.dispycluster.controller.system.DaemonThreads;
import io.dispycluster.controller.worker.Worker;
import io.dispycluster.controller.worker.WorkerClient;
import io.dispycluster.controller.worker.WorkerRegistry;
import io.dispycluster.model.job.ScrapeAssignment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/**
 * Sends assignments and cancellations to workers, a few at a time off the dispatch
 * thread, and acts on the answer: 202 → the job is the worker's; 503 → the worker is
 * full, the job goes back to the queue without losing an attempt; any other failure → the
 * attempt is lost (see {@link Failover}) and, on a transport error, the worker is
 * suspect.
 * <p>
 * At most {@value #MAX_IN_FLIGHT} assignments are on their way at once, and dispatch
 * claims no more jobs than there are free slots ({@link #freeSlots()}): a claimed job is
 * sent at once and never waits in a queue while its lease runs.
 */
@Component
class AssignmentSender implements DisposableBean {

	private static final Logger LOG = LoggerFactory.getLogger(AssignmentSender.class);

	static final int MAX_IN_FLIGHT = 16;

	private final JobQueue jobs;

	private final WorkerRegistry workers;

	private final WorkerClient client;

	private final Failover failover;

	private final Clock clock;

	private final ExecutorService pool;

	private final ExecutorService cancellations;

	private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);

	AssignmentSender(JobQueue jobs, WorkerRegistry workers, WorkerClient client, Failover failover, Clock clock) {
		this.jobs = jobs;
		this.workers = workers;
		this.client = client;
		this.failover = failover;
		this.clock = clock;
		this.pool = DaemonThreads.pool("assignment", MAX_IN_FLIGHT);
		this.cancellations = DaemonThreads.pool("cancellation", 2);
	}

	/** How many more assignments can be sent at once now. */
	int freeSlots() {
		return this.inFlight.availablePermits();
	}

	/**
	 * Sends a claimed job to its worker at once.
	 * @param job the job, dispatched to {@code worker}
	 * @param worker the worker
	 * @param onSlotFree what to do when the call is over and a slot is free again (run
	 * dispatch)
	 */
	void send(Job job, Worker worker, Runnable onSlotFree) {
		if (!this.inFlight.tryAcquire()) {
			// Cannot happen while dispatch claims at most freeSlots() jobs; the lease
			// will
			// expire and the job be requeued if it does.
			LOG.warn("No free slot to send an assignment: job={}", job.id());
			return;
		}
		try {
			this.pool.execute(() -> {
				try {
					deliver(job, worker);
				}
				finally {
					this.inFlight.release();
					onSlotFree.run();
				}
			});
		}
		catch (RejectedExecutionException ex) {
			this.inFlight.release();
			// Shutting down: the lease will expire and the job will be requeued.
			LOG.debug("Assignment not sent, shutting down: job={}", job.id());
		}
	}

	private void deliver(Job job, Worker worker) {
		ScrapeAssignment assignment = new ScrapeAssignment(job.id().value(), job.attempt(), job.spec().toScrapeSpec());
		try {
			this.client.assign(WorkerClient.at(worker.url()), assignment);
		}
		catch (RestClientResponseException ex) {
			refused(job, worker, ex);
			return;
		}
		catch (RestClientException ex) {
			String reason = WorkerClient.describe(ex);
			this.failover.attemptLost(job.id(), job.attempt(), LossReason.ASSIGNMENT_FAILED,
					"assignment to " + worker.node() + " failed: " + reason);
			this.workers.suspect(worker.node(), reason);
			return;
		}
		LOG.info("Job dispatched: job={} node={} attempt={}", job.id(), worker.node(), job.attempt());
		accepted(job, worker);
	}

	private void accepted(Job job, Worker worker) {
		// The job may have been cancelled while the assignment was on its way: make sure
		// the
		// worker does not keep crawling for nothing. (A plain read: accepting an
		// assignment
		// writes nothing; the worker's first progress report moves the job to running.)
		this.jobs.find(job.id())
			.filter((current) -> current.state() == JobState.CANCELLED && current.attempt() == job.attempt())
			.ifPresent((current) -> cancel(job.id(), worker.node()));
	}

	private void refused(Job job, Worker worker, RestClientResponseException ex) {
		if (ex.getStatusCode().value() == HttpStatus.SERVICE_UNAVAILABLE.value()) {
			try {
				this.jobs.modify(job.id(),
						(j) -> j.returnToQueue(job.attempt(), worker.node() + " is at capacity", this.clock.instant()));
			}
			catch (StaleAttemptException | IllegalJobTransitionException | JobNotFoundException stale) {
				LOG.debug("Refused assignment already handled: job={}", job.id());
			}
			this.workers.refused(worker.node(), "HTTP 503");
			LOG.debug("Worker full, job back in the queue: job={} node={}", job.id(), worker.node());
			return;
		}
		this.failover.attemptLost(job.id(), job.attempt(), LossReason.ASSIGNMENT_FAILED,
				"assignment refused by " + worker.node() + ": HTTP " + ex.getStatusCode().value());
	}

	@EventListener
	void on(JobCancelled event) {
		cancel(event.jobId(), event.node());
	}

	/**
	 * Tells a worker to stop a job, in the background; a worker that does not run it
	 * (404) or cannot be reached is ignored: a late report would be refused anyway.
	 * @param id the job
	 * @param node the worker
	 */
	void cancel(JobId id, String node) {
		try {
			this.cancellations.execute(() -> this.workers.find(node).ifPresent((worker) -> {
				try {
					this.client.cancel(WorkerClient.at(worker.url()), id.value());
					LOG.info("Cancellation sent: job={} node={}", id, node);
				}
				catch (HttpClientErrorException.NotFound ex) {
					LOG.debug("Worker does not run the job any more: job={} node={}", id, node);
				}
				catch (RestClientException ex) {
					LOG.warn("Cancellation not delivered: job={} node={} reason={}", id, node,
							WorkerClient.describe(ex));
				}
			}));
		}
		catch (RejectedExecutionException ex) {
			LOG.debug("Cancellation not sent, shutting down: job={}", id);
		}
	}

	@Override
	public void destroy() {
		DaemonThreads.shutdown(this.pool);
		DaemonThreads.shutdown(this.cancellations);
	}

}

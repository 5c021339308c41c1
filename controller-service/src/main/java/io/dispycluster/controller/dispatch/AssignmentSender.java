package io.dispycluster.controller.dispatch;

import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;

import io.dispycluster.controller.dispatch.DispatchMetrics.LossReason;
import io.dispycluster.controller.job.IllegalJobTransitionException;
import io.dispycluster.controller.job.Job;
import io.dispycluster.controller.job.JobCancelled;
import io.dispycluster.controller.job.JobId;
import io.dispycluster.controller.job.JobNotFoundException;
import io.dispycluster.controller.job.JobQueue;
import io.dispycluster.controller.job.StaleAttemptException;
import io.dispycluster.controller.system.DaemonThreads;
import io.dispycluster.controller.worker.Worker;
import io.dispycluster.controller.worker.WorkerClient;
import io.dispycluster.controller.worker.WorkerRegistry;
import io.dispycluster.support.requestid.RequestIdScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

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
 * attempt is lost (see {@link Failover}); on a transport error the worker is suspect, on
 * another refusal it is passed over for the job's next attempt ({@link Refusals}).
 * <p>
 * At most {@value #SENDERS} assignments are on their way at once; the others of a
 * dispatch pass wait their turn in memory. They are few (a pass claims no more jobs than
 * the workers have free slots) and each call takes milliseconds, far less than the lease
 * a claimed job holds; a job whose assignment is lost with the process goes back to the
 * queue after the restart ({@link UndeliveredAssignments}).
 */
@Component
class AssignmentSender implements DisposableBean {

	private static final Logger LOG = LoggerFactory.getLogger(AssignmentSender.class);

	static final int SENDERS = 16;

	private final JobQueue jobs;

	private final WorkerRegistry workers;

	private final WorkerClient client;

	private final Failover failover;

	private final Refusals refusals;

	private final JsonMapper json;

	private final Clock clock;

	private final ExecutorService pool;

	private final ExecutorService cancellations;

	AssignmentSender(JobQueue jobs, WorkerRegistry workers, WorkerClient client, Failover failover, Refusals refusals,
			JsonMapper json, Clock clock) {
		this.jobs = jobs;
		this.workers = workers;
		this.client = client;
		this.failover = failover;
		this.refusals = refusals;
		this.json = json;
		this.clock = clock;
		this.pool = DaemonThreads.pool("assignment", SENDERS);
		this.cancellations = DaemonThreads.pool("cancellation", 2);
	}

	/**
	 * Sends a claimed job to its worker, in the background.
	 * @param job the job, dispatched to {@code worker}
	 * @param worker the worker
	 * @param onReturned what to do when the worker was full and the job went back to the
	 * queue (run dispatch again)
	 */
	void send(Job job, Worker worker, Runnable onReturned) {
		try {
			this.pool.execute(() -> {
				if (deliverUnderRequestId(job, worker)) {
					onReturned.run();
				}
			});
		}
		catch (RejectedExecutionException ex) {
			// Shutting down: the lease will expire and the job will be requeued.
			LOG.debug("Assignment not sent, shutting down: job={}", job.id());
		}
	}

	/**
	 * Sends the assignment with the job's request id in the logging context, so that the
	 * lines about its dispatch (and its requeue, if the worker refuses it) carry it.
	 */
	private boolean deliverUnderRequestId(Job job, Worker worker) {
		try (RequestIdScope scope = RequestIdScope.of(job.requestId())) {
			return deliver(job, worker);
		}
	}

	/** Sends the assignment; true if the job went back to the queue at once. */
	private boolean deliver(Job job, Worker worker) {
		try {
			this.client.assign(WorkerClient.at(worker.url()), job.requestId(), AssignmentBody.of(job, this.json));
		}
		catch (RestClientResponseException ex) {
			return refused(job, worker, ex);
		}
		catch (RestClientException ex) {
			String reason = WorkerClient.describe(ex);
			this.failover.attemptLost(job.id(), job.attempt(), LossReason.ASSIGNMENT_FAILED,
					"assignment to " + worker.node() + " failed: " + reason);
			this.workers.suspect(worker.node(), reason);
			return false;
		}
		LOG.info("Job dispatched: job={} node={} attempt={}", job.id(), worker.node(), job.attempt());
		this.refusals.accepted(job.id());
		accepted(job, worker);
		return false;
	}

	private void accepted(Job job, Worker worker) {
		// The job may have been cancelled while the assignment was on its way (and even
		// retried and given to another worker): make sure this worker does not keep
		// crawling for nothing. (A plain read: accepting an assignment writes nothing;
		// the worker's first progress report moves the job to running.)
		if (this.jobs.isCancelled(job.id(), job.attempt()) || supersededElsewhere(job, worker)) {
			cancel(job.id(), job.attempt(), worker.node());
		}
	}

	/**
	 * Whether a newer attempt of the job is on another worker. (On this one the newer
	 * attempt replaces the older itself, and a worker that predates stops naming an
	 * attempt would stop the newer one.)
	 */
	private boolean supersededElsewhere(Job sent, Worker worker) {
		return this.jobs.find(sent.id())
			.filter((now) -> now.attempt() > sent.attempt() && !worker.node().equals(now.assignedWorker()))
			.isPresent();
	}

	private boolean refused(Job job, Worker worker, RestClientResponseException ex) {
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
			return true;
		}
		if (ex.getStatusCode().value() == HttpStatus.CONFLICT.value()) {
			// The worker already runs a newer attempt of the job (this one was overtaken
			// on
			// its way there, after a cancel and retry): no refusal of the job, which that
			// newer attempt shows the worker takes. The attempt is lost if still current.
			this.failover.attemptLost(job.id(), job.attempt(), LossReason.ASSIGNMENT_FAILED,
					"assignment overtaken on " + worker.node() + " by a newer attempt");
			return false;
		}
		// Refused as invalid for this worker: the next attempt goes to another one first.
		this.refusals.refused(job.id(), worker.node());
		String problem = WorkerProblem.summary(ex.getResponseBodyAsString(), this.json);
		this.failover.attemptLost(job.id(), job.attempt(), LossReason.ASSIGNMENT_FAILED,
				"assignment refused by " + worker.node() + ": HTTP " + ex.getStatusCode().value()
						+ (problem.isEmpty() ? "" : " (" + problem + ")"));
		return false;
	}

	@EventListener
	void on(JobCancelled event) {
		cancel(event.jobId(), event.attempt(), event.node());
	}

	/**
	 * Tells a worker to stop one attempt at a job, in the background; a worker that does
	 * not run that attempt (404) or cannot be reached is ignored here: a late report
	 * would be refused anyway, and a worker that still lists the attempt is told again
	 * ({@link StrayAttempts}).
	 * @param id the job
	 * @param attempt the attempt to stop: a newer attempt of the job on the same worker
	 * keeps running
	 * @param node the worker
	 */
	void cancel(JobId id, int attempt, String node) {
		try {
			this.cancellations.execute(() -> this.workers.find(node).ifPresent((worker) -> {
				try {
					this.client.cancel(WorkerClient.at(worker.url()), id.value(), attempt);
					LOG.info("Cancellation sent: job={} attempt={} node={}", id, attempt, node);
				}
				catch (HttpClientErrorException.NotFound ex) {
					LOG.debug("Worker does not run the attempt any more: job={} attempt={} node={}", id, attempt, node);
				}
				catch (RestClientException ex) {
					LOG.warn("Cancellation not delivered: job={} attempt={} node={} reason={}", id, attempt, node,
							WorkerClient.describe(ex));
				}
			}));
		}
		catch (RejectedExecutionException ex) {
			LOG.debug("Cancellation not sent, shutting down: job={} attempt={}", id, attempt);
		}
	}

	@Override
	public void destroy() {
		DaemonThreads.shutdown(this.pool);
		DaemonThreads.shutdown(this.cancellations);
	}

}

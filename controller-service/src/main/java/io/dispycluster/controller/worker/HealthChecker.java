package io.dispycluster.controller.worker;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.dispycluster.controller.system.DaemonThreads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClientException;

/**
 * Checks every worker's {@code GET /health} on an interval (and on demand, for a ping),
 * several at a time so that a slow node does not delay the others. After a successful
 * check it also reads the worker's {@code GET /assignments}, so the leases of the jobs it
 * runs are renewed.
 */
@Component
class HealthChecker implements SchedulingConfigurer, DisposableBean {

	private static final Logger LOG = LoggerFactory.getLogger(HealthChecker.class);

	private final WorkerRegistry registry;

	private final WorkerClient client;

	private final WorkerProperties properties;

	private final WorkerMetrics metrics;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final ExecutorService pool;

	HealthChecker(WorkerRegistry registry, WorkerClient client, WorkerProperties properties, WorkerMetrics metrics,
			ApplicationEventPublisher events, Clock clock) {
		this.registry = registry;
		this.client = client;
		this.properties = properties;
		this.metrics = metrics;
		this.events = events;
		this.clock = clock;
		this.pool = DaemonThreads.pool("health-check", 4);
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		registrar.addFixedDelayTask(this::checkAll, this.properties.healthCheckInterval());
	}

	/** Checks every known worker once and waits for the answers (or their timeouts). */
	void checkAll() {
		List<Future<PingResult>> checks = this.registry.all()
			.stream()
			.map((worker) -> this.pool.submit(() -> check(worker)))
			.toList();
		long waitMs = 3 * this.properties.workerTimeout().toMillis();
		for (Future<PingResult> check : checks) {
			try {
				check.get(waitMs, TimeUnit.MILLISECONDS);
			}
			catch (ExecutionException | TimeoutException ex) {
				LOG.warn("Health check did not finish: {}", ex.toString());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
		this.metrics.refresh(this.registry.views());
	}

	/**
	 * Checks one worker and records the outcome. A worker whose address answers with
	 * another node's name fails the check.
	 * @param worker the worker
	 * @return online with the response time, or offline with the reason
	 */
	PingResult check(Worker worker) {
		long start = System.nanoTime();
		try {
			JsonNode health = this.client.health(WorkerClient.at(worker.url()));
			double seconds = (System.nanoTime() - start) / 1e9;
			String other = HealthReport.otherNode(health, worker.node());
			if (other != null) {
				// Another worker answers at this address (this one was renamed, or the
				// address given to another): its health and its list are not this
				// worker's, and its attempts are not to be taken for this one's.
				return failed(worker, "answers as node " + other);
			}
			if (this.registry.healthy(worker, HealthReport.from(health), this.clock.instant())) {
				// Not for an old address: its list would speak of another process.
				confirmAssignments(worker);
			}
			return PingResult.online(seconds);
		}
		catch (RestClientException ex) {
			return failed(worker, WorkerClient.describe(ex));
		}
	}

	private PingResult failed(Worker worker, String reason) {
		LOG.debug("Health check failed: node={} reason={}", worker.node(), reason);
		this.registry.failedCheck(worker, reason, this.properties.offlineAfterFailures());
		return PingResult.offline(reason);
	}

	private void confirmAssignments(Worker worker) {
		try {
			Instant readAt = this.clock.instant();
			List<AssignmentStatus> assignments = this.client.assignments(WorkerClient.at(worker.url()));
			// An empty list is news too (nothing runs there); a missing body is not.
			if (assignments != null) {
				this.events.publishEvent(new AssignmentsConfirmed(worker.node(), assignments, readAt));
			}
		}
		catch (RestClientException ex) {
			LOG.debug("Assignments not readable: node={} reason={}", worker.node(), WorkerClient.describe(ex));
		}
	}

	@Override
	public void destroy() {
		DaemonThreads.shutdown(this.pool);
	}

}

package io.dispycluster.worker.report;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.dispycluster.model.worker.WorkerRegistration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the worker registered: it registers, then registers again every interval, so that
 * a controller started after the worker, or one that lost track of it, learns of it. The
 * controller treats a registration as an upsert. Until the controller accepts, the
 * registration is retried sooner, with the report backoff (capped at the interval). An
 * outage is logged once when it starts and once when it ends, not at every attempt.
 */
final class RegistrationLoop {

	private static final Logger LOG = LoggerFactory.getLogger(RegistrationLoop.class);

	private final WorkerRegistration registration;

	private final ControllerReports reports;

	private final ScheduledExecutorService scheduler;

	private final ReportProperties properties;

	private final Duration interval;

	private Duration backoff;

	private boolean registered;

	private boolean failing;

	RegistrationLoop(WorkerRegistration registration, ControllerReports reports, ScheduledExecutorService scheduler,
			ReportProperties properties, Duration interval) {
		this.registration = registration;
		this.reports = reports;
		this.scheduler = scheduler;
		this.properties = properties;
		this.interval = interval;
		this.backoff = min(properties.initialBackoff(), interval);
	}

	void start() {
		schedule(Duration.ZERO);
	}

	private void attempt() {
		Answer answer = this.reports.registerOnce(this.registration);
		if (answer == Answer.ACCEPTED) {
			accepted();
			schedule(this.interval);
		}
		else {
			failed(answer);
			schedule(this.backoff);
			this.backoff = min(min(this.backoff.multipliedBy(2), this.properties.maxBackoff()), this.interval);
		}
	}

	private void accepted() {
		if (!this.registered) {
			LOG.info("Node {} registered with the controller; registering again every {} s", this.registration.node(),
					this.interval.toSeconds());
		}
		else if (this.failing) {
			LOG.info("Node {} registered with the controller again", this.registration.node());
		}
		this.registered = true;
		this.failing = false;
		this.backoff = min(this.properties.initialBackoff(), this.interval);
	}

	private void failed(Answer answer) {
		if (this.failing) {
			LOG.debug("Registration of node {}: still failing ({})", this.registration.node(), answer);
			return;
		}
		this.failing = true;
		if (answer == Answer.UNAVAILABLE) {
			LOG.warn("Registration of node {}: controller unavailable, retrying in the background (logged once "
					+ "until it answers)", this.registration.node());
		}
		else if (answer == Answer.NOT_CURRENT) {
			// 409: another worker that still runs registered this node name first
			LOG.warn("Registration of node {}: refused by the controller, another running worker uses this node name "
					+ "(dispycluster.worker.node-name must differ on every worker; the controller's log names it), "
					+ "retrying in the background (logged once until it is accepted)", this.registration.node());
		}
		else {
			LOG.warn(
					"Registration of node {}: refused by the controller ({}; is dispycluster.security.internal-token "
							+ "the cluster's?), retrying in the background (logged once until it is accepted)",
					this.registration.node(), answer);
		}
	}

	private void schedule(Duration delay) {
		try {
			this.scheduler.schedule(this::attempt, delay.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (RejectedExecutionException ex) {
			LOG.debug("Registration of node {}: stopped, the worker is shutting down", this.registration.node());
		}
	}

	private static Duration min(Duration a, Duration b) {
		return (a.compareTo(b) <= 0) ? a : b;
	}

}

package io.dispycluster.worker.assignment;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.dispycluster.worker.WorkerProperties;
import io.dispycluster.worker.report.Answer;
import io.dispycluster.worker.report.ControllerReports;
import io.dispycluster.worker.report.ReportProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Sends each running job's progress to the controller at a fixed interval. Progress also
 * tells the controller the worker is still on the job; when the controller answers that
 * the attempt is no longer current, the job is stopped.
 */
@Component
class ProgressTicker {

	private static final Logger LOG = LoggerFactory.getLogger(ProgressTicker.class);

	private final Assignments assignments;

	private final ControllerReports reports;

	private final ReportProperties properties;

	private final WorkerProperties worker;

	private final ScheduledExecutorService scheduler;

	ProgressTicker(Assignments assignments, ControllerReports reports, ReportProperties properties,
			WorkerProperties worker, ScheduledExecutorService controllerCallScheduler) {
		this.assignments = assignments;
		this.reports = reports;
		this.properties = properties;
		this.worker = worker;
		this.scheduler = controllerCallScheduler;
	}

	@EventListener(ApplicationReadyEvent.class)
	void start() {
		long interval = this.properties.progressInterval().toMillis();
		this.scheduler.scheduleWithFixedDelay(this::tick, interval, interval, TimeUnit.MILLISECONDS);
	}

	void tick() {
		for (RunningAssignment assignment : this.assignments.runningNow()) {
			try {
				send(assignment);
			}
			catch (RuntimeException ex) {
				// A failed tick must not end the schedule.
				LOG.warn("Progress of job {} not sent", assignment.jobId(), ex);
			}
		}
	}

	private void send(RunningAssignment assignment) {
		if (assignment.isStale()) {
			return;
		}
		Answer answer = this.reports.progress(assignment.jobId(), assignment.progress(this.worker.nodeName()));
		if (answer == Answer.NOT_CURRENT) {
			this.assignments.abandon(assignment);
		}
	}

}

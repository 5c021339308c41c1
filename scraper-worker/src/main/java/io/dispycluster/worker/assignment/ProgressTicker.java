package io.dispycluster.worker.assignment;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.dispycluster.model.job.AttemptProgress;
import io.dispycluster.support.requestid.RequestIdScope;
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
 * Sends each running job's progress to the controller: within a second of a change (a
 * page crawled, another URL fetched), and at least every progress interval without one.
 * Progress also tells the controller the worker is still on the job; when the controller
 * answers that the attempt is no longer current, the job is stopped.
 * <p>
 * Sent only at the interval, progress lagged a whole interval behind the crawl: a job
 * started just after a tick was shown by the controller at 0 pages with no current URL
 * for up to 5 s, however many pages it had crawled by then.
 */
@Component
class ProgressTicker {

	private static final Logger LOG = LoggerFactory.getLogger(ProgressTicker.class);

	/** How often the jobs are looked at for news. */
	private static final Duration LOOK_EVERY = Duration.ofSeconds(1);

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
		Duration interval = this.properties.progressInterval();
		long period = Math.min(interval.toMillis(), LOOK_EVERY.toMillis());
		this.scheduler.scheduleWithFixedDelay(this::tick, period, period, TimeUnit.MILLISECONDS);
	}

	void tick() {
		for (RunningAssignment assignment : this.assignments.runningNow()) {
			// The job's request id, for the lines logged about its progress.
			try (RequestIdScope scope = RequestIdScope.of(assignment.requestId())) {
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
		AttemptProgress progress = assignment.progressDue(this.worker.nodeName(), System.nanoTime(),
				this.properties.progressInterval());
		if (progress == null) {
			return;
		}
		Answer answer = this.reports.progress(assignment.jobId(), assignment.requestId(), progress);
		if (answer == Answer.NOT_CURRENT) {
			this.assignments.abandon(assignment);
		}
	}

}

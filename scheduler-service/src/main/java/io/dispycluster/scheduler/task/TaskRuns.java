package io.dispycluster.scheduler.task;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.quartz.JobKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.dispycluster.scheduler.history.HistoryPurge;
import io.dispycluster.scheduler.history.HistorySource;
import io.dispycluster.scheduler.history.ManualRun;
import io.dispycluster.scheduler.history.RunCounter;
import io.dispycluster.scheduler.history.RunStatus;
import io.dispycluster.scheduler.schedule.Fire;
import io.dispycluster.scheduler.schedule.MissedFireListener;
import io.dispycluster.scheduler.schedule.Schedules;
import io.dispycluster.scheduler.scrape.Scrapes;
import io.dispycluster.scheduler.system.Ids;
import io.dispycluster.scheduler.system.RunAdvancer;
import io.dispycluster.scheduler.system.RunLoop;
import io.dispycluster.scheduler.system.RunProperties;
import io.dispycluster.scheduler.task.TaskRunRepository.FinishedScrape;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The runs of tasks. A run starts when the task fires (or a user asks): it stores a
 * scrape for the controller and returns at once. The {@link RunLoop} then submits the
 * batch and follows its jobs, and this class ends the run, on a later tick, with the
 * jobs' real outcome: {@code completed} only if every job completed.
 */
@Component
@Order(20)
class TaskRuns implements RunAdvancer, MissedFireListener, HistorySource {

	private static final Logger LOG = LoggerFactory.getLogger(TaskRuns.class);

	private final TaskRepository tasks;

	private final TaskRunRepository runs;

	private final Scrapes scrapes;

	private final Ids ids;

	private final RunLoop loop;

	private final TransactionTemplate transaction;

	private final HistoryPurge purge;

	private final RunCounter counter;

	private final Clock clock;

	TaskRuns(TaskRepository tasks, TaskRunRepository runs, Scrapes scrapes, Ids ids, RunLoop loop,
			RunProperties properties, TransactionTemplate transaction, MeterRegistry meters, Clock clock) {
		this.tasks = tasks;
		this.runs = runs;
		this.scrapes = scrapes;
		this.ids = ids;
		this.loop = loop;
		this.transaction = transaction;
		this.purge = new HistoryPurge("task runs", runs, properties.historyRetention());
		this.counter = new RunCounter(meters, "task");
		this.clock = clock;
	}

	/** The task's schedule fired. */
	@Transactional
	public void fired(Fire fire) {
		String taskId = fire.id();
		Optional<StoredTask> found = this.tasks.lock(taskId);
		if (found.isEmpty() || !found.get().enabled()) {
			LOG.info("Fire ignored, the task is gone or disabled: task={}", taskId);
			return;
		}
		StoredTask task = found.get();
		Instant now = this.clock.instant();
		RunTrigger trigger = fire.catchUp() ? RunTrigger.CATCH_UP : RunTrigger.SCHEDULE;
		if (!task.allowConcurrentRuns() && this.runs.running(taskId).isPresent()) {
			LOG.info("Fire skipped, the previous run is still running: task={}", taskId);
			this.runs.insert(this.ids.nextNumber(), task, null, trigger, fire.scheduledFor(), RunStatus.SKIPPED, now,
					null, "la précédente exécution est encore en cours");
			this.counter.count(RunStatus.SKIPPED);
			return;
		}
		start(task, trigger, fire.scheduledFor(), now);
	}

	/**
	 * A user asked to run the task now.
	 * @return the run, and whether it was already running (then no new run starts)
	 * @throws TaskNotFoundException if there is no such task
	 * @throws TaskDisabledException if the task is disabled
	 */
	@Transactional
	public ManualRun runNow(String taskId) {
		StoredTask task = this.tasks.lock(taskId).orElseThrow(() -> new TaskNotFoundException(taskId));
		if (!task.enabled()) {
			throw new TaskDisabledException(taskId);
		}
		Optional<Long> running = this.runs.running(taskId);
		if (!task.allowConcurrentRuns() && running.isPresent()) {
			return new ManualRun(running.get(), true);
		}
		return new ManualRun(start(task, RunTrigger.MANUAL, null, this.clock.instant()), false);
	}

	private long start(StoredTask task, RunTrigger trigger, @Nullable Instant scheduledFor, Instant now) {
		long runId = this.ids.nextNumber();
		long scrapeId = this.scrapes.request(task.id() + "/run_" + runId, task.definition(now).batch(), now);
		this.runs.insert(runId, task, task.runCount() + 1, trigger, scheduledFor, RunStatus.RUNNING, now, scrapeId,
				null);
		this.tasks.runStarted(task.id(), now);
		LOG.info("Task run started: task={} run=run_{} trigger={} urls={}", task.id(), runId,
				trigger.name().toLowerCase(), task.urls().size());
		this.loop.wakeUp();
		return runId;
	}

	@Override
	public void advance(Instant now) {
		for (FinishedScrape finished : this.runs.withFinishedScrape()) {
			this.transaction.executeWithoutResult((status) -> finish(finished, now));
		}
		this.purge.purgeIfDue(now);
	}

	private void finish(FinishedScrape finished, Instant now) {
		RunStatus status = finished.completed() ? RunStatus.COMPLETED : RunStatus.FAILED;
		if (!this.runs.finishRun(finished.runId(), status, finished.error(), now)) {
			return;
		}
		boolean othersRunning = this.runs.running(finished.taskId()).isPresent();
		this.tasks.runFinished(finished.taskId(), finished.completed(), othersRunning);
		this.counter.count(status);
		LOG.info("Task run finished: task={} run=run_{} status={} jobs_completed={} jobs_failed={} pages={}",
				finished.taskId(), finished.runId(), status.name().toLowerCase(), finished.jobsCompleted(),
				finished.jobsFailed(), finished.pagesCrawled());
	}

	@Override
	@Transactional
	public void skipped(JobKey job, Instant missedAt, Instant now) {
		if (!Schedules.TASK_GROUP.equals(job.getGroup())) {
			return;
		}
		this.tasks.find(job.getName()).ifPresent((task) -> {
			this.runs.insert(this.ids.nextNumber(), task, null, RunTrigger.CATCH_UP, missedAt, RunStatus.SKIPPED, now,
					null, "exécution manquée pendant l'arrêt du service, au-delà du délai de grâce");
			this.counter.count(RunStatus.SKIPPED);
		});
	}

	@Override
	public List<TaskRunEntry> latest(int limit) {
		return this.runs.latest(limit);
	}

}

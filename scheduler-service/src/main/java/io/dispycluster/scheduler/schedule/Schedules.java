package io.dispycluster.scheduler.schedule;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.impl.matchers.GroupMatcher;
import org.quartz.spi.OperableTrigger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The one place that talks to Quartz: one durable job per task or workflow (named by its
 * id, in the group {@code task} or {@code workflow}) with the triggers of its schedule.
 * Calls made inside a Spring transaction take part in it, so a task and its triggers are
 * stored together or not at all.
 */
@Component
public class Schedules {

	/** The Quartz group of the tasks' jobs. */
	public static final String TASK_GROUP = "task";

	/** The Quartz group of the workflows' jobs. */
	public static final String WORKFLOW_GROUP = "workflow";

	/**
	 * Trigger data: the missed fire time (epoch milliseconds) a catch-up fire stands for.
	 */
	public static final String MISSED_AT = "missed_at";

	private static final Logger LOG = LoggerFactory.getLogger(Schedules.class);

	private static final String DESCRIPTION = "schedule";

	private final Scheduler quartz;

	Schedules(Scheduler quartz) {
		this.quartz = quartz;
	}

	/**
	 * Gives a job the triggers of a schedule, replacing any it had.
	 * @param job the job's key
	 * @param type the Quartz job class
	 * @param spec the schedule
	 * @param from the first fire is after this time
	 */
	public void schedule(JobKey job, Class<? extends Job> type, ScheduleSpec spec, Instant from) {
		try {
			this.quartz.addJob(JobBuilder.newJob(type)
				.withIdentity(job)
				.storeDurably()
				.usingJobData(DESCRIPTION, spec.describe())
				.build(), true);
			removeTriggers(job);
			for (Trigger trigger : spec.triggers(job, from)) {
				if (((OperableTrigger) trigger).computeFirstFireTime(null) != null) {
					this.quartz.scheduleJob(trigger);
				}
			}
			wakeQuartzAfterCommit(job);
		}
		catch (SchedulerException ex) {
			throw new IllegalStateException("Quartz could not schedule " + job, ex);
		}
	}

	/** Removes a job and its triggers: it will not fire again. */
	public void remove(JobKey job) {
		try {
			this.quartz.deleteJob(job);
		}
		catch (SchedulerException ex) {
			throw new IllegalStateException("Quartz could not remove " + job, ex);
		}
	}

	/**
	 * Quartz looks for new triggers when told of them, but inside a transaction it is
	 * told before they are committed and then idles for up to 30 s; tell it again after
	 * the commit.
	 */
	private void wakeQuartzAfterCommit(JobKey job) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					try {
						// Resuming a job that is not paused changes nothing but wakes
						// Quartz up.
						Schedules.this.quartz.resumeJob(job);
					}
					catch (SchedulerException ex) {
						LOG.debug("Could not wake Quartz up for {}: {}", job, ex.getMessage());
					}
				}
			});
		}
	}

	/**
	 * Whether a fire is one of several Quartz makes in a row to catch up with a trigger
	 * that fell behind (its next fire is already due): only the last of them should run.
	 */
	public static boolean isCatchingUp(JobExecutionContext context) {
		Date next = context.getNextFireTime();
		return next != null && next.before(new Date()) && context.getMergedJobDataMap().getString(MISSED_AT) == null;
	}

	private void removeTriggers(JobKey job) throws SchedulerException {
		for (Trigger trigger : this.quartz.getTriggersOfJob(job)) {
			this.quartz.unscheduleJob(trigger.getKey());
		}
	}

	/** The next time a job fires, or null if it will not. */
	public @Nullable Instant nextFireTime(JobKey job) {
		try {
			return this.quartz.getTriggersOfJob(job)
				.stream()
				.map(Trigger::getNextFireTime)
				.filter((next) -> next != null)
				.min(Date::compareTo)
				.map(Date::toInstant)
				.orElse(null);
		}
		catch (SchedulerException ex) {
			throw new IllegalStateException("Quartz could not read the triggers of " + job, ex);
		}
	}

	/** Every job that will fire, soonest first. */
	public List<UpcomingFire> upcoming() {
		try {
			List<UpcomingFire> upcoming = new ArrayList<>();
			for (String group : List.of(TASK_GROUP, WORKFLOW_GROUP)) {
				for (JobKey job : this.quartz.getJobKeys(GroupMatcher.jobGroupEquals(group))) {
					Instant next = nextFireTime(job);
					if (next != null) {
						String description = this.quartz.getJobDetail(job).getJobDataMap().getString(DESCRIPTION);
						upcoming.add(new UpcomingFire(job, next, (description != null) ? description : ""));
					}
				}
			}
			upcoming.sort(Comparator.comparing(UpcomingFire::nextRun));
			return upcoming;
		}
		catch (SchedulerException ex) {
			throw new IllegalStateException("Quartz could not list its jobs", ex);
		}
	}

	/** Whether Quartz is started and firing (not in stand-by, not shut down). */
	public boolean running() {
		try {
			return this.quartz.isStarted() && !this.quartz.isInStandbyMode() && !this.quartz.isShutdown();
		}
		catch (SchedulerException ex) {
			return false;
		}
	}

	/**
	 * A job that will fire.
	 *
	 * @param job the job
	 * @param nextRun when
	 * @param schedule its schedule, described
	 */
	public record UpcomingFire(JobKey job, Instant nextRun, String schedule) {
	}

}

package io.dispycluster.scheduler.status;

import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.impl.matchers.GroupMatcher;

import io.dispycluster.scheduler.schedule.Schedules;

import org.springframework.stereotype.Component;

/**
 * What Quartz is doing, for the health answer and the metrics: whether it fires triggers,
 * and how many tasks and workflows have a trigger that will fire.
 */
@Component
class QuartzState {

	private final Scheduler quartz;

	QuartzState(Scheduler quartz) {
		this.quartz = quartz;
	}

	/** Whether Quartz is started and firing (not in stand-by, not shut down). */
	boolean running() {
		try {
			return this.quartz.isStarted() && !this.quartz.isInStandbyMode() && !this.quartz.isShutdown();
		}
		catch (SchedulerException ex) {
			return false;
		}
	}

	long scheduledTasks() {
		return scheduledJobs(Schedules.TASK_GROUP);
	}

	private long scheduledJobs(String group) {
		try {
			long count = 0;
			for (JobKey job : this.quartz.getJobKeys(GroupMatcher.jobGroupEquals(group))) {
				if (!this.quartz.getTriggersOfJob(job).isEmpty()) {
					count++;
				}
			}
			return count;
		}
		catch (SchedulerException ex) {
			throw new IllegalStateException("Quartz cannot list its jobs", ex);
		}
	}

}

package io.dispycluster.scheduler.task;

import java.time.Instant;

import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.dispycluster.scheduler.schedule.Schedules;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.quartz.QuartzJobBean;

/**
 * What Quartz runs when a task's trigger fires: it only records the run's start (a quick
 * database write), so two Quartz threads are plenty.
 */
class TaskFireJob extends QuartzJobBean {

	private static final Logger LOG = LoggerFactory.getLogger(TaskFireJob.class);

	private TaskRuns runs;

	@Autowired
	void setRuns(TaskRuns runs) {
		this.runs = runs;
	}

	@Override
	protected void executeInternal(JobExecutionContext context) {
		if (Schedules.isCatchingUp(context)) {
			LOG.debug("Fire dropped, the trigger is catching up: task={}", context.getJobDetail().getKey().getName());
			return;
		}
		String missedAt = context.getMergedJobDataMap().getString(Schedules.MISSED_AT);
		Instant scheduledFor = (missedAt != null) ? Instant.ofEpochMilli(Long.parseLong(missedAt))
				: context.getScheduledFireTime().toInstant();
		this.runs.fired(context.getJobDetail().getKey().getName(), scheduledFor, missedAt != null);
	}

}

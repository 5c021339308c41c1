package io.dispycluster.scheduler.task;

import org.quartz.JobExecutionContext;

import io.dispycluster.scheduler.schedule.Fire;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.quartz.QuartzJobBean;

/**
 * What Quartz runs when a task's trigger fires: it only records the run's start (a quick
 * database write), so two Quartz threads are plenty.
 */
class TaskFireJob extends QuartzJobBean {

	private TaskRuns runs;

	@Autowired
	void setRuns(TaskRuns runs) {
		this.runs = runs;
	}

	@Override
	protected void executeInternal(JobExecutionContext context) {
		Fire.of(context).ifPresent(this.runs::fired);
	}

}

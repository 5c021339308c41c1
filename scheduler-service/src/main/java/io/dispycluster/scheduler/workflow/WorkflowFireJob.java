package io.dispycluster.scheduler.workflow;

import org.quartz.JobExecutionContext;

import io.dispycluster.scheduler.schedule.Fire;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.quartz.QuartzJobBean;

/**
 * What Quartz runs when a workflow's trigger fires: it only records the run's start.
 */
class WorkflowFireJob extends QuartzJobBean {

	private WorkflowRuns runs;

	@Autowired
	void setRuns(WorkflowRuns runs) {
		this.runs = runs;
	}

	@Override
	protected void executeInternal(JobExecutionContext context) {
		Fire.of(context).ifPresent(this.runs::fired);
	}

}

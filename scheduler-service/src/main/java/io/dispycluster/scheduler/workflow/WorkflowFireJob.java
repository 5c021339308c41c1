package io.dispycluster.scheduler.workflow;

import java.time.Instant;

import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.dispycluster.scheduler.schedule.Schedules;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.quartz.QuartzJobBean;

/**
 * What Quartz runs when a workflow's trigger fires: it only records the run's start.
 */
class WorkflowFireJob extends QuartzJobBean {

	private static final Logger LOG = LoggerFactory.getLogger(WorkflowFireJob.class);

	private WorkflowRuns runs;

	@Autowired
	void setRuns(WorkflowRuns runs) {
		this.runs = runs;
	}

	@Override
	protected void executeInternal(JobExecutionContext context) {
		String workflowId = context.getJobDetail().getKey().getName();
		if (Schedules.isCatchingUp(context)) {
			LOG.debug("Fire dropped, the trigger is catching up: workflow={}", workflowId);
			return;
		}
		String missedAt = context.getMergedJobDataMap().getString(Schedules.MISSED_AT);
		Instant scheduledFor = (missedAt != null) ? Instant.ofEpochMilli(Long.parseLong(missedAt))
				: context.getScheduledFireTime().toInstant();
		this.runs.fired(workflowId, scheduledFor, missedAt != null);
	}

}

package io.dispycluster.scheduler.schedule;

import java.time.Instant;
import java.util.Optional;

import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fire of a task's or workflow's job, as its runs see it.
 *
 * @param id the task or workflow (the job's name)
 * @param scheduledFor the fire time it stands for (the missed one for a catch-up fire)
 * @param catchUp whether it is a fire missed while the service was down
 */
public record Fire(String id, Instant scheduledFor, boolean catchUp) {

	private static final Logger LOG = LoggerFactory.getLogger(Fire.class);

	/**
	 * The fire Quartz is running, or empty when it is one of several Quartz makes in a
	 * row to catch up with a trigger that fell behind: only the last of them runs.
	 */
	public static Optional<Fire> of(JobExecutionContext context) {
		String id = context.getJobDetail().getKey().getName();
		if (Schedules.isCatchingUp(context)) {
			LOG.debug("Fire dropped, the trigger is catching up: {}={}", context.getJobDetail().getKey().getGroup(),
					id);
			return Optional.empty();
		}
		String missedAt = context.getMergedJobDataMap().getString(Schedules.MISSED_AT);
		Instant scheduledFor = (missedAt != null) ? Instant.ofEpochMilli(Long.parseLong(missedAt))
				: context.getScheduledFireTime().toInstant();
		return Optional.of(new Fire(id, scheduledFor, missedAt != null));
	}

}

package io.dispycluster.scheduler.schedule;

import java.time.Instant;

import org.quartz.JobKey;

/**
 * Told of fires that were missed for longer than the grace and are therefore skipped, so
 * that the owner of the job can record them.
 */
public interface MissedFireListener {

	/**
	 * A fire of a job was skipped.
	 * @param job the Quartz job (its group says whether it is a task or a workflow)
	 * @param missedAt the latest time it should have fired
	 * @param now when this was noticed
	 */
	void skipped(JobKey job, Instant missedAt, Instant now);

}

package io.dispycluster.scheduler.definition;

import io.dispycluster.scheduler.schedule.ScheduleSpec;

/**
 * What a user defined to run on a schedule (a task, a workflow), validated, before it is
 * stored.
 */
public interface ScheduledDefinition {

	/** When it runs. */
	ScheduleSpec schedule();

}

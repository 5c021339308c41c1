package io.dispycluster.scheduler.definition;

import java.time.Instant;

import io.dispycluster.scheduler.schedule.ScheduleSpec;
import io.dispycluster.scheduler.schedule.ScheduleType;

/**
 * A scheduled definition as stored: what its lifecycle needs to know of it.
 */
public interface StoredDefinition {

	/** Its id, also the name of its Quartz job. */
	String id();

	/** Whether it fires. */
	boolean enabled();

	/** The type of its schedule. */
	ScheduleType scheduleType();

	/** Its schedule, read again as of {@code now}. */
	ScheduleSpec schedule(Instant now);

}

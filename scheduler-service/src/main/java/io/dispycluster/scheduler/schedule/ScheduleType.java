package io.dispycluster.scheduler.schedule;

/**
 * How a task or workflow is scheduled ({@code "once"}, {@code "interval"}, {@code "cron"}
 * on the wire).
 */
public enum ScheduleType {

	/** Once, at {@code datetime} (now when missing or past). */
	ONCE,

	/** Every {@code seconds} seconds, the first time that long after creation. */
	INTERVAL,

	/** On a 5-field Unix {@code cron} expression, in an optional {@code timezone}. */
	CRON

}

package io.dispycluster.scheduler.schedule;

/**
 * A {@code schedule_config} that cannot be scheduled.
 */
public class InvalidScheduleException extends IllegalArgumentException {

	private final String key;

	InvalidScheduleException(String key, String message) {
		super(message);
		this.key = key;
	}

	/** The key of {@code schedule_config} at fault, e.g. {@code cron}. */
	public String getKey() {
		return this.key;
	}

}

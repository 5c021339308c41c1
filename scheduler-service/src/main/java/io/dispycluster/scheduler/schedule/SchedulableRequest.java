package io.dispycluster.scheduler.schedule;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A request body that carries a schedule ({@code schedule_type} and
 * {@code schedule_config}), checked by {@link ValidSchedule}.
 */
public interface SchedulableRequest {

	/** The schedule type; {@code once} when null. */
	@Nullable ScheduleType scheduleType();

	/** The schedule's configuration; empty when null. */
	@Nullable Map<String, Object> scheduleConfig();

}

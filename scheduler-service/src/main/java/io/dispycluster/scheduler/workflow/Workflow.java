package io.dispycluster.scheduler.workflow;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.dispycluster.scheduler.schedule.ScheduleType;

/**
 * A workflow as {@code GET /workflows} shows it: the upstream fields plus
 * {@code error_policy}, {@code next_run}, {@code last_run}, the run counters and
 * {@code updated_at}.
 *
 * @param id {@code workflow_<unix seconds>_<n>}
 * @param name its name
 * @param description what it is for
 * @param steps its steps, defaults applied
 * @param errorPolicy what a failed step does to the rest of a run
 * @param scheduleType the schedule type
 * @param scheduleConfig the schedule's configuration, defaults applied
 * @param createdAt when it was created
 * @param updatedAt when it was last changed
 * @param lastRun when its last run started, or null
 * @param nextRun when it fires next, or null if it will not
 * @param status {@code scheduled}, {@code running}, {@code completed} or {@code failed}
 * @param runCount how many runs started
 * @param successCount how many runs completed
 * @param failureCount how many runs failed
 * @param enabled whether it fires
 */
record Workflow(String id, String name, @Nullable String description, List<StepDefinition> steps,
		ErrorPolicy errorPolicy, ScheduleType scheduleType, Map<String, Object> scheduleConfig, Instant createdAt,
		Instant updatedAt, @Nullable Instant lastRun, @Nullable Instant nextRun, String status, int runCount,
		int successCount, int failureCount, boolean enabled) {
}

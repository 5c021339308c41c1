package io.dispycluster.scheduler.task;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.dispycluster.scheduler.definition.StoredDefinition;
import io.dispycluster.scheduler.schedule.ScheduleSpec;
import io.dispycluster.scheduler.schedule.ScheduleType;

/**
 * A row of the {@code task} table.
 */
record StoredTask(String id, String name, @Nullable String description, List<String> urls, int maxPages,
		boolean sameOriginOnly, int timeoutS, int priority, ScheduleType scheduleType,
		Map<String, Object> scheduleConfig, boolean allowConcurrentRuns, boolean enabled, TaskStatus status,
		Instant createdAt, Instant updatedAt, @Nullable Instant lastRun, int runCount, int successCount,
		int failureCount) implements StoredDefinition {

	StoredTask {
		urls = List.copyOf(urls);
		scheduleConfig = Map.copyOf(scheduleConfig);
	}

	/** The task's definition, its schedule read again as of {@code now}. */
	TaskDefinition definition(Instant now) {
		return new TaskDefinition(this.name, this.description, this.urls, this.maxPages, this.sameOriginOnly,
				this.timeoutS, this.priority, schedule(now), this.allowConcurrentRuns);
	}

	@Override
	public ScheduleSpec schedule(Instant now) {
		return ScheduleSpec.parse(this.scheduleType, this.scheduleConfig, now);
	}

	/** The task as users see it. */
	Task view(@Nullable Instant nextRun) {
		return new Task(this.id, this.name, this.description, this.urls, this.maxPages, this.sameOriginOnly,
				this.timeoutS, this.priority, this.scheduleType, this.scheduleConfig, this.createdAt, this.updatedAt,
				this.lastRun, nextRun, this.status, this.runCount, this.successCount, this.failureCount, this.enabled,
				this.allowConcurrentRuns);
	}

}

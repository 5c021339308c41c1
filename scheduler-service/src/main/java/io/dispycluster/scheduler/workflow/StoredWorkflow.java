package io.dispycluster.scheduler.workflow;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.dispycluster.scheduler.definition.StoredDefinition;
import io.dispycluster.scheduler.schedule.ScheduleSpec;
import io.dispycluster.scheduler.schedule.ScheduleType;
import io.dispycluster.scheduler.system.OrderedMaps;

/**
 * A row of the {@code workflow} table.
 */
record StoredWorkflow(String id, String name, @Nullable String description, List<StepDefinition> steps,
		ErrorPolicy errorPolicy, ScheduleType scheduleType, Map<String, Object> scheduleConfig, boolean enabled,
		String status, Instant createdAt, Instant updatedAt, @Nullable Instant lastRun, int runCount, int successCount,
		int failureCount) implements StoredDefinition {

	StoredWorkflow {
		steps = List.copyOf(steps);
		scheduleConfig = OrderedMaps.copyOf(scheduleConfig);
	}

	@Override
	public ScheduleSpec schedule(Instant now) {
		return ScheduleSpec.parse(this.scheduleType, this.scheduleConfig, now);
	}

	Workflow view(@Nullable Instant nextRun) {
		return new Workflow(this.id, this.name, this.description, this.steps, this.errorPolicy, this.scheduleType,
				this.scheduleConfig, this.createdAt, this.updatedAt, this.lastRun, nextRun, this.status, this.runCount,
				this.successCount, this.failureCount, this.enabled);
	}

}

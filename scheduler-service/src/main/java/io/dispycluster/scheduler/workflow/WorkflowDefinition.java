package io.dispycluster.scheduler.workflow;

import java.util.List;

import org.jspecify.annotations.Nullable;

import io.dispycluster.scheduler.definition.ScheduledDefinition;
import io.dispycluster.scheduler.schedule.ScheduleSpec;

/**
 * What a workflow does and when, validated and with defaults applied.
 *
 * @param name its name
 * @param description what it is for
 * @param steps its steps
 * @param schedule when it runs
 * @param errorPolicy what a failed step does to the rest of a run
 */
record WorkflowDefinition(String name, @Nullable String description, List<StepDefinition> steps, ScheduleSpec schedule,
		ErrorPolicy errorPolicy) implements ScheduledDefinition {

	WorkflowDefinition {
		steps = List.copyOf(steps);
	}

}

package io.dispycluster.scheduler.workflow;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import io.dispycluster.scheduler.schedule.SchedulableRequest;
import io.dispycluster.scheduler.schedule.ScheduleSpec;
import io.dispycluster.scheduler.schedule.ScheduleType;
import io.dispycluster.scheduler.schedule.ValidSchedule;

/**
 * The body of {@code POST /workflows} and {@code PUT /workflows/{id}}: the upstream
 * contract's fields plus {@code error_policy}.
 *
 * @param name the workflow's name (required)
 * @param description what it is for
 * @param steps 1 to 20 steps whose {@code depends_on} form a DAG
 * @param scheduleType {@code once} (default), {@code interval} or {@code cron}
 * @param scheduleConfig as for tasks
 * @param errorPolicy {@code stop_on_error} (default) or {@code continue_on_error}
 */
@ValidSchedule
@ValidWorkflow
record WorkflowRequest(@Nullable @NotBlank @Size(max = 255) String name, @Nullable @Size(max = 2000) String description,
		@Nullable @NotNull @Size(min = 1, max = WorkflowPlan.MAX_STEPS) List<@Valid @NotNull StepRequest> steps,
		@Nullable ScheduleType scheduleType, @Nullable Map<String, Object> scheduleConfig,
		@Nullable ErrorPolicy errorPolicy) implements SchedulableRequest {

	/**
	 * The workflow this request defines, defaults applied. Call only once it is valid.
	 */
	WorkflowDefinition toDefinition(Instant now) {
		return new WorkflowDefinition(Objects.requireNonNull(this.name).trim(), this.description,
				WorkflowPlan.define(Objects.requireNonNull(this.steps)),
				ScheduleSpec.parse(this.scheduleType, this.scheduleConfig, now),
				(this.errorPolicy != null) ? this.errorPolicy : ErrorPolicy.STOP_ON_ERROR);
	}

}

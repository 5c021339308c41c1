package io.dispycluster.scheduler.workflow;

import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.hibernate.validator.constraints.Range;
import org.jspecify.annotations.Nullable;

/**
 * A step in the body of {@code POST /workflows}: the upstream {@code WorkflowStep} plus
 * an optional timeout and retry count.
 *
 * @param stepId its id, unique in the workflow (letters, digits, {@code _} and {@code -})
 * @param name what it is
 * @param action {@code scrape}, {@code wait}, {@code webhook} or {@code condition}
 * @param config the action's settings
 * @param dependsOn the ids of the steps that must finish first
 * @param timeoutS how long a {@code scrape} or {@code webhook} step may take (default
 * {@code dispycluster.scheduler.workflow.step-timeout})
 * @param retries how many times a failed step is tried again (default 0)
 */
record StepRequest(
		@Nullable @NotBlank @Pattern(regexp = "[A-Za-z0-9_-]{1,64}",
				message = "must be 1 to 64 letters, digits, _ or -") String stepId,
		@Nullable @NotBlank @Size(max = 255) String name, @Nullable @NotBlank String action,
		@Nullable Map<String, Object> config, @Nullable List<@Nullable String> dependsOn,
		@Nullable @Range(min = 1, max = 86400) Integer timeoutS, @Nullable @Range(min = 0, max = 10) Integer retries) {
}

package io.dispycluster.scheduler.workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.dispycluster.scheduler.system.OrderedMaps;

/**
 * A validated step, as stored and shown.
 *
 * @param stepId its id
 * @param name what it is
 * @param action what it does
 * @param config the action's settings, defaults applied
 * @param dependsOn the steps that must finish first
 * @param timeoutS its timeout in seconds, or null for the default
 * @param retries how many times it is tried again after failing
 */
record StepDefinition(String stepId, String name, StepAction action, Map<String, Object> config, List<String> dependsOn,
		@Nullable Integer timeoutS, int retries) {

	StepDefinition {
		config = OrderedMaps.copyOf(config);
		dependsOn = List.copyOf(dependsOn);
	}

	/** The typed settings of the action. */
	ActionConfig actionConfig() {
		List<io.dispycluster.support.problem.FieldProblem> problems = new ArrayList<>();
		ActionConfig parsed = ActionConfig.parse(this.action, this.config, "config", problems);
		if (parsed == null) {
			throw new IllegalStateException("Stored step " + this.stepId + " is invalid: " + problems);
		}
		return parsed;
	}

}

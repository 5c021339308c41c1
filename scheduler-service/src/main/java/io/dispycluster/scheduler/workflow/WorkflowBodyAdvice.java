package io.dispycluster.scheduler.workflow;

import java.util.List;

import jakarta.validation.Validator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import io.dispycluster.scheduler.system.CheckedBodyAdvice;
import io.dispycluster.support.problem.FieldProblem;

import org.springframework.web.bind.annotation.ControllerAdvice;

/**
 * Checks the JSON of a workflow body before it is bound to a {@link WorkflowRequest} (see
 * {@link CheckedBodyAdvice}): the types of its fields and of each step's. What a step's
 * {@code config} holds is judged by its action, once bound ({@link ValidWorkflow}).
 */
@ControllerAdvice
class WorkflowBodyAdvice extends CheckedBodyAdvice<WorkflowRequest> {

	private static final List<String> STRINGS = List.of("name", "description");

	private static final List<String> STEP_STRINGS = List.of("step_id", "name", "action");

	private static final List<String> STEP_INTEGERS = List.of("timeout_s", "retries");

	WorkflowBodyAdvice(JsonMapper json, Validator validator) {
		super(WorkflowRequest.class, json, validator);
	}

	@Override
	protected void check(ObjectNode body, ObjectNode plain, List<FieldProblem> problems) {
		STRINGS.forEach((field) -> requireString(body, field, field, problems));
		schedule(body, problems);
		oneOf(body.get("error_policy"), "error_policy", ErrorPolicy.class, problems);
		JsonNode steps = body.get("steps");
		if (!isSet(steps)) {
			return;
		}
		if (!steps.isArray()) {
			problems.add(new FieldProblem("steps", "must be an array of steps"));
			return;
		}
		for (int i = 0; i < steps.size(); i++) {
			String name = "steps[" + i + "]";
			if (steps.get(i).isObject()) {
				step(steps.get(i), name, problems, (ObjectNode) plain.get("steps").get(i));
			}
			else {
				problems.add(new FieldProblem(name, "must be an object"));
			}
		}
	}

	private static void step(JsonNode step, String name, List<FieldProblem> problems, ObjectNode plain) {
		STEP_STRINGS.forEach((field) -> requireString(step, field, name + "." + field, problems));
		STEP_INTEGERS.forEach((field) -> integer(step, field, name + "." + field, problems, plain));
		if (isSet(step.get("config")) && !step.get("config").isObject()) {
			problems.add(new FieldProblem(name + ".config", "must be an object"));
		}
		JsonNode dependsOn = step.get("depends_on");
		if (!isSet(dependsOn)) {
			return;
		}
		if (!dependsOn.isArray()) {
			problems.add(new FieldProblem(name + ".depends_on", "must be an array of step ids"));
			return;
		}
		for (int j = 0; j < dependsOn.size(); j++) {
			if (!dependsOn.get(j).isString()) {
				problems.add(new FieldProblem(name + ".depends_on[" + j + "]", "must be a string"));
			}
		}
	}

}

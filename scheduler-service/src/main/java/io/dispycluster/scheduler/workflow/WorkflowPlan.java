package io.dispycluster.scheduler.workflow;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.dispycluster.support.problem.FieldProblem;

/**
 * Checks the steps of a workflow and turns them into definitions: known actions with
 * valid settings, unique ids, {@code depends_on} naming existing steps and forming no
 * cycle, and conditions that check an earlier scrape step.
 */
final class WorkflowPlan {

	/** The most steps a workflow may have. */
	static final int MAX_STEPS = 20;

	private WorkflowPlan() {
	}

	/** What is wrong with these steps; empty if nothing is. */
	static List<FieldProblem> problems(List<StepRequest> steps) {
		List<FieldProblem> problems = new ArrayList<>();
		Map<String, Integer> index = indexIds(steps, problems);
		Map<String, StepAction> actions = new HashMap<>();
		for (int i = 0; i < steps.size(); i++) {
			StepRequest step = steps.get(i);
			StepAction action = action(step, "steps[" + i + "]", problems);
			if (action != null && step.stepId() != null) {
				actions.put(step.stepId(), action);
			}
			if (action != null) {
				ActionConfig.parse(action, step.config(), "steps[" + i + "].config", problems);
			}
			checkDependencies(step, i, index, problems);
		}
		Map<String, Set<String>> graph = graph(steps, index);
		List<String> cycle = findCycle(graph);
		if (!cycle.isEmpty()) {
			problems.add(new FieldProblem("steps[" + index.get(cycle.get(0)) + "].depends_on",
					"the steps form a cycle: " + String.join(" → ", cycle)));
		}
		else {
			checkConditions(steps, index, actions, graph, problems);
		}
		return problems;
	}

	/** The definitions of valid steps. */
	static List<StepDefinition> define(List<StepRequest> steps) {
		List<StepDefinition> definitions = new ArrayList<>();
		for (StepRequest step : steps) {
			StepAction action = StepAction.valueOf(step.action().trim().toUpperCase(Locale.ROOT));
			ActionConfig config = ActionConfig.parse(action, step.config(), "config", new ArrayList<>());
			definitions.add(new StepDefinition(step.stepId(), step.name().trim(), action, config.asMap(),
					dependencies(step), step.timeoutS(), (step.retries() != null) ? step.retries() : 0));
		}
		return definitions;
	}

	private static Map<String, Integer> indexIds(List<StepRequest> steps, List<FieldProblem> problems) {
		Map<String, Integer> index = new LinkedHashMap<>();
		for (int i = 0; i < steps.size(); i++) {
			String id = steps.get(i).stepId();
			if (id != null && index.putIfAbsent(id, i) != null) {
				problems.add(new FieldProblem("steps[" + i + "].step_id", "the step id '" + id + "' is used twice"));
			}
		}
		return index;
	}

	private static @Nullable StepAction action(StepRequest step, String path, List<FieldProblem> problems) {
		if (step.action() == null || step.action().isBlank()) {
			return null;
		}
		try {
			return StepAction.valueOf(step.action().trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			problems.add(new FieldProblem(path + ".action",
					"unknown action '" + step.action() + "': use scrape, wait, webhook or condition"));
			return null;
		}
	}

	private static void checkDependencies(StepRequest step, int i, Map<String, Integer> index,
			List<FieldProblem> problems) {
		if (step.dependsOn() == null) {
			return;
		}
		for (String dependency : step.dependsOn()) {
			if (dependency == null || !index.containsKey(dependency)) {
				problems.add(new FieldProblem("steps[" + i + "].depends_on", "unknown step '" + dependency + "'"));
			}
			else if (dependency.equals(step.stepId())) {
				problems.add(new FieldProblem("steps[" + i + "].depends_on", "a step cannot depend on itself"));
			}
		}
	}

	private static List<String> dependencies(StepRequest step) {
		return (step.dependsOn() != null)
				? List.copyOf(new LinkedHashSet<>(step.dependsOn().stream().filter((id) -> id != null).toList()))
				: List.of();
	}

	/**
	 * Each step's known dependencies, but itself: a step that depends on itself is
	 * already told so, not again as a cycle of one step.
	 */
	private static Map<String, Set<String>> graph(List<StepRequest> steps, Map<String, Integer> index) {
		Map<String, Set<String>> graph = new LinkedHashMap<>();
		for (StepRequest step : steps) {
			if (step.stepId() != null) {
				Set<String> dependencies = new LinkedHashSet<>(dependencies(step));
				dependencies.retainAll(index.keySet());
				dependencies.remove(step.stepId());
				graph.putIfAbsent(step.stepId(), dependencies);
			}
		}
		return graph;
	}

	/** A cycle as a path that comes back to its first step, or an empty list. */
	static List<String> findCycle(Map<String, Set<String>> graph) {
		Set<String> done = new HashSet<>();
		for (String start : graph.keySet()) {
			List<String> cycle = findCycle(start, graph, new ArrayDeque<>(), new HashSet<>(), done);
			if (!cycle.isEmpty()) {
				return cycle;
			}
		}
		return List.of();
	}

	private static List<String> findCycle(String step, Map<String, Set<String>> graph, Deque<String> path,
			Set<String> onPath, Set<String> done) {
		if (onPath.contains(step)) {
			List<String> cycle = new ArrayList<>();
			boolean in = false;
			for (String visited : path) {
				in = in || visited.equals(step);
				if (in) {
					cycle.add(visited);
				}
			}
			cycle.add(step);
			return cycle;
		}
		if (!done.add(step)) {
			return List.of();
		}
		path.addLast(step);
		onPath.add(step);
		for (String dependency : graph.getOrDefault(step, Set.of())) {
			List<String> cycle = findCycle(dependency, graph, path, onPath, done);
			if (!cycle.isEmpty()) {
				return cycle;
			}
		}
		path.removeLast();
		onPath.remove(step);
		return List.of();
	}

	/** A condition must check a scrape step that it (transitively) depends on. */
	private static void checkConditions(List<StepRequest> steps, Map<String, Integer> index,
			Map<String, StepAction> actions, Map<String, Set<String>> graph, List<FieldProblem> problems) {
		for (int i = 0; i < steps.size(); i++) {
			StepRequest step = steps.get(i);
			if (actions.get(step.stepId()) != StepAction.CONDITION || step.config() == null
					|| !(step.config().get("step") instanceof String checked)) {
				continue;
			}
			String path = "steps[" + i + "].config.step";
			if (!index.containsKey(checked)) {
				problems.add(new FieldProblem(path, "unknown step '" + checked + "'"));
			}
			else if (actions.get(checked) != StepAction.SCRAPE) {
				problems.add(new FieldProblem(path, "the step '" + checked + "' is not a scrape step"));
			}
			else if (!upstream(step.stepId(), graph).contains(checked)) {
				problems.add(new FieldProblem(path,
						"the step '" + checked + "' must come before: add it (or a step after it) to depends_on"));
			}
		}
	}

	private static Set<String> upstream(String step, Map<String, Set<String>> graph) {
		Set<String> seen = new HashSet<>();
		Deque<String> todo = new ArrayDeque<>(graph.getOrDefault(step, Set.of()));
		while (!todo.isEmpty()) {
			String next = todo.pop();
			if (seen.add(next)) {
				todo.addAll(graph.getOrDefault(next, Set.of()));
			}
		}
		return seen;
	}

}

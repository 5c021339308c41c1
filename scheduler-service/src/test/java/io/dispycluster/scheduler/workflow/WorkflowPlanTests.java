package io.dispycluster.scheduler.workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.dispycluster.support.problem.FieldProblem;

import static org.assertj.core.api.Assertions.assertThat;

class WorkflowPlanTests {

	@Test
	void acceptsADiamond() {
		assertThat(WorkflowPlan.problems(diamond())).isEmpty();
		List<StepDefinition> steps = WorkflowPlan.define(diamond());
		assertThat(steps).extracting(StepDefinition::stepId).containsExactly("a", "b", "c", "d");
		assertThat(steps.get(3).dependsOn()).containsExactly("b", "c");
		assertThat(steps.get(0).config()).containsEntry("max_pages", 10).containsEntry("priority", 1);
	}

	@Test
	void showsAStepsConfigInTheOrderOfTheDocs() {
		// not in the order of a hash, which changes from one start of the service to the
		// next
		StepDefinition step = WorkflowPlan.define(List.of(scrape("a"))).get(0);
		assertThat(step.config().keySet()).containsExactly("urls", "max_pages", "same_origin_only", "timeout_s",
				"priority");
	}

	@Test
	void refusesACycleNamingItsSteps() {
		List<StepRequest> steps = List.of(scrape("a", "c"), scrape("b", "a"), scrape("c", "b"));
		assertThat(WorkflowPlan.problems(steps)).singleElement()
			.isEqualTo(new FieldProblem("steps[0].depends_on", "the steps form a cycle: a → c → b → a"));
	}

	@Test
	void refusesUnknownAndSelfDependencies() {
		assertThat(WorkflowPlan.problems(List.of(scrape("a", "zz"), scrape("b", "b"))))
			.extracting(FieldProblem::field, FieldProblem::message)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("steps[0].depends_on", "unknown step 'zz'"),
					org.assertj.core.groups.Tuple.tuple("steps[1].depends_on", "a step cannot depend on itself"));
		// said once: not again as a cycle 'b → b'
		assertThat(WorkflowPlan.problems(List.of(scrape("a"), scrape("b", "a", "b")))).singleElement()
			.isEqualTo(new FieldProblem("steps[1].depends_on", "a step cannot depend on itself"));
		// a real cycle beside it is still named
		assertThat(WorkflowPlan.problems(List.of(scrape("a", "a", "b"), scrape("b", "a"))))
			.extracting(FieldProblem::message)
			.containsExactlyInAnyOrder("a step cannot depend on itself", "the steps form a cycle: a → b → a");
	}

	@Test
	void refusesDuplicateIdsAndUnknownActions() {
		List<StepRequest> steps = List.of(scrape("a"), scrape("a"),
				new StepRequest("x", "x", "eval", Map.of(), List.of(), null, null));
		assertThat(WorkflowPlan.problems(steps)).extracting(FieldProblem::field)
			.containsExactlyInAnyOrder("steps[1].step_id", "steps[2].action");
	}

	@Test
	void readsTheIntegersOfAStepsConfigInTheLaxFormsOfATask() {
		// as a task's max_pages and priority: "5" is 5 and 2.0 is 2, as the upstream took
		// them
		List<StepRequest> steps = List.of(new StepRequest("s", "s", "scrape",
				Map.of("urls", List.of("https://example.org/"), "max_pages", "5", "priority", 2.0), List.of(), null,
				null), new StepRequest("w", "w", "wait", Map.of("seconds", 5.0), List.of(), null, null));
		assertThat(WorkflowPlan.problems(steps)).isEmpty();
		List<StepDefinition> defined = WorkflowPlan.define(steps);
		assertThat(defined.get(0).config()).containsEntry("max_pages", 5).containsEntry("priority", 2);
		assertThat(defined.get(1).config()).containsEntry("seconds", 5L);
		assertThat(WorkflowPlan
			.problems(List.of(new StepRequest("w", "w", "wait", Map.of("seconds", 1.5), List.of(), null, null))))
			.singleElement()
			.isEqualTo(new FieldProblem("steps[0].config.seconds", "must be a whole number"));
	}

	@Test
	void refusesAWebhookToAHostTheHttpClientCannotReach() {
		// a scrape step may name it (the controller takes it), a webhook may not
		assertThat(WorkflowPlan.problems(List
			.of(new StepRequest("h", "h", "webhook", Map.of("url", "http://nas_01.lan/hook"), List.of(), null, null))))
			.extracting(FieldProblem::field)
			.containsExactly("steps[0].config.url");
	}

	@Test
	void checksEachActionsSettings() {
		List<StepRequest> steps = List.of(
				new StepRequest("s", "s", "scrape", Map.of("urls", List.of("file:///etc/passwd"), "max_pages", 0),
						List.of(), null, null),
				new StepRequest("w", "w", "wait", Map.of("seconds", -1), List.of(), null, null),
				new StepRequest("h", "h", "WEBHOOK", Map.of(), List.of(), null, null));
		assertThat(WorkflowPlan.problems(steps)).extracting(FieldProblem::field)
			.containsExactlyInAnyOrder("steps[0].config.urls[0]", "steps[0].config.max_pages",
					"steps[1].config.seconds", "steps[2].config.url");
	}

	@Test
	void neverAcceptsAnExpressionAsACondition() {
		List<StepRequest> steps = List.of(scrape("a"), new StepRequest("c", "c", "condition",
				Map.of("condition", "__import__('os').system('rm -rf /')"), List.of("a"), null, null));
		assertThat(WorkflowPlan.problems(steps)).extracting(FieldProblem::field)
			.containsExactlyInAnyOrder("steps[1].config.condition", "steps[1].config.step",
					"steps[1].config.min_pages");
	}

	@Test
	void requiresAConditionToCheckAnEarlierScrapeStep() {
		List<StepRequest> notUpstream = List.of(scrape("a"), condition("c", "a", List.of()));
		assertThat(WorkflowPlan.problems(notUpstream)).singleElement()
			.satisfies((problem) -> assertThat(problem.field()).isEqualTo("steps[1].config.step"));
		List<StepRequest> notScrape = List.of(new StepRequest("w", "w", "wait", Map.of(), List.of(), null, null),
				condition("c", "w", List.of("w")));
		assertThat(WorkflowPlan.problems(notScrape)).singleElement()
			.satisfies((problem) -> assertThat(problem.message()).contains("not a scrape step"));
		List<StepRequest> transitive = List.of(scrape("a"),
				new StepRequest("w", "w", "wait", Map.of(), List.of("a"), null, null),
				condition("c", "a", List.of("w")));
		assertThat(WorkflowPlan.problems(transitive)).isEmpty();
	}

	@Test
	void evaluatesConditionsOnScrapeOutput() {
		List<FieldProblem> problems = new ArrayList<>();
		ActionConfig.Condition condition = (ActionConfig.Condition) ActionConfig.parse(StepAction.CONDITION,
				Map.of("step", "a", "min_pages", 5, "max_failure_ratio", 0.25, "on_false", "stop"), "config", problems);
		assertThat(problems).isEmpty();
		assertThat(condition.onFalse()).isEqualTo(ActionConfig.OnFalse.STOP);
		assertThat(condition.failedChecks(new ScrapeOutput(List.of("j1", "j2", "j3", "j4"), null, 3, 1, 9))).isEmpty();
		assertThat(condition.failedChecks(new ScrapeOutput(List.of("j1", "j2"), null, 1, 1, 4))).hasSize(2);
	}

	@Test
	void saysAFailedCheckInFrenchAsItReads() {
		// 0 and 1 take the singular in French: "1 job en échec", not "1 jobs en échec"
		ActionConfig.Condition condition = (ActionConfig.Condition) ActionConfig.parse(StepAction.CONDITION,
				Map.of("step", "a", "min_pages", 5, "min_jobs_completed", 2, "max_jobs_failed", 0), "config",
				new ArrayList<>());
		assertThat(condition.failedChecks(new ScrapeOutput(List.of("j1", "j2"), null, 1, 1, 1))).containsExactly(
				"1 page < min_pages 5", "1 job terminé < min_jobs_completed 2", "1 job en échec > max_jobs_failed 0");
		assertThat(condition.failedChecks(new ScrapeOutput(List.of("j1", "j2", "j3"), null, 0, 3, 0))).containsExactly(
				"0 page < min_pages 5", "0 job terminé < min_jobs_completed 2", "3 jobs en échec > max_jobs_failed 0");
		assertThat(condition.failedChecks(new ScrapeOutput(List.of("j1", "j2"), null, 1, 1, 4)))
			.contains("4 pages < min_pages 5");
	}

	@Test
	void findsNoCycleInADag() {
		assertThat(WorkflowPlan.findCycle(Map.of("a", Set.of(), "b", Set.of("a"), "c", Set.of("a", "b")))).isEmpty();
	}

	private static List<StepRequest> diamond() {
		return List.of(scrape("a"), scrape("b", "a"), scrape("c", "a"), scrape("d", "b", "c"));
	}

	private static StepRequest scrape(String id, String... dependsOn) {
		return new StepRequest(id, "step " + id, "scrape", Map.of("urls", List.of("https://example.org/" + id)),
				List.of(dependsOn), null, null);
	}

	private static StepRequest condition(String id, String checked, List<String> dependsOn) {
		return new StepRequest(id, id, "condition", Map.of("step", checked, "min_pages", 1), dependsOn, null, null);
	}

}

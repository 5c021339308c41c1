package io.dispycluster.support.labels;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.dispycluster.support.problem.FieldProblem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class LabelRulesTests {

	@Test
	void acceptsShortKeysAndValues() {
		assertThat(LabelRules.problems(Map.of("model", "pi4", "zone", "attic", "arch", "arm64", "k8s.io-x_1",
				"v".repeat(63), "k".repeat(63), ""), "labels"))
			.isEmpty();
		assertThat(LabelRules.problems(null, "labels")).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "Zone", "-zone", ".zone", "_zone", "zo ne", "zöne", "zone/x", "" })
	void refusesABadKeyNamingTheField(String key) {
		assertThat(LabelRules.problems(Map.of(key, "x"), "node_labels")).singleElement()
			.satisfies((problem) -> assertThat(problem.field()).isEqualTo("node_labels"))
			.satisfies((problem) -> assertThat(problem.message()).contains("'" + key + "'"));
	}

	@Test
	void refusesAKeyOfMoreThan63Characters() {
		assertThat(LabelRules.problems(Map.of("k".repeat(64), "x"), "labels")).hasSize(1);
	}

	@Test
	void refusesAValueTooLongOrNotAString() {
		Map<String, String> labels = new HashMap<>();
		labels.put("zone", "v".repeat(64));
		labels.put("model", null);
		assertThat(LabelRules.problems(labels, "node_labels")).extracting(FieldProblem::field)
			.containsExactlyInAnyOrder("node_labels.zone", "node_labels.model");
	}

	@Test
	void refusesMoreThan20Labels() {
		Map<String, String> labels = new HashMap<>();
		for (int i = 0; i < 21; i++) {
			labels.put("k" + i, "v");
		}
		assertThat(LabelRules.problems(labels, "labels"))
			.containsExactly(new FieldProblem("labels", "must hold at most 20 labels, not 21"));
		labels.remove("k0");
		assertThat(LabelRules.problems(labels, "labels")).isEmpty();
	}

	@Test
	void startUpStopsOnTheFirstBrokenRuleNamingTheProperty() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> LabelRules.requireValid(Map.of("zone", "v".repeat(64)), "dispycluster.nodes[1].labels"))
			.withMessage("dispycluster.nodes[1].labels.zone must be a string of at most 63 characters");
	}

}

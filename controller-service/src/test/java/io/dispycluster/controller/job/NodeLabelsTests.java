package io.dispycluster.controller.job;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class NodeLabelsTests {

	@Test
	void acceptsShortKeysAndValues() {
		assertThat(NodeLabels.problems(Map.of("model", "pi4", "zone", "attic", "arch", "arm64", "k8s.io-x_1",
				"v".repeat(63), "k".repeat(63), ""), "labels"))
			.isEmpty();
		assertThat(NodeLabels.problems(null, "labels")).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "Zone", "-zone", ".zone", "_zone", "zo ne", "zöne", "zone/x", "" })
	void refusesABadKeyNamingTheField(String key) {
		assertThat(NodeLabels.problems(Map.of(key, "x"), "node_labels")).singleElement()
			.satisfies((problem) -> assertThat(problem.getKey()).isEqualTo("node_labels"))
			.satisfies((problem) -> assertThat(problem.getValue()).contains("'" + key + "'"));
	}

	@Test
	void refusesAKeyOfMoreThan63Characters() {
		assertThat(NodeLabels.problems(Map.of("k".repeat(64), "x"), "labels")).hasSize(1);
	}

	@Test
	void refusesAValueTooLongOrNotAString() {
		Map<String, String> labels = new HashMap<>();
		labels.put("zone", "v".repeat(64));
		labels.put("model", null);
		assertThat(NodeLabels.problems(labels, "node_labels")).extracting(Map.Entry::getKey)
			.containsExactlyInAnyOrder("node_labels.zone", "node_labels.model");
	}

	@Test
	void refusesMoreThan20Labels() {
		Map<String, String> labels = new HashMap<>();
		for (int i = 0; i < 21; i++) {
			labels.put("k" + i, "v");
		}
		assertThat(NodeLabels.problems(labels, "labels"))
			.containsExactly(Map.entry("labels", "must hold at most 20 labels, not 21"));
		labels.remove("k0");
		assertThat(NodeLabels.problems(labels, "labels")).isEmpty();
	}

	@Test
	void aNodeSatisfiesAJobWhenItHasEveryPair() {
		Map<String, String> node = Map.of("zone", "attic", "model", "pi4");
		assertThat(NodeLabels.satisfies(node, Map.of())).isTrue();
		assertThat(NodeLabels.satisfies(node, Map.of("zone", "attic"))).isTrue();
		assertThat(NodeLabels.satisfies(node, node)).isTrue();
		assertThat(NodeLabels.satisfies(node, Map.of("zone", "loft"))).isFalse();
		assertThat(NodeLabels.satisfies(node, Map.of("zone", "attic", "arch", "arm64"))).isFalse();
		assertThat(NodeLabels.satisfies(Map.of(), Map.of("zone", "attic"))).isFalse();
	}

	@Test
	void theInventoryOverridesTheWorkerKeyByKey() {
		assertThat(NodeLabels.merge(Map.of("zone", "kitchen", "arch", "arm64"), Map.of("zone", "attic")))
			.containsExactly(Map.entry("arch", "arm64"), Map.entry("zone", "attic"));
	}

	@Test
	void storedAsAJsonObjectOrNullWhenNone() {
		assertThat(NodeLabels.toJson(Map.of())).isNull();
		assertThat(NodeLabels.fromJson(null)).isEmpty();
		String json = NodeLabels.toJson(Map.of("zone", "attic", "arch", "arm64"));
		assertThat(json).isEqualTo("{\"arch\":\"arm64\",\"zone\":\"attic\"}");
		assertThat(NodeLabels.fromJson(json)).isEqualTo(Map.of("zone", "attic", "arch", "arm64"));
		assertThat(NodeLabels.describe(Map.of("zone", "attic", "arch", "arm64"))).isEqualTo("arch=arm64,zone=attic");
	}

}

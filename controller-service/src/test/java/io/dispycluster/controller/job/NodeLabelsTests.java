package io.dispycluster.controller.job;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NodeLabelsTests {

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

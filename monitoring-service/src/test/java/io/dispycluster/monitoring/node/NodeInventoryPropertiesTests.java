package io.dispycluster.monitoring.node;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The inventory's node labels are bound, and a bad one stops start-up naming the
 * property, as in the controller.
 */
class NodeInventoryPropertiesTests {

	@Test
	void bindsTheLabelsOfANode() {
		NodeInventoryProperties inventory = bind(Map.of("dispycluster.nodes[0].name", "pi-1",
				"dispycluster.nodes[0].labels.zone", "attic", "dispycluster.nodes[1].name", "pi-2"));

		assertThat(inventory.nodes().get(0).labels()).isEqualTo(Map.of("zone", "attic"));
		assertThat(inventory.nodes().get(1).labels()).isEmpty();
	}

	@Test
	void aBadKeyStopsStartUpNamingTheProperty() {
		assertThatThrownBy(
				() -> bind(Map.of("dispycluster.nodes[0].name", "pi-1", "dispycluster.nodes[0].labels.[_x]", "attic")))
			.rootCause()
			.hasMessageStartingWith("dispycluster.nodes[0].labels label key '_x'");
	}

	@Test
	void tooManyLabelsStopStartUp() {
		Map<String, String> properties = new HashMap<>(Map.of("dispycluster.nodes[0].name", "pi-1"));
		for (int i = 0; i < 21; i++) {
			properties.put("dispycluster.nodes[0].labels.k" + i, "v");
		}
		assertThatThrownBy(() -> bind(properties)).rootCause()
			.hasMessage("dispycluster.nodes[0].labels must hold at most 20 labels, not 21");
	}

	@Test
	void theInventoryWinsOverTheControllerKeyByKey() {
		assertThat(NodeLabels.merge(Map.of("zone", "kitchen", "arch", "arm64"), Map.of("zone", "attic")))
			.isEqualTo(Map.of("zone", "attic", "arch", "arm64"));
		assertThat(NodeLabels.merge(null, Map.of())).isEmpty();
	}

	private static NodeInventoryProperties bind(Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("dispycluster",
				NodeInventoryProperties.class);
	}

}

package io.dispycluster.controller.worker;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The inventory's labels are bound from {@code dispycluster.nodes[].labels} and a bad one
 * stops start-up with a message naming the property.
 */
class NodeInventoryPropertiesTests {

	@Test
	void bindsTheLabelsOfEachNode() {
		NodeInventoryProperties inventory = bind(
				Map.of("dispycluster.nodes[0].name", "pi-1", "dispycluster.nodes[0].host", "10.0.0.1",
						"dispycluster.nodes[0].labels.zone", "attic", "dispycluster.nodes[0].labels.model", "pi4",
						"dispycluster.nodes[1].name", "pi-2", "dispycluster.nodes[1].host", "10.0.0.2"));

		assertThat(inventory.nodes().get(0).labels()).isEqualTo(Map.of("zone", "attic", "model", "pi4"));
		assertThat(inventory.nodes().get(1).labels()).isEmpty();
		assertThat(inventory.labelsOf("pi-1")).containsEntry("zone", "attic");
		assertThat(inventory.labelsOf("unknown")).isEmpty();
	}

	@Test
	void aBadKeyStopsStartUpNamingTheProperty() {
		assertThatThrownBy(() -> bind(Map.of("dispycluster.nodes[0].name", "pi-1", "dispycluster.nodes[0].host",
				"10.0.0.1", "dispycluster.nodes[1].name", "pi-2", "dispycluster.nodes[1].host", "10.0.0.2",
				"dispycluster.nodes[1].labels.[Zone]", "attic")))
			.hasRootCauseInstanceOf(IllegalArgumentException.class)
			.rootCause()
			.hasMessageStartingWith("dispycluster.nodes[1].labels label key 'Zone'");
	}

	@Test
	void aLongValueStopsStartUpNamingTheProperty() {
		assertThatThrownBy(() -> bind(Map.of("dispycluster.nodes[0].name", "pi-1", "dispycluster.nodes[0].host",
				"10.0.0.1", "dispycluster.nodes[0].labels.zone", "a".repeat(64))))
			.rootCause()
			.hasMessage("dispycluster.nodes[0].labels.zone must be a string of at most 63 characters");
	}

	@ParameterizedTest
	@ValueSource(strings = { "pi/1", "pi\\1", "..", ".", "pi\n1" })
	void aNameThatCannotBeAPathSegmentStopsStartUpNamingTheProperty(String name) {
		assertThatThrownBy(() -> bind(Map.of("dispycluster.nodes[0].name", "pi-1", "dispycluster.nodes[0].host",
				"10.0.0.1", "dispycluster.nodes[1].name", name, "dispycluster.nodes[1].host", "10.0.0.2")))
			.hasRootCauseInstanceOf(IllegalArgumentException.class)
			.rootCause()
			.hasMessageStartingWith("dispycluster.nodes[1].name '")
			.hasMessageContaining("must not hold '/', '\\' or control characters, nor be '.' or '..'")
			.hasMessageNotContaining("\n");
	}

	@Test
	void aNameTooLongForTheRegistryStopsStartUp() {
		assertThatThrownBy(() -> bind(
				Map.of("dispycluster.nodes[0].name", "n".repeat(256), "dispycluster.nodes[0].host", "10.0.0.1")))
			.rootCause()
			.hasMessage("dispycluster.nodes[0].name must hold at most 255 characters, not 256");
	}

	private static NodeInventoryProperties bind(Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("dispycluster",
				NodeInventoryProperties.class);
	}

}

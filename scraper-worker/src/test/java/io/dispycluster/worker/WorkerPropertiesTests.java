package io.dispycluster.worker;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The worker's own node labels follow the controller's rules, so that a bad one stops the
 * worker at start-up with the property named.
 */
class WorkerPropertiesTests {

	@Test
	void keepsValidLabelsSortedByKey() {
		WorkerProperties properties = withLabels(Map.of("zone", "attic", "arch", "arm64", "model.rev", "pi4-b_2"));

		assertThat(properties.labels()).containsExactly(Map.entry("arch", "arm64"), Map.entry("model.rev", "pi4-b_2"),
				Map.entry("zone", "attic"));
	}

	@Test
	void noLabelsByDefault() {
		assertThat(withLabels(null).labels()).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "Zone", "-zone", "_zone", "zone space", "zöne", "" })
	void refusesABadKey(String key) {
		assertThatIllegalArgumentException().isThrownBy(() -> withLabels(Map.of(key, "x")))
			.withMessageContaining("dispycluster.worker.labels")
			.withMessageContaining("'" + key + "'");
	}

	@Test
	void refusesAKeyOfMoreThan63Characters() {
		assertThatIllegalArgumentException().isThrownBy(() -> withLabels(Map.of("k".repeat(64), "x")))
			.withMessageContaining("dispycluster.worker.labels");
		assertThat(withLabels(Map.of("k".repeat(63), "x")).labels()).hasSize(1);
	}

	@Test
	void refusesAValueOfMoreThan63Characters() {
		assertThatIllegalArgumentException().isThrownBy(() -> withLabels(Map.of("zone", "v".repeat(64))))
			.withMessage("dispycluster.worker.labels.zone must be a string of at most 63 characters");
	}

	@Test
	void refusesMoreThan20Labels() {
		Map<String, String> labels = new HashMap<>();
		for (int i = 0; i < 21; i++) {
			labels.put("k" + i, "v");
		}
		assertThatIllegalArgumentException().isThrownBy(() -> withLabels(labels))
			.withMessage("dispycluster.worker.labels must hold at most 20 labels, not 21");
	}

	private static WorkerProperties withLabels(Map<String, String> labels) {
		return new WorkerProperties("n1", "http://n1:8080", 2, true, Duration.ofSeconds(30), labels);
	}

}

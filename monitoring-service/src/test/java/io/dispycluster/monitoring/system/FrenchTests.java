package io.dispycluster.monitoring.system;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * French counts: the singular for 0 and 1, the plural from 2.
 */
class FrenchTests {

	@ParameterizedTest
	@CsvSource({ "0, 0 heure", "1, 1 heure", "2, 2 heures", "168, 168 heures" })
	void agreesTheNounWithTheCount(long count, String expected) {
		assertThat(French.count(count, "heure", "heures")).isEqualTo(expected);
	}

}

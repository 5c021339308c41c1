package io.dispycluster.monitoring.collect;

import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The French words of {@code GET /metrics}: upstream's literal {@code toutes les 30
 * secondes} and {@code 24 heures} where the contract shows them, agreed in number
 * elsewhere.
 */
class CollectControllerTests {

	@ParameterizedTest
	@CsvSource({ "PT30S, toutes les 30 secondes", "PT15S, toutes les 15 secondes", "PT1S, toutes les secondes",
			"PT0.5S, toutes les 500 millisecondes", "PT1.5S, toutes les 1500 millisecondes",
			"PT2M, toutes les 120 secondes" })
	void wordsTheCollectionRate(Duration interval, String expected) {
		assertThat(CollectController.collectionRate(interval)).isEqualTo(expected);
	}

	@ParameterizedTest
	@CsvSource({ "PT24H, 24 heures", "PT1H, 1 heure", "PT36H, 36 heures", "P2D, 2 jours", "P7D, 7 jours" })
	void wordsTheRetention(Duration retention, String expected) {
		assertThat(CollectController.retention(retention)).isEqualTo(expected);
	}

}

package io.dispycluster.scheduler.system;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.dispycluster.support.problem.InvalidRequestException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class WholeNumbersTests {

	@Test
	void readsTheFormsTheUpstreamTook() {
		assertThat(WholeNumbers.of(5)).isEqualTo(5L);
		assertThat(WholeNumbers.of(5.0)).isEqualTo(5L);
		assertThat(WholeNumbers.of(" 5 ")).isEqualTo(5L);
		assertThat(WholeNumbers.of("5.0")).isEqualTo(5L);
		assertThat(WholeNumbers.of("1e400")).isEqualTo(Long.MAX_VALUE);
	}

	@ParameterizedTest
	@ValueSource(strings = { "5.5", "five", "", "\uff15", "\u0663", "1\u0660" })
	void holdsNoWholeNumberInAFractionAWordOrTheDigitsOfAnotherScript(String value) {
		assertThat(WholeNumbers.of(value)).isNull();
	}

	@Test
	void aQueryLimitInTheDigitsOfAnotherScriptIsRefusedNamingIt() {
		assertThatExceptionOfType(InvalidRequestException.class)
			.isThrownBy(() -> QueryIntegers.between("limit", "\uff15", 1, 100, 10));
		assertThat(QueryIntegers.between("limit", "5", 1, 100, 10)).isEqualTo(5);
	}

}

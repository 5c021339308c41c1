package io.dispycluster.monitoring.system;

import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.dispycluster.support.problem.InvalidRequestException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class WindowHoursTests {

	private static final Duration WEEK = Duration.ofDays(7);

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "1|1", "168|168", "+5|5", "' 12 '|12", "007|7" })
	void readsAWholeNumberOfHoursWithinTheRetention(String raw, int hours) {
		assertThat(WindowHours.parse(raw, WEEK)).isEqualTo(hours);
	}

	@ParameterizedTest
	@ValueSource(strings = { "０", "５", "٣", "1２", "0", "169", "-1", "1.5", "abc", "+", "++5", "99999999999" })
	void refusesAnythingElse(String raw) {
		assertThatExceptionOfType(InvalidRequestException.class).isThrownBy(() -> WindowHours.parse(raw, WEEK));
	}

}

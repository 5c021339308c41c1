package io.dispycluster.monitoring.alert;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import io.dispycluster.monitoring.node.CollectionProperties;
import io.dispycluster.support.problem.FieldProblem;
import io.dispycluster.support.problem.InvalidRequestException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

class AlertControllerTests {

	private final AlertStore store = mock(AlertStore.class);

	private final AlertController controller = new AlertController(
			mock(AlertEngine.class), this.store, new CollectionProperties(true, Duration.ofSeconds(15),
					Duration.ofSeconds(5), 3, Duration.ofDays(7), 4, DataSize.ofMegabytes(2)),
			Clock.fixed(Instant.parse("2026-12-05T12:00:00Z"), ZoneOffset.UTC));

	@ParameterizedTest
	@NullSource
	@ValueSource(strings = { "", " " })
	void aHistoryWithoutHoursCoversTheWholeRetentionAsDocumented(String hours) {
		this.controller.history(hours, null);

		verify(this.store).history(Instant.parse("2026-11-28T12:00:00Z"), 100);
	}

	@ParameterizedTest
	@ValueSource(strings = { "５", "٣", "1５", "0", "1001", "+", "1e2", "99999999999" })
	void aHistoryLimitOtherThanAnASCIIWholeNumberInRangeIsRefused(String limit) {
		assertThatExceptionOfType(InvalidRequestException.class).isThrownBy(() -> this.controller.history(null, limit))
			.satisfies((ex) -> assertThat(ex.getErrors()).extracting(FieldProblem::field).containsExactly("limit"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "5", "+5", " 5 ", "005" })
	void aHistoryLimitIsAWholeNumber(String limit) {
		this.controller.history(null, limit);

		verify(this.store).history(Instant.parse("2026-11-28T12:00:00Z"), 5);
	}

}

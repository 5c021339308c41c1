package io.dispycluster.monitoring.alert;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import io.dispycluster.monitoring.node.CollectionProperties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.util.unit.DataSize;

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

}

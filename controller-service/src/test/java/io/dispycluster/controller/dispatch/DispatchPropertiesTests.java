package io.dispycluster.controller.dispatch;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class DispatchPropertiesTests {

	private final DispatchProperties properties = new DispatchProperties(10, Duration.ofSeconds(2),
			Duration.ofMillis(10), Duration.ofSeconds(60), 3, Duration.ofSeconds(10), Duration.ofMinutes(5),
			Duration.ofSeconds(60), false);

	@Test
	void doublesTheBackoffAfterEachLostAttemptUpToTheCap() {
		assertThat(this.properties.backoffAfter(1)).isEqualTo(Duration.ofSeconds(10));
		assertThat(this.properties.backoffAfter(2)).isEqualTo(Duration.ofSeconds(20));
		assertThat(this.properties.backoffAfter(3)).isEqualTo(Duration.ofSeconds(40));
		assertThat(this.properties.backoffAfter(10)).isEqualTo(Duration.ofMinutes(5));
		assertThat(this.properties.backoffAfter(1000)).isEqualTo(Duration.ofMinutes(5));
	}

	@Test
	void refusesANonPositiveLeaseNamingTheProperty() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new DispatchProperties(10, Duration.ofSeconds(2), Duration.ofMillis(10), Duration.ZERO, 3,
					Duration.ofSeconds(10), Duration.ofMinutes(5), Duration.ofSeconds(60), false))
			.withMessageContaining("dispycluster.controller.lease-duration");
	}

	@Test
	void refusesADispatchSpacingLongerThanTheIntervalNamingTheProperty() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new DispatchProperties(10, Duration.ofSeconds(2), Duration.ofSeconds(3),
					Duration.ofSeconds(60), 3, Duration.ofSeconds(10), Duration.ofMinutes(5), Duration.ofSeconds(60),
					false))
			.withMessageContaining("dispycluster.controller.dispatch-spacing");
	}

}

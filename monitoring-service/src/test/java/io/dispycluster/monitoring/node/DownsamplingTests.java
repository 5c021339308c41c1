package io.dispycluster.monitoring.node;

import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class DownsamplingTests {

	@ParameterizedTest
	@CsvSource({ "1, 60", "2, 300", "6, 300", "7, 600", "24, 600", "48, 1800", "72, 1800", "73, 3600", "168, 3600" })
	void picksTheBucketFromTheWindow(int hours, long bucketSeconds) {
		Duration bucket = Downsampling.bucketFor(Duration.ofHours(hours));

		assertThat(bucket.toSeconds()).isEqualTo(bucketSeconds);
		assertThat(Duration.ofHours(hours).dividedBy(bucket)).isLessThanOrEqualTo(170);
	}

}

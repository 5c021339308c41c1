package io.dispycluster.worker.crawl;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The checks of the crawl's configuration that bounds cannot express.
 */
class CrawlPropertiesTests {

	@Test
	void refusesAResultSizeTooSmallForACrawlNamingTheProperty() {
		assertThatIllegalArgumentException().isThrownBy(() -> withResultSize(DataSize.ofKilobytes(63)))
			.withMessage("dispycluster.worker.crawl.max-result-size must be between 64KB and 2GB, not 64512B");
	}

	@Test
	void refusesAResultSizeTooLargeForTheHeap() {
		assertThatIllegalArgumentException().isThrownBy(() -> withResultSize(DataSize.ofGigabytes(3)))
			.withMessageStartingWith("dispycluster.worker.crawl.max-result-size must be between 64KB and 2GB");
	}

	@Test
	void takesTheSmallestResultSize() {
		assertThat(withResultSize(DataSize.ofKilobytes(64)).maxResultSize()).isEqualTo(DataSize.ofKilobytes(64));
	}

	private static CrawlProperties withResultSize(DataSize maxResultSize) {
		return new CrawlProperties(Duration.ofSeconds(1), Duration.ofHours(1), Duration.ofHours(6), 1, maxResultSize,
				4);
	}

}

package io.dispycluster.controller.job;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static io.dispycluster.controller.job.JobFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

class IdsTests {

	@Test
	void keepsTheUpstreamPrefix() {
		assertThat(Ids.next("job", T0)).matches("job_[0-9a-hjkmnp-tv-z]{26}");
		assertThat(Ids.next("batch", T0)).startsWith("batch_");
	}

	@Test
	void neverRepeatsWithinTheSameMillisecond() {
		Set<String> ids = new HashSet<>();
		for (int i = 0; i < 100_000; i++) {
			ids.add(Ids.next("job", T0));
		}
		assertThat(ids).hasSize(100_000);
	}

	@Test
	void sortInTheOrderTheyWereMadeWithinTheSameMillisecond() {
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 1000; i++) {
			ids.add(Ids.next("job", T0.plusSeconds(1)));
		}
		assertThat(ids).isSorted().doesNotHaveDuplicates();
	}

	@Test
	void sortsByCreationTime() {
		assertThat(Ids.next("job", T0).substring(0, 14)).isLessThan(Ids.next("job", T0.plusMillis(1)).substring(0, 14));
	}

}

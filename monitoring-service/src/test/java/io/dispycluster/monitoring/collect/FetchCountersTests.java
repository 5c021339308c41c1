package io.dispycluster.monitoring.collect;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FetchCountersTests {

	@Test
	void readsTheWorkersRequestTimings() {
		FetchCounters counters = FetchCounters.of("""
				# TYPE dispycluster_worker_fetch_latency_seconds histogram
				dispycluster_worker_fetch_latency_seconds_bucket{le="0.05"} 3
				dispycluster_worker_fetch_latency_seconds_count 12
				dispycluster_worker_fetch_latency_seconds_sum 3.5
				dispycluster_worker_fetch_latency_seconds_max 1.2
				""");

		assertThat(counters).isEqualTo(new FetchCounters(3.5, 12));
	}

	@Test
	void hasNothingWhenTheWorkerExportsNoTimings() {
		assertThat(FetchCounters.of("jvm_threads_live_threads 20\n")).isNull();
	}

	@Test
	void countsTheWholeValueAfterARestart() {
		FetchCounters before = new FetchCounters(10, 40);

		assertThat(new FetchCounters(12.5, 50).since(before)).isEqualTo(new FetchCounters(2.5, 10));
		assertThat(new FetchCounters(1, 3).since(before)).isEqualTo(new FetchCounters(1, 3));
	}

}

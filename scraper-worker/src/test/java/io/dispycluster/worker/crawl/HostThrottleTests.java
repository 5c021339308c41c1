package io.dispycluster.worker.crawl;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The spacing of requests to a host across the crawls of a worker. Only lower bounds are
 * asserted: a loaded machine makes waits longer, never shorter.
 */
class HostThrottleTests {

	private final HostThrottle throttle = new HostThrottle();

	private final CrawlControl control = new CrawlControl();

	private final long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();

	@Test
	void keepsTheLongerDelayOfTwoCrawlsBetweenTheirRequests() {
		Duration delay = Duration.ofMillis(500);
		long start = System.nanoTime();
		// A crawl that keeps 500 ms, then one that keeps none (500 ms after the first),
		// then the first again: 500 ms after the request of the other, not together with
		// it.
		turn("example.org", delay);
		turn("example.org", Duration.ZERO);
		turn("example.org", delay);

		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(1000));
	}

	@Test
	void holdsBackAHostAsAskedWhateverTheDelay() {
		long start = System.nanoTime();
		this.throttle.backOff("example.org", Duration.ofMillis(500));
		turn("example.org", Duration.ZERO);

		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(500));
	}

	@Test
	void freesTheSlotOfACrawlThatGaveUpWaitingForIt() {
		Duration delay = Duration.ofSeconds(2);
		long start = System.nanoTime();
		turn("example.org", delay);
		// the crawl is cancelled while it waits for its next slot, 2 s after its request
		CrawlControl cancelled = new CrawlControl();
		cancelled.cancel();
		assertThat(this.throttle.awaitTurn("example.org", delay, this.deadline, cancelled)).isFalse();

		// another crawl's request takes that slot, 2 s after the first request: with the
		// slot given up still held, it would come 4 s after, past a deadline of 3 s
		long threeSeconds = start + Duration.ofSeconds(3).toNanos();
		assertThat(this.throttle.awaitTurn("example.org", Duration.ZERO, threeSeconds, this.control)).isTrue();
	}

	private void turn(String host, Duration delay) {
		assertThat(this.throttle.awaitTurn(host, delay, this.deadline, this.control)).isTrue();
	}

}

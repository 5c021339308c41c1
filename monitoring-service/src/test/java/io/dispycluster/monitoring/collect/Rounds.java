package io.dispycluster.monitoring.collect;

import java.time.Duration;

import org.springframework.context.ApplicationContext;

import static org.awaitility.Awaitility.await;

/**
 * Runs a collection round synchronously in a test, at the instant of the context's clock;
 * waits first for a round already running (one started by {@code POST /collect_metrics}).
 */
public final class Rounds {

	private Rounds() {
	}

	public static void run(ApplicationContext context) {
		Collector collector = context.getBean(Collector.class);
		await("a collection round").atMost(Duration.ofSeconds(30))
			.pollDelay(Duration.ZERO)
			.pollInterval(Duration.ofMillis(20))
			.until(collector::collect);
	}

}

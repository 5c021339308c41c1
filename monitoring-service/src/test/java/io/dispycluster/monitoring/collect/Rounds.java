package io.dispycluster.monitoring.collect;

import org.springframework.context.ApplicationContext;

/**
 * Runs a collection round synchronously in a test, at the instant of the context's clock.
 */
public final class Rounds {

	private Rounds() {
	}

	public static void run(ApplicationContext context) {
		if (!context.getBean(Collector.class).collect()) {
			throw new IllegalStateException("a round was already running");
		}
	}

}

package io.dispycluster.monitoring.collect;

import java.time.Clock;
import java.time.Duration;

import io.micrometer.core.instrument.MeterRegistry;

import io.dispycluster.monitoring.jobs.ControllerClient;
import io.dispycluster.monitoring.jobs.KnownWorkers;
import io.dispycluster.monitoring.jobs.QueueSamples;
import io.dispycluster.monitoring.node.CollectionProperties;
import io.dispycluster.monitoring.node.NodeBoard;
import io.dispycluster.monitoring.node.NodeInventoryProperties;
import io.dispycluster.monitoring.node.NodeSamples;

import org.springframework.context.ApplicationContext;

import static org.awaitility.Awaitility.await;

/**
 * Runs a collection round synchronously in a test, at the instant of the context's clock;
 * waits first for a round already running (one started by {@code POST /collect_metrics}).
 */
public final class Rounds {

	private Rounds() {
	}

	/**
	 * Runs a round on a collector made anew from the context's beans, as the first round
	 * after a restart over the same database.
	 */
	public static void runAfterARestart(ApplicationContext context) {
		Collector collector = new Collector(context.getBean(NodeInventoryProperties.class),
				context.getBean(CollectionProperties.class), context.getBean(ControllerClient.class),
				context.getBean(NodeSources.class), context.getBean(NodeSamples.class),
				context.getBean(QueueSamples.class), context.getBean(KnownWorkers.class),
				context.getBean(NodeBoard.class), context, context.getBean(MeterRegistry.class),
				context.getBean(Clock.class));
		try {
			collector.collect();
		}
		finally {
			collector.stop();
		}
	}

	public static void run(ApplicationContext context) {
		Collector collector = context.getBean(Collector.class);
		await("a collection round").atMost(Duration.ofSeconds(30))
			.pollDelay(Duration.ZERO)
			.pollInterval(Duration.ofMillis(20))
			.until(collector::collect);
	}

}

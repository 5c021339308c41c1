package io.dispycluster.monitoring.collect;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.dispycluster.monitoring.node.CollectionProperties;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Runs a collection round at start-up and then every {@code interval} after the previous
 * one ended, unless {@code dispycluster.monitoring.collection.enabled} is false.
 */
@Configuration(proxyBeanMethods = false)
class CollectionScheduling implements SchedulingConfigurer {

	private static final Logger LOG = LoggerFactory.getLogger(CollectionScheduling.class);

	private final CollectionProperties properties;

	private final Collector collector;

	CollectionScheduling(CollectionProperties properties, Collector collector) {
		this.properties = properties;
		this.collector = collector;
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar registrar) {
		if (!this.properties.enabled()) {
			LOG.info("Periodic collection is off (dispycluster.monitoring.collection.enabled=false)");
			return;
		}
		LOG.info("Collecting node metrics every {}", this.properties.interval());
		registrar.addFixedDelayTask(new FixedDelayTask(this::collectSafely, this.properties.interval(), Duration.ZERO));
	}

	private void collectSafely() {
		try {
			this.collector.collect();
		}
		catch (RuntimeException ex) {
			// A broken round (say, the database is down) must not stop the next ones.
			LOG.warn("Collection round failed: {}", ex.toString());
		}
	}

}

package io.dispycluster.scheduler.status;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.stereotype.Component;

/**
 * Publishes {@code dispycluster_scheduler_running} (1 while Quartz fires triggers).
 */
@Component
class SchedulerMetrics implements MeterBinder {

	private final QuartzState quartz;

	SchedulerMetrics(QuartzState quartz) {
		this.quartz = quartz;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("dispycluster.scheduler.running", this.quartz, (state) -> state.running() ? 1 : 0)
			.description("1 while the Quartz scheduler fires triggers, else 0")
			.register(registry);
	}

}

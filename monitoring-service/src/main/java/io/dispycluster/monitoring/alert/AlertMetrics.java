package io.dispycluster.monitoring.alert;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * Alert meters: {@code dispycluster_alerts_active{severity}},
 * {@code dispycluster_alerts_fired_total{rule}} and
 * {@code dispycluster_alert_notifications_total{outcome}} (sent, failed after every
 * attempt, dropped because the queue was full).
 */
@Component
class AlertMetrics {

	private final Map<Severity, AtomicInteger> active = new EnumMap<>(Severity.class);

	private final Map<AlertRule, Counter> fired = new EnumMap<>(AlertRule.class);

	private final Counter sent;

	private final Counter failed;

	private final Counter dropped;

	AlertMetrics(MeterRegistry registry) {
		for (Severity severity : Severity.values()) {
			AtomicInteger count = new AtomicInteger();
			this.active.put(severity, count);
			Gauge.builder("dispycluster.alerts.active", count, AtomicInteger::get)
				.description("Active alerts, by severity")
				.tag("severity", severity.wireName())
				.register(registry);
		}
		for (AlertRule rule : AlertRule.values()) {
			this.fired.put(rule,
					Counter.builder("dispycluster.alerts.fired")
						.description("Alerts fired, by rule")
						.tag("rule", rule.wireName())
						.register(registry));
		}
		this.sent = notifications(registry, "sent");
		this.failed = notifications(registry, "failed");
		this.dropped = notifications(registry, "dropped");
	}

	private static Counter notifications(MeterRegistry registry, String outcome) {
		return Counter.builder("dispycluster.alert.notifications")
			.description("Webhook notifications, by outcome")
			.tag("outcome", outcome.toLowerCase(Locale.ROOT))
			.register(registry);
	}

	void fired(AlertRule rule) {
		this.fired.get(rule).increment();
	}

	void active(List<Alert> alerts) {
		for (Severity severity : Severity.values()) {
			this.active.get(severity).set((int) alerts.stream().filter((a) -> a.severity() == severity).count());
		}
	}

	void sent() {
		this.sent.increment();
	}

	void failed() {
		this.failed.increment();
	}

	void dropped() {
		this.dropped.increment();
	}

}

package io.dispycluster.monitoring.alert;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.dispycluster.monitoring.alert.Observation.Key;
import io.dispycluster.monitoring.node.RetentionPassed;
import io.dispycluster.monitoring.node.RoundCompleted;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Evaluates the rules after every collection round. A condition that starts to hold is
 * pending; once it has held for the rule's duration the alert fires, once: it stays
 * active (in the database, so across restarts too) until the condition clears, and is
 * then resolved and kept as history. An unknown condition changes nothing. Alerts of a
 * node no longer monitored, or of a rule switched off, are resolved. When each pending
 * condition started to hold is stored too, so that a restart does not start its wait
 * again: one that held longer than its duration fires at the first round where it still
 * holds. Firing (the end of the pending condition, the alert, its notifications) and
 * resolving (the alert's end, its notifications) are each one transaction: a crash
 * between their writes neither loses nor doubles an alert or a notification.
 */
@Component
public class AlertEngine {

	private static final Logger LOG = LoggerFactory.getLogger(AlertEngine.class);

	private final AlertProperties properties;

	private final Conditions conditions;

	private final AlertStore store;

	private final WebhookNotifier notifier;

	private final AlertMetrics metrics;

	private final PendingStore pendingStore;

	private final TransactionOperations transaction;

	/** The pending conditions, as stored: read once, then written through. */
	private final Map<Key, Instant> pending;

	private volatile @Nullable Instant lastEvaluation;

	AlertEngine(AlertProperties properties, Conditions conditions, AlertStore store, WebhookNotifier notifier,
			AlertMetrics metrics, PendingStore pendingStore, TransactionOperations transaction) {
		this.properties = properties;
		this.conditions = conditions;
		this.store = store;
		this.notifier = notifier;
		this.metrics = metrics;
		this.pendingStore = pendingStore;
		this.transaction = transaction;
		this.pending = new HashMap<>(pendingStore.load());
		store.active().forEach(this::followSeverity);
		metrics.active(store.active());
	}

	@EventListener
	void onRound(RoundCompleted round) {
		evaluate(round.at());
	}

	@EventListener
	void onRetention(RetentionPassed retention) {
		this.store.deleteResolvedBefore(retention.before());
	}

	/** The active alerts, oldest fired first. */
	public List<Alert> active() {
		return this.store.active();
	}

	/** When the rules were last evaluated, or null before the first round. */
	public @Nullable Instant lastEvaluation() {
		return this.lastEvaluation;
	}

	synchronized void evaluate(Instant now) {
		Map<Key, Alert> active = new HashMap<>();
		this.store.active().forEach((alert) -> active.put(Key.of(alert), alert));
		Set<Key> seen = new HashSet<>();
		for (Observation observation : this.conditions.observe(now)) {
			Key key = observation.key();
			seen.add(key);
			if (observation.holds() == null) {
				continue;
			}
			if (observation.holds()) {
				holds(observation, active.get(key), now);
			}
			else {
				stopPending(key);
				Alert alert = active.get(key);
				if (alert != null) {
					resolve(alert, now);
				}
			}
		}
		for (Map.Entry<Key, Alert> entry : active.entrySet()) {
			if (!seen.contains(entry.getKey())) {
				resolve(entry.getValue(), now);
			}
		}
		// a node no longer monitored, a rule switched off
		for (Key key : List.copyOf(this.pending.keySet())) {
			if (!seen.contains(key)) {
				stopPending(key);
			}
		}
		this.metrics.active(this.store.active());
		this.lastEvaluation = now;
	}

	private void holds(Observation observation, @Nullable Alert active, Instant now) {
		if (active != null) {
			return;
		}
		AlertProperties.Rule rule = this.properties.rule(observation.rule());
		Instant since = this.pending.get(observation.key());
		if (since == null) {
			since = now;
			startPending(observation.key(), now, rule);
		}
		if (now.isBefore(since.plus(rule.duration()))) {
			return;
		}
		Alert alert = Alert.firing("alert_" + UUID.randomUUID().toString().replace("-", ""), observation.rule(),
				observation.node(), rule.severity(), observation.value(), this.conditions.threshold(observation.rule()),
				observation.message(), since, now);
		this.transaction.executeWithoutResult((status) -> {
			this.pendingStore.remove(observation.key());
			this.store.add(alert);
			this.notifier.fired(alert);
		});
		// only once stored: a failed write leaves the condition pending since it started
		this.pending.remove(observation.key());
		this.metrics.fired(alert.rule());
		LOG.info("Alert fired: alert={} rule={} node={} severity={} message={}", alert.id(), alert.rule().wireName(),
				alert.node(), alert.severity().wireName(), alert.message());
	}

	/**
	 * An active alert has its rule's severity: one fired before the rule's severity was
	 * changed (and the service restarted) takes the new one at start-up, as the rule's
	 * breaches in {@code /cluster/health} do, instead of keeping the old one until it
	 * resolves.
	 */
	private void followSeverity(Alert alert) {
		AlertProperties.Rule rule = this.properties.rule(alert.rule());
		if (!rule.enabled() || rule.severity() == alert.severity()) {
			return;
		}
		this.store.severity(alert.id(), rule.severity());
		LOG.info("Alert severity changed: alert={} rule={} node={} severity={}", alert.id(), alert.rule().wireName(),
				alert.node(), rule.severity().wireName());
	}

	private void startPending(Key key, Instant since, AlertProperties.Rule rule) {
		// a rule that fires at once has nothing to resume
		if (!rule.duration().isZero()) {
			// its row replaced at once, so that a crash cannot leave it deleted
			this.transaction.executeWithoutResult((status) -> this.pendingStore.add(key, since));
		}
		this.pending.put(key, since);
	}

	private void stopPending(Key key) {
		if (this.pending.remove(key) != null) {
			this.pendingStore.remove(key);
		}
	}

	private void resolve(Alert alert, Instant now) {
		this.transaction.executeWithoutResult((status) -> {
			this.store.resolve(alert.id(), now);
			this.notifier.resolved(alert.resolved(now));
		});
		LOG.info("Alert resolved: alert={} rule={} node={}", alert.id(), alert.rule().wireName(), alert.node());
	}

}

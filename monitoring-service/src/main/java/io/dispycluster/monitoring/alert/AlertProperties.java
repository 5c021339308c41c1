package io.dispycluster.monitoring.alert;

import java.net.URI;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The alert rules and where their notifications go
 * ({@code dispycluster.monitoring.alerts}). Each rule may be given in part; what it does
 * not say keeps its default.
 *
 * @param rules the rules, by name
 * @param notifications the webhooks and how they are called
 */
@ConfigurationProperties("dispycluster.monitoring.alerts")
@Validated
public record AlertProperties(@DefaultValue @Valid Rules rules, @DefaultValue @Valid Notifications notifications) {

	/** The settings of one rule, defaults applied. */
	public Rule rule(AlertRule rule) {
		return this.rules.resolved().get(rule);
	}

	/**
	 * The rules as configured; any setting left out takes the rule's default.
	 *
	 * @param cpu default: above 90 % for 2 minutes, warning
	 * @param memory default: above 90 % for 2 minutes, warning
	 * @param disk default: above 90 %, at once, warning
	 * @param temperature default: above 80 °C for 1 minute, critical (a Raspberry Pi
	 * throttles near 80–85 °C)
	 * @param nodeDown default: a node offline, at once (the staleness already waits three
	 * intervals, a node refusing its samplings two rounds; a node never sampled waits as
	 * long from its first failure), warning
	 * @param failureRate default: more than 20 % of the jobs finished in the last 15
	 * minutes failed, with at least 5 finished, warning
	 * @param queueBacklog default: the queue grew by at least 1 job over 10 minutes
	 * without draining back, warning
	 * @param controllerUnreachable default: the controller did not answer for as long as
	 * a node without a fresh sample is offline, at once, critical (as in
	 * {@code /cluster/health}: without it no job is taken or dispatched)
	 */
	public record Rules(@Nullable RuleSettings cpu, @Nullable RuleSettings memory, @Nullable RuleSettings disk,
			@Nullable RuleSettings temperature, @Nullable RuleSettings nodeDown, @Nullable RuleSettings failureRate,
			@Nullable RuleSettings queueBacklog, @Nullable RuleSettings controllerUnreachable) {

		private static final Map<AlertRule, Rule> DEFAULTS = Map.ofEntries(
				Map.entry(AlertRule.CPU, new Rule(true, 90, Duration.ofMinutes(2), Duration.ZERO, 1, Severity.WARNING)),
				Map.entry(AlertRule.MEMORY,
						new Rule(true, 90, Duration.ofMinutes(2), Duration.ZERO, 1, Severity.WARNING)),
				Map.entry(AlertRule.DISK, new Rule(true, 90, Duration.ZERO, Duration.ZERO, 1, Severity.WARNING)),
				Map.entry(AlertRule.TEMPERATURE,
						new Rule(true, 80, Duration.ofMinutes(1), Duration.ZERO, 1, Severity.CRITICAL)),
				Map.entry(AlertRule.NODE_DOWN, new Rule(true, 0, Duration.ZERO, Duration.ZERO, 1, Severity.WARNING)),
				Map.entry(AlertRule.FAILURE_RATE,
						new Rule(true, 20, Duration.ZERO, Duration.ofMinutes(15), 5, Severity.WARNING)),
				Map.entry(AlertRule.QUEUE_BACKLOG,
						new Rule(true, 1, Duration.ZERO, Duration.ofMinutes(10), 1, Severity.WARNING)),
				Map.entry(AlertRule.CONTROLLER_UNREACHABLE,
						new Rule(true, 0, Duration.ZERO, Duration.ZERO, 1, Severity.CRITICAL)));

		Map<AlertRule, Rule> resolved() {
			Map<AlertRule, Rule> rules = new EnumMap<>(AlertRule.class);
			rules.put(AlertRule.CPU, merge(AlertRule.CPU, this.cpu));
			rules.put(AlertRule.MEMORY, merge(AlertRule.MEMORY, this.memory));
			rules.put(AlertRule.DISK, merge(AlertRule.DISK, this.disk));
			rules.put(AlertRule.TEMPERATURE, merge(AlertRule.TEMPERATURE, this.temperature));
			rules.put(AlertRule.NODE_DOWN, merge(AlertRule.NODE_DOWN, this.nodeDown));
			rules.put(AlertRule.FAILURE_RATE, merge(AlertRule.FAILURE_RATE, this.failureRate));
			rules.put(AlertRule.QUEUE_BACKLOG, merge(AlertRule.QUEUE_BACKLOG, this.queueBacklog));
			rules.put(AlertRule.CONTROLLER_UNREACHABLE,
					merge(AlertRule.CONTROLLER_UNREACHABLE, this.controllerUnreachable));
			return rules;
		}

		public Rules {
			// Resolve once here so that a bad value fails at start-up, naming the
			// property.
			merge(AlertRule.CPU, cpu);
			merge(AlertRule.MEMORY, memory);
			merge(AlertRule.DISK, disk);
			merge(AlertRule.TEMPERATURE, temperature);
			merge(AlertRule.NODE_DOWN, nodeDown);
			merge(AlertRule.FAILURE_RATE, failureRate);
			merge(AlertRule.QUEUE_BACKLOG, queueBacklog);
			merge(AlertRule.CONTROLLER_UNREACHABLE, controllerUnreachable);
		}

		private static Rule merge(AlertRule rule, @Nullable RuleSettings settings) {
			Rule base = DEFAULTS.get(rule);
			if (settings == null) {
				return base;
			}
			Rule merged = new Rule((settings.enabled() != null) ? settings.enabled() : base.enabled(),
					(settings.threshold() != null) ? settings.threshold() : base.threshold(),
					(settings.duration() != null) ? settings.duration() : base.duration(),
					(settings.window() != null) ? settings.window() : base.window(),
					(settings.minJobs() != null) ? settings.minJobs() : base.minJobs(),
					(settings.severity() != null) ? settings.severity() : base.severity());
			String prefix = "dispycluster.monitoring.alerts.rules." + rule.wireName().replace('_', '-') + ".";
			if (merged.threshold() < 0) {
				throw new IllegalArgumentException(prefix + "threshold must not be negative");
			}
			if (merged.duration().isNegative()) {
				throw new IllegalArgumentException(prefix + "duration must not be negative");
			}
			if ((rule == AlertRule.FAILURE_RATE || rule == AlertRule.QUEUE_BACKLOG)
					&& (merged.window().isNegative() || merged.window().isZero())) {
				throw new IllegalArgumentException(prefix + "window must be positive");
			}
			if (merged.minJobs() < 1) {
				throw new IllegalArgumentException(prefix + "min-jobs must be at least 1");
			}
			return merged;
		}

	}

	/**
	 * One rule as configured; every setting is optional.
	 *
	 * @param enabled whether the rule is evaluated
	 * @param threshold the value to exceed: percent, °C, or jobs of growth for the queue
	 * @param duration how long the condition must hold before the alert fires
	 * @param window the period a rate or a growth is measured over (failure rate, queue)
	 * @param minJobs finished jobs needed in the window before a failure rate counts
	 * @param severity warning or critical
	 */
	public record RuleSettings(@Nullable Boolean enabled, @Nullable Double threshold, @Nullable Duration duration,
			@Nullable Duration window, @Nullable Integer minJobs, @Nullable Severity severity) {
	}

	/**
	 * One rule with its defaults applied.
	 *
	 * @param enabled whether the rule is evaluated
	 * @param threshold the value to exceed
	 * @param duration how long the condition must hold before the alert fires
	 * @param window the period a rate or a growth is measured over
	 * @param minJobs finished jobs needed before a failure rate counts
	 * @param severity warning or critical
	 */
	public record Rule(boolean enabled, double threshold, Duration duration, Duration window, int minJobs,
			Severity severity) {
	}

	/**
	 * Where alert notifications go and how.
	 *
	 * @param webhooks the endpoints called on every alert fired and resolved; none by
	 * default
	 * @param attempts calls per notification before giving up (10 by default: with the
	 * default waits, a webhook may be down about 15 minutes without losing one)
	 * @param backoff wait before the second attempt, doubled for each further one
	 * @param maxBackoff the longest wait between two attempts
	 * @param timeout connection and read timeout of each call
	 * @param queueCapacity notifications waiting to be sent at most (kept in the
	 * database, across restarts); beyond, new ones are dropped with a warning
	 */
	public record Notifications(@DefaultValue List<@Valid Webhook> webhooks,
			@DefaultValue("10") @Min(1) @Max(50) int attempts, @DefaultValue("2s") Duration backoff,
			@DefaultValue("5m") Duration maxBackoff, @DefaultValue("5s") Duration timeout,
			@DefaultValue("100") @Min(1) int queueCapacity) {

		public Notifications {
			webhooks = List.copyOf(webhooks);
			for (int i = 0; i < webhooks.size(); i++) {
				checkWebhook(i, webhooks.get(i).url());
			}
			if (backoff.isNegative()) {
				throw new IllegalArgumentException(
						"dispycluster.monitoring.alerts.notifications.backoff must not be negative");
			}
			if (maxBackoff.compareTo(backoff) < 0) {
				throw new IllegalArgumentException(
						"dispycluster.monitoring.alerts.notifications.max-backoff must not be shorter than backoff");
			}
			if (timeout.isNegative() || timeout.isZero()) {
				throw new IllegalArgumentException(
						"dispycluster.monitoring.alerts.notifications.timeout must be positive");
			}
		}

		/**
		 * A URL without a scheme ({@code hooks.slack.com/...}) binds as a relative URI;
		 * it would only fail when the first alert is sent, so it stops start-up instead.
		 * The message leaves the URL out: Slack and Discord keep their secret in its
		 * path.
		 */
		private static void checkWebhook(int index, @Nullable URI url) {
			if (url == null) {
				return;
			}
			String scheme = url.getScheme();
			boolean http = "http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme);
			if (!http || url.getHost() == null || url.getHost().isEmpty()) {
				throw new IllegalArgumentException("dispycluster.monitoring.alerts.notifications.webhooks[" + index
						+ "].url must be an absolute http or https URL");
			}
		}

	}

	/**
	 * A webhook. The body suits Slack-compatible endpoints ({@code text}), Discord
	 * ({@code content}) and ntfy: post to the server's root URL and give the topic, or
	 * post to the topic's URL.
	 *
	 * @param url where to POST the JSON notification
	 * @param topic the ntfy topic, sent as {@code topic} when set
	 */
	public record Webhook(@NotNull URI url, @Nullable String topic) {
	}

}

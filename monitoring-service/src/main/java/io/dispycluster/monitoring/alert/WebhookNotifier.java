package io.dispycluster.monitoring.alert;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import io.dispycluster.monitoring.system.HttpClients;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Sends a JSON notification to every configured webhook when an alert fires or resolves.
 * The body carries the text as {@code text} (Slack and compatibles: Mattermost,
 * Rocket.Chat, Google Chat), {@code content} (Discord) and {@code message} with
 * {@code title} (ntfy, plus {@code topic} when configured), and the alert itself under
 * {@code alert}.
 * <p>
 * A notification is first written to the {@link WebhookOutbox} (in the transaction of its
 * alert, when there is one), then sent by a thread of its own and removed once the
 * webhook takes it: it survives a restart of the service and a webhook down for a while
 * (each failed call waits twice as long as the one before, up to {@code max-backoff}, for
 * {@code attempts} calls in all). Each webhook gets its notifications one at a time, in
 * the order they were made, so that a "resolved" never arrives before its "firing"; a
 * slow or failing webhook never blocks collection, nor the other webhooks for longer than
 * its timeout.
 */
@Component
class WebhookNotifier {

	private static final Logger LOG = LoggerFactory.getLogger(WebhookNotifier.class);

	/** How long the sender waits after the outbox could not be read. */
	private static final long RETRY_AFTER_ERROR_MS = 1000;

	private final AlertProperties.Notifications settings;

	private final AlertMetrics metrics;

	private final WebhookOutbox outbox;

	private final RestClient http;

	private final JsonMapper json;

	private final Map<String, AlertProperties.Webhook> webhooks = new LinkedHashMap<>();

	private final Object wake = new Object();

	private final Thread sender;

	private volatile boolean running = true;

	private boolean woken;

	WebhookNotifier(RestClient.Builder builder, AlertProperties properties, AlertMetrics metrics, WebhookOutbox outbox,
			JsonMapper json) {
		this.settings = properties.notifications();
		this.metrics = metrics;
		this.outbox = outbox;
		this.json = json;
		this.http = HttpClients.withTimeout(builder.clone(), this.settings.timeout()).build();
		this.settings.webhooks().forEach((webhook) -> this.webhooks.put(webhook.url().toString(), webhook));
		this.sender = new Thread(this::sendWhileRunning, "alert-webhooks");
		this.sender.setDaemon(true);
	}

	/** Starts sending, the notifications left waiting by an earlier run first. */
	@PostConstruct
	void start() {
		this.sender.start();
	}

	void fired(Alert alert) {
		notifyAll(alert, "[DispyCluster] Alerte " + alert.severity().wireName() + " : " + alert.message(),
				"DispyCluster : alerte " + alert.rule().wireName());
	}

	void resolved(Alert alert) {
		notifyAll(alert, "[DispyCluster] Résolu : " + alert.message(),
				"DispyCluster : résolu " + alert.rule().wireName());
	}

	private void notifyAll(Alert alert, String text, String title) {
		for (AlertProperties.Webhook webhook : this.settings.webhooks()) {
			if (this.outbox.count() >= this.settings.queueCapacity()) {
				this.metrics.dropped();
				LOG.warn("Notification dropped, too many waiting: alert={} webhook={}", alert.id(), redacted(webhook));
				continue;
			}
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("text", text);
			body.put("content", text);
			body.put("message", text);
			body.put("title", title);
			if (webhook.topic() != null) {
				body.put("topic", webhook.topic());
			}
			body.put("status", alert.status());
			body.put("alert", alert);
			this.outbox.add(webhook.url().toString(), alert.id(), alert.status(), this.json.writeValueAsString(body),
					System.currentTimeMillis());
		}
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			// Written with its alert: woken before the commit, the sender would not see
			// it yet and sleep until the next notification.
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					wakeSender();
				}
			});
		}
		else {
			wakeSender();
		}
	}

	private void wakeSender() {
		synchronized (this.wake) {
			this.woken = true;
			this.wake.notifyAll();
		}
	}

	private void sendWhileRunning() {
		while (this.running) {
			long nextDueMs;
			try {
				nextDueMs = sendDue();
			}
			catch (RuntimeException ex) {
				// the database briefly unavailable, say: the notifications wait in the
				// outbox
				LOG.warn("Webhook notifications not sent this time: {}", ex.toString());
				nextDueMs = System.currentTimeMillis() + RETRY_AFTER_ERROR_MS;
			}
			// Nothing waiting: sleep until a new notification wakes the sender (woken
			// once the
			// notification is written, so none written meanwhile is missed).
			long waitMs = (nextDueMs == Long.MAX_VALUE) ? 0 : Math.max(1, nextDueMs - System.currentTimeMillis());
			synchronized (this.wake) {
				if (!this.woken && this.running) {
					try {
						this.wake.wait(waitMs);
					}
					catch (InterruptedException ex) {
						return;
					}
				}
				this.woken = false;
			}
		}
	}

	/**
	 * Tries the oldest waiting notification of each webhook, if it is due.
	 * @return when the first of those still waiting is due (epoch milliseconds), or
	 * {@link Long#MAX_VALUE} when none waits
	 */
	private long sendDue() {
		long nextDueMs = Long.MAX_VALUE;
		Set<String> served = new HashSet<>();
		for (WebhookOutbox.Notification notification : this.outbox.waiting(this.settings.queueCapacity())) {
			if (!this.running) {
				break;
			}
			if (!served.add(notification.webhookUrl())) {
				continue; // a notification before it to the same webhook waits
			}
			AlertProperties.Webhook webhook = this.webhooks.get(notification.webhookUrl());
			if (webhook == null) {
				// the webhook left the configuration while the notification waited
				LOG.info("Notification for a webhook no longer configured dropped: alert={}", notification.alertId());
				this.outbox.remove(notification.id());
				nextDueMs = 0; // the next one for that webhook may be due
				continue;
			}
			long dueMs = notification.nextAttemptMs();
			if (dueMs <= System.currentTimeMillis()) {
				dueMs = deliver(webhook, notification);
			}
			nextDueMs = Math.min(nextDueMs, dueMs);
		}
		return nextDueMs;
	}

	/**
	 * Makes one call for a notification.
	 * @return when the webhook's next notification is due: now when this one is done with
	 * (delivered or given up), else when this one is tried again
	 */
	private long deliver(AlertProperties.Webhook webhook, WebhookOutbox.Notification notification) {
		try {
			this.http.post()
				.uri(webhook.url())
				.contentType(MediaType.APPLICATION_JSON)
				// Bytes, so that the body goes with its Content-Length: simple receivers
				// (HTTP/1.0 servers, some proxies) cannot read a chunked one
				.body(notification.body().getBytes(StandardCharsets.UTF_8))
				.retrieve()
				.toBodilessEntity();
		}
		catch (RestClientException ex) {
			return failed(webhook, notification, ex);
		}
		this.outbox.remove(notification.id());
		this.metrics.sent();
		LOG.debug("Notification sent: alert={} status={} webhook={}", notification.alertId(),
				notification.alertStatus(), redacted(webhook));
		return System.currentTimeMillis();
	}

	private long failed(AlertProperties.Webhook webhook, WebhookOutbox.Notification notification,
			RestClientException ex) {
		int attempts = notification.attempts() + 1;
		if (attempts >= this.settings.attempts()) {
			this.outbox.remove(notification.id());
			this.metrics.failed();
			LOG.warn("Notification failed after {} attempts: alert={} webhook={} reason={}", attempts,
					notification.alertId(), redacted(webhook), ex.getMessage());
			return System.currentTimeMillis();
		}
		Duration wait = backoff(attempts);
		LOG.debug("Notification not delivered, next attempt in {}: alert={} webhook={} reason={}", wait,
				notification.alertId(), redacted(webhook), ex.getMessage());
		long dueMs = System.currentTimeMillis() + wait.toMillis();
		this.outbox.retryAt(notification.id(), attempts, dueMs);
		return dueMs;
	}

	/** The wait after the given number of failed calls: doubled each time, capped. */
	Duration backoff(int failedCalls) {
		Duration wait = this.settings.backoff();
		for (int i = 1; i < failedCalls && wait.compareTo(this.settings.maxBackoff()) < 0; i++) {
			wait = wait.multipliedBy(2);
		}
		return (wait.compareTo(this.settings.maxBackoff()) > 0) ? this.settings.maxBackoff() : wait;
	}

	/**
	 * The webhook's scheme and host only: Slack and Discord put their secret in the path.
	 */
	private static String redacted(AlertProperties.Webhook webhook) {
		java.net.URI url = webhook.url();
		return url.getScheme() + "://" + url.getHost() + ((url.getPort() >= 0) ? ":" + url.getPort() : "") + "/…";
	}

	@PreDestroy
	void stop() throws InterruptedException {
		this.running = false;
		wakeSender();
		// A call under way finishes within its timeout; what is left waits in the outbox.
		this.sender.join(this.settings.timeout().toMillis() + RETRY_AFTER_ERROR_MS);
	}

}

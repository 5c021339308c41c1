package io.dispycluster.monitoring.alert;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import io.dispycluster.monitoring.system.HttpClients;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Sends a JSON notification to every configured webhook when an alert fires or resolves.
 * The body carries the text as {@code text} (Slack and compatibles: Mattermost,
 * Rocket.Chat, Google Chat), {@code content} (Discord) and {@code message} with
 * {@code title} (ntfy, plus {@code topic} when configured), and the alert itself under
 * {@code alert}. Notifications are queued and sent one after another by a thread of their
 * own, each retried with a doubling backoff, so a slow or failing webhook never blocks
 * collection.
 */
@Component
class WebhookNotifier {

	private static final Logger LOG = LoggerFactory.getLogger(WebhookNotifier.class);

	private final AlertProperties.Notifications settings;

	private final AlertMetrics metrics;

	private final RestClient http;

	private final JsonMapper json;

	private final ThreadPoolExecutor sender;

	WebhookNotifier(RestClient.Builder builder, AlertProperties properties, AlertMetrics metrics, JsonMapper json) {
		this.settings = properties.notifications();
		this.metrics = metrics;
		this.json = json;
		this.http = HttpClients.withTimeout(builder.clone(), this.settings.timeout()).build();
		this.sender = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
				new ArrayBlockingQueue<>(this.settings.queueCapacity()), (runnable) -> {
					Thread thread = new Thread(runnable, "alert-webhooks");
					thread.setDaemon(true);
					return thread;
				});
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
			// Bytes, so that the body goes with its Content-Length: a map would be
			// streamed
			// chunked, which simple receivers (HTTP/1.0 servers, some proxies) cannot
			// read
			byte[] bytes = this.json.writeValueAsBytes(body);
			try {
				this.sender.execute(() -> deliver(webhook, bytes, alert));
			}
			catch (RejectedExecutionException ex) {
				this.metrics.dropped();
				LOG.warn("Notification dropped, too many waiting: alert={} webhook={}", alert.id(), redacted(webhook));
			}
		}
	}

	private void deliver(AlertProperties.Webhook webhook, byte[] body, Alert alert) {
		Duration wait = this.settings.backoff();
		for (int attempt = 1; attempt <= this.settings.attempts(); attempt++) {
			try {
				this.http.post()
					.uri(webhook.url())
					.contentType(MediaType.APPLICATION_JSON)
					.body(body)
					.retrieve()
					.toBodilessEntity();
				this.metrics.sent();
				LOG.debug("Notification sent: alert={} status={} webhook={}", alert.id(), alert.status(),
						redacted(webhook));
				return;
			}
			catch (RestClientException ex) {
				if (attempt == this.settings.attempts()) {
					this.metrics.failed();
					LOG.warn("Notification failed after {} attempts: alert={} webhook={} reason={}", attempt,
							alert.id(), redacted(webhook), ex.getMessage());
					return;
				}
				if (!pause(wait)) {
					return;
				}
				wait = wait.multipliedBy(2);
			}
		}
	}

	/**
	 * The webhook's scheme and host only: Slack and Discord put their secret in the path.
	 */
	private static String redacted(AlertProperties.Webhook webhook) {
		java.net.URI url = webhook.url();
		return url.getScheme() + "://" + url.getHost() + ((url.getPort() >= 0) ? ":" + url.getPort() : "") + "/…";
	}

	private static boolean pause(Duration wait) {
		try {
			Thread.sleep(wait.toMillis());
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	@PreDestroy
	void stop() {
		this.sender.shutdownNow();
	}

}

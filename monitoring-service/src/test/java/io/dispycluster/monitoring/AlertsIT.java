package io.dispycluster.monitoring;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import io.dispycluster.monitoring.support.StubServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Alert rules end to end: a rule fires once its condition has held for its duration,
 * notifies the webhook (a real local HTTP server) once, resolves when the condition
 * clears, and lands in the history.
 */
class AlertsIT extends MonitoringScenario {

	private static final Duration NOTIFIED = Duration.ofSeconds(20);

	@Test
	void firesAfterItsDurationNotifiesOnceResolvesAndKeepsTheHistory() {
		workers("w-hot");
		health("w-hot", "{\"cpu_percent\":95}");
		roundAfter(Duration.ofSeconds(1));
		Instant since = CLOCK.instant();
		assertThat(alertOf("cpu", "w-hot")).isNull();
		roundAfter(Duration.ofSeconds(60));
		assertThat(alertOf("cpu", "w-hot")).isNull();

		roundAfter(Duration.ofSeconds(60));

		JsonNode alert = alertOf("cpu", "w-hot");
		assertThat(alert).isNotNull();
		assertThat(alert.get("id").asString()).startsWith("alert_");
		assertThat(alert.get("severity").asString()).isEqualTo("warning");
		assertThat(alert.get("value").doubleValue()).isEqualTo(95.0);
		assertThat(alert.get("threshold").doubleValue()).isEqualTo(90.0);
		assertThat(alert.get("message").asString()).isEqualTo("w-hot: CPU usage élevé (95.0%)");
		assertThat(alert.get("since").asString()).isEqualTo(since.toString());
		assertThat(alert.get("fired_at").asString()).isEqualTo(CLOCK.instant().toString());
		assertThat(alert.get("status").asString()).isEqualTo("firing");
		JsonNode alerts = getJson("/alerts");
		assertThat(alerts.get("alert_count").intValue()).isEqualTo(alerts.get("active_alerts").size());
		assertThat(alerts.get("last_updated").asString()).isEqualTo(CLOCK.instant().toString());
		String id = alert.get("id").asString();
		await().atMost(NOTIFIED).until(() -> notifications("w-hot", "firing").size() == 1);

		roundAfter(Duration.ofSeconds(15));
		assertThat(alertOf("cpu", "w-hot").get("id").asString()).isEqualTo(id);

		health("w-hot", "{\"cpu_percent\":50}");
		roundAfter(Duration.ofSeconds(15));
		Instant resolvedAt = CLOCK.instant();

		assertThat(alertOf("cpu", "w-hot")).isNull();
		await().atMost(NOTIFIED).until(() -> notifications("w-hot", "resolved").size() == 1);
		// Notifications leave one by one in order: a second "firing" would have come
		// first.
		List<JsonNode> fired = notifications("w-hot", "firing");
		assertThat(fired).hasSize(1);
		assertThat(fired.get(0).get("text").asString())
			.isEqualTo("[DispyCluster] Alerte warning : w-hot: CPU usage élevé (95.0%)");
		assertThat(fired.get(0).get("content").asString()).isEqualTo(fired.get(0).get("text").asString());
		assertThat(fired.get(0).get("alert").get("id").asString()).isEqualTo(id);
		assertThat(notifications("w-hot", "resolved").get(0).get("text").asString())
			.isEqualTo("[DispyCluster] Résolu : w-hot: CPU usage élevé (95.0%)");
		// sent with its length, not chunked: simple receivers (HTTP/1.0 ones, some
		// proxies) do not read chunked bodies
		assertThat(WEBHOOK.requests()).filteredOn((request) -> request.path().equals("/hook"))
			.isNotEmpty()
			.allSatisfy((request) -> assertThat(request.contentLength())
				.isEqualTo(String.valueOf(request.body().getBytes(StandardCharsets.UTF_8).length)));
		JsonNode history = historyEntry(id);
		assertThat(history.get("status").asString()).isEqualTo("resolved");
		assertThat(history.get("resolved_at").asString()).isEqualTo(resolvedAt.toString());
		assertThat(history.get("rule").asString()).isEqualTo("cpu");
		assertThat(prometheus()).containsPattern("dispycluster_alerts_fired_total\\{rule=\"cpu\"} [1-9]");
	}

	@Test
	void forgetsAConditionThatClearedBeforeItsDuration() {
		workers("w-spike");
		health("w-spike", "{\"cpu_percent\":99}");
		roundAfter(Duration.ofSeconds(1));
		roundAfter(Duration.ofSeconds(90));
		health("w-spike", "{\"cpu_percent\":10}");
		roundAfter(Duration.ofSeconds(15));
		health("w-spike", "{\"cpu_percent\":99}");
		roundAfter(Duration.ofSeconds(15));

		roundAfter(Duration.ofSeconds(60));

		assertThat(alertOf("cpu", "w-spike")).isNull();
	}

	@Test
	void retriesAFailingWebhookUntilItAccepts() {
		AtomicInteger refusals = new AtomicInteger(2);
		WEBHOOK.handle("/hook", (request) -> (request.body().contains("w-retry") && refusals.getAndDecrement() > 0)
				? new StubServer.Response(500, "text/plain", "down") : new StubServer.Response(200, "text/plain", ""));
		workers("w-retry");
		health("w-retry", "{\"disk_percent\":95.5}");

		roundAfter(Duration.ofSeconds(1));

		JsonNode alert = alertOf("disk", "w-retry");
		assertThat(alert.get("message").asString()).isEqualTo("w-retry: Disque usage élevé (95.5%)");
		await().atMost(NOTIFIED).until(() -> notifications("w-retry", "firing").size() == 3);
		assertThat(prometheus()).containsPattern("dispycluster_alert_notifications_total\\{outcome=\"sent\"} [1-9]");
	}

	@Test
	void firesWhenANodeStopsAnsweringAndResolvesWhenItComesBack() {
		workers("w-down");
		health("w-down", "{\"cpu_percent\":5}");
		roundAfter(Duration.ofSeconds(1));
		unreadableHealth("w-down");
		roundAfter(Duration.ofSeconds(15));
		roundAfter(Duration.ofSeconds(15));
		roundAfter(Duration.ofSeconds(15));
		assertThat(alertOf("node_down", "w-down")).isNull();

		roundAfter(Duration.ofSeconds(15));

		JsonNode alert = alertOf("node_down", "w-down");
		assertThat(alert.get("message").asString()).isEqualTo("w-down: Nœud hors ligne (aucune métrique depuis 60 s)");
		assertThat(alert.get("value").doubleValue()).isEqualTo(60.0);
		// Offline once the latest sample is older than 3 intervals of 15 s.
		assertThat(alert.get("threshold").doubleValue()).isEqualTo(45.0);

		health("w-down", "{\"cpu_percent\":5}");
		roundAfter(Duration.ofSeconds(15));

		assertThat(alertOf("node_down", "w-down")).isNull();
		assertThat(historyEntry(alert.get("id").asString()).get("status").asString()).isEqualTo("resolved");
	}

	@Test
	void aNodeNeverSampledIsDownOnlyOnceItFailedForLongerThanTheStaleness() {
		workers("w-never");
		unreadableHealth("w-never");
		roundAfter(Duration.ofSeconds(1));
		roundAfter(Duration.ofSeconds(15));
		roundAfter(Duration.ofSeconds(15));
		roundAfter(Duration.ofSeconds(15));
		assertThat(alertOf("node_down", "w-never")).isNull();

		roundAfter(Duration.ofSeconds(15));

		JsonNode alert = alertOf("node_down", "w-never");
		assertThat(alert.get("message").asString()).isEqualTo("w-never: Pas de métriques disponibles");
		assertThat(alert.get("value").isNull()).isTrue();
	}

	@Test
	void aNodeDownAlertGivesTheAgeOfTheLatestSampleAboveItsThreshold() {
		workers("w-late");
		health("w-late", "{\"cpu_percent\":5}");
		roundAfter(Duration.ofSeconds(1));
		unreadableHealth("w-late");
		roundAfter(Duration.ofSeconds(45));
		assertThat(alertOf("node_down", "w-late")).isNull();

		roundAfter(Duration.ofMillis(500));

		JsonNode alert = alertOf("node_down", "w-late");
		assertThat(alert.get("value").doubleValue()).isEqualTo(45.5);
		assertThat(alert.get("threshold").doubleValue()).isEqualTo(45.0);
		assertThat(alert.get("message").asString()).isEqualTo("w-late: Nœud hors ligne (aucune métrique depuis 45 s)");
	}

	@Test
	void firesAtTheSecondRefusedSamplingWithoutWaitingForTheStaleness() {
		workers("w-stopped");
		health("w-stopped", "{\"cpu_percent\":5}");
		roundAfter(Duration.ofSeconds(1));
		NODES.respond("/w/w-stopped/health", 503, "application/json", "{}");
		roundAfter(Duration.ofSeconds(15));
		assertThat(alertOf("node_down", "w-stopped")).isNull();

		roundAfter(Duration.ofSeconds(15));

		JsonNode alert = alertOf("node_down", "w-stopped");
		assertThat(alert.get("message").asString())
			.isEqualTo("w-stopped: Nœud hors ligne (aucune métrique depuis 30 s) : réponse HTTP 503 de " + NODES.url()
					+ "/w/w-stopped/health");
		assertThat(alert.get("value").doubleValue()).isEqualTo(30.0);
		assertThat(alert.get("threshold").doubleValue()).isEqualTo(45.0);

		health("w-stopped", "{\"cpu_percent\":5}");
		roundAfter(Duration.ofSeconds(15));

		assertThat(alertOf("node_down", "w-stopped")).isNull();
	}

	@Test
	void aFigureAlertDoesNotFireOnTheLatestSampleOfANodeThatStoppedAnswering() {
		workers("w-dying");
		health("w-dying", "{\"cpu_percent\":95}");
		roundAfter(Duration.ofSeconds(1));
		roundAfter(Duration.ofSeconds(105));
		NODES.respond("/w/w-dying/health", 503, "application/json", "{}");

		// 2 minutes since the condition started, its latest sample still fresh (15 s)
		roundAfter(Duration.ofSeconds(15));
		assertThat(alertOf("cpu", "w-dying")).isNull();
		roundAfter(Duration.ofSeconds(15));

		assertThat(alertOf("node_down", "w-dying")).isNotNull();
		assertThat(alertOf("cpu", "w-dying")).isNull();
		assertThat(getJson("/alerts/history")).noneMatch((alert) -> alert.get("rule").asString().equals("cpu")
				&& alert.get("node").asString().equals("w-dying"));
	}

	@Test
	void firesOnANodeWhoseURLMakesTooLongAMessage() {
		String path = "/w/w-long/" + "a".repeat(1500);
		CONTROLLER.json("/workers", """
				[{"node":"w-long","status":"online","url":"%s%s","active_jobs":0,"capacity":2}]"""
			.formatted(NODES.url(), path));
		NODES.json(path + "/health", """
				{"status":"ok","node":"w-long","capacity":2,"active_jobs":0,"system":{"cpu_percent":5}}""");
		roundAfter(Duration.ofSeconds(1));
		NODES.respond(path + "/health", 503, "application/json", "{}");
		roundAfter(Duration.ofSeconds(15));

		roundAfter(Duration.ofSeconds(15));

		String message = alertOf("node_down", "w-long").get("message").asString();
		assertThat(message).startsWith("w-long: Nœud hors ligne (aucune métrique depuis 30 s) : réponse HTTP 503 de ")
			.endsWith("…")
			.hasSize(1000);
	}

	@Test
	void aNodeNeverSampledIsDownAtItsSecondRefusedSampling() {
		workers("w-refusing");
		NODES.respond("/w/w-refusing/health", 404, "application/json", "{}");
		roundAfter(Duration.ofSeconds(1));
		assertThat(alertOf("node_down", "w-refusing")).isNull();

		roundAfter(Duration.ofSeconds(15));

		assertThat(alertOf("node_down", "w-refusing").get("message").asString())
			.isEqualTo("w-refusing: Pas de métriques disponibles");
	}

	@Test
	void firesOnTheFailureRateOfTheJobsOfTheLastFifteenMinutes() {
		CLOCK.advance(Duration.ofSeconds(1));
		jobs(finishedJobs(CLOCK.instant(), 7, 3));

		round();

		JsonNode alert = alertOf("failure_rate", null);
		assertThat(alert.get("value").doubleValue()).isEqualTo(30.0);
		assertThat(alert.get("threshold").doubleValue()).isEqualTo(20.0);
		assertThat(alert.get("message").asString())
			.isEqualTo("Taux d'échec des jobs élevé : 30.0% sur 15 min (3 sur 10)");
		assertThat(alert.get("node").isNull()).isTrue();

		jobs(finishedJobs(CLOCK.instant(), 9, 1));
		roundAfter(Duration.ofSeconds(15));

		assertThat(alertOf("failure_rate", null)).isNull();
	}

	@Test
	void firesWhenTheQueueKeepsGrowingForTenMinutes() {
		queue(2, 1);
		roundAfter(Duration.ofSeconds(1));
		queue(5, 1);
		roundAfter(Duration.ofMinutes(5));
		assertThat(alertOf("queue_backlog", null)).isNull();
		queue(9, 2);

		roundAfter(Duration.ofMinutes(5));

		JsonNode alert = alertOf("queue_backlog", null);
		assertThat(alert.get("value").doubleValue()).isEqualTo(9.0);
		assertThat(alert.get("message").asString())
			.isEqualTo("File d'attente en croissance : 2 → 9 jobs en attente en 10 min");

		queue(1, 2);
		roundAfter(Duration.ofSeconds(15));

		assertThat(alertOf("queue_backlog", null)).isNull();
	}

	@Test
	void saysOneJobInTheSingularWhenTheQueueGrewToOne() {
		queue(0, 1);
		roundAfter(Duration.ofSeconds(1));
		queue(1, 1);
		roundAfter(Duration.ofMinutes(5));

		roundAfter(Duration.ofMinutes(5));

		assertThat(alertOf("queue_backlog", null).get("message").asString())
			.isEqualTo("File d'attente en croissance : 0 → 1 job en attente en 10 min");
		// resolved, so that the next scenario starts without it
		queue(0, 1);
		roundAfter(Duration.ofSeconds(15));
		assertThat(alertOf("queue_backlog", null)).isNull();
	}

	@Test
	void firesWhenTheControllerStopsAnsweringAndResolvesWhenItAnswersAgain() {
		int fired = notificationsOf("controller_unreachable", "firing").size();
		int resolved = notificationsOf("controller_unreachable", "resolved").size();
		roundAfter(Duration.ofSeconds(1));
		CONTROLLER.respond("/workers", 503, "application/json", "{}");
		CONTROLLER.respond("/cluster", 503, "application/json", "{}");
		roundAfter(Duration.ofSeconds(15));
		roundAfter(Duration.ofSeconds(15));
		roundAfter(Duration.ofSeconds(15));
		assertThat(alertOf("controller_unreachable", null)).isNull();

		roundAfter(Duration.ofSeconds(15));

		JsonNode alert = alertOf("controller_unreachable", null);
		assertThat(alert.get("severity").asString()).isEqualTo("critical");
		assertThat(alert.get("value").doubleValue()).isEqualTo(60.0);
		// as for node_down: 3 intervals of 15 s
		assertThat(alert.get("threshold").doubleValue()).isEqualTo(45.0);
		assertThat(alert.get("message").asString()).isEqualTo(
				"Contrôleur injoignable (aucune réponse depuis 60 s) : le contrôleur a répondu HTTP 503 (GET /workers)");
		await().atMost(NOTIFIED).until(() -> notificationsOf("controller_unreachable", "firing").size() == fired + 1);
		// said once in the health, by the controller issue
		assertThat(getJson("/cluster/health").get("issue_details").findValuesAsString("rule"))
			.containsOnlyOnce("controller")
			.doesNotContain("controller_unreachable");

		CONTROLLER.json("/workers", "[]");
		queue(0, 0);
		roundAfter(Duration.ofSeconds(15));

		assertThat(alertOf("controller_unreachable", null)).isNull();
		await().atMost(NOTIFIED)
			.until(() -> notificationsOf("controller_unreachable", "resolved").size() == resolved + 1);
		assertThat(historyEntry(alert.get("id").asString()).get("status").asString()).isEqualTo("resolved");
		assertThat(prometheus())
			.containsPattern("dispycluster_alerts_fired_total\\{rule=\"controller_unreachable\"} [1-9]");
	}

	@Test
	void aControllerThatListsItsWorkersButNotItsQueueStaysUnreachable() {
		roundAfter(Duration.ofSeconds(1));
		CONTROLLER.respond("/cluster", 503, "application/json", "{}");
		CONTROLLER.respond("/workers", 503, "application/json", "{}");
		roundAfter(Duration.ofMinutes(1));
		String id = alertOf("controller_unreachable", null).get("id").asString();

		// its queue is what says it works
		CONTROLLER.json("/workers", "[]");
		roundAfter(Duration.ofSeconds(15));

		assertThat(alertOf("controller_unreachable", null).get("id").asString()).isEqualTo(id);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/alerts/history?hours=0", "/alerts/history?hours=200", "/alerts/history?limit=0",
			"/alerts/history?limit=x" })
	void refusesABadHistoryRequest(String uri) {
		this.http.get().uri(uri).exchange().expectStatus().isEqualTo(422);
	}

	@Test
	void namesEveryBadParameterOfAHistoryRequest() {
		this.http.get()
			.uri("/alerts/history?hours=abc&limit=0")
			.exchange()
			.expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.errors[*].field")
			.isEqualTo(List.of("hours", "limit"));
	}

	/** The jobs of the last minutes: completed ones, then failed ones. */
	private static String finishedJobs(Instant now, int completed, int failed) {
		List<String> jobs = new ArrayList<>();
		for (int i = 0; i < completed + failed; i++) {
			Instant created = now.minus(Duration.ofMinutes(10)).plusSeconds(i);
			jobs.add(0,
					"""
							{"id":"job_%d","status":"%s","assigned_worker":"w1","created_at":"%s","started_at":"%s",
							 "completed_at":"%s","pages_crawled":1,"error":null,"priority":1}""".formatted(i,
							(i < completed) ? "completed" : "failed", created, created.plusSeconds(1),
							created.plusSeconds(30)));
		}
		return "[" + String.join(",", jobs) + "]";
	}

	private JsonNode alertOf(String rule, String node) {
		for (JsonNode alert : getJson("/alerts").get("active_alerts")) {
			boolean sameNode = (node == null) ? alert.get("node").isNull()
					: !alert.get("node").isNull() && alert.get("node").asString().equals(node);
			if (alert.get("rule").asString().equals(rule) && sameNode) {
				return alert;
			}
		}
		return null;
	}

	private JsonNode historyEntry(String id) {
		for (JsonNode alert : getJson("/alerts/history?limit=1000")) {
			if (alert.get("id").asString().equals(id)) {
				return alert;
			}
		}
		throw new AssertionError(id + " not in the history");
	}

	private static List<JsonNode> notificationsOf(String rule, String status) {
		List<JsonNode> found = new ArrayList<>();
		for (StubServer.Request request : WEBHOOK.requests()) {
			if (request.path().equals("/hook")) {
				JsonNode body = JSON.readTree(request.body());
				if (body.get("alert").get("rule").asString().equals(rule)
						&& body.get("status").asString().equals(status)) {
					found.add(body);
				}
			}
		}
		return found;
	}

	private static List<JsonNode> notifications(String node, String status) {
		List<JsonNode> found = new ArrayList<>();
		for (StubServer.Request request : WEBHOOK.requests()) {
			if (!request.path().equals("/hook")) {
				continue;
			}
			JsonNode body = JSON.readTree(request.body());
			JsonNode alertNode = body.get("alert").get("node");
			if (!alertNode.isNull() && alertNode.asString().equals(node)
					&& body.get("status").asString().equals(status)) {
				found.add(body);
			}
		}
		return found;
	}

}

package io.dispycluster.monitoring;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import io.dispycluster.monitoring.collect.Rounds;
import io.dispycluster.monitoring.node.NodeBoard;
import io.dispycluster.monitoring.node.NodeSample;
import io.dispycluster.monitoring.node.NodeSamples;
import io.dispycluster.monitoring.node.SampleSource;
import io.dispycluster.monitoring.node.SystemFigures;
import io.dispycluster.monitoring.node.Workload;
import io.dispycluster.monitoring.support.StubServer;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Collection end to end: node_exporter and worker health read over HTTP, figures in
 * {@code /nodes} and in the Prometheus gauges, staleness, downsampled histories and the
 * validation of {@code hours}.
 */
class NodeCollectionIT extends MonitoringScenario {

	@LocalServerPort
	private int port;

	@Test
	void showsTheFiguresOfNodeExporterAndOfAWorkersHealth() {
		workers("w-health");
		health("w-health", """
				{"cpu_percent":12.5,"memory_percent":40,"disk_percent":55.25,"load1":0.5,"load5":0.25,
				 "load15":0.125,"temperature_c":51.5,"uptime_s":7200}""");
		NODES.respond("/metrics", 200, "text/plain", fixture("pi4-scrape-1.txt"));
		round();
		NODES.respond("/metrics", 200, "text/plain", fixture("pi4-scrape-2.txt"));
		roundAfter(Duration.ofSeconds(15));

		JsonNode nodes = getJson("/nodes");

		assertThat(nodes).hasSize(2);
		JsonNode exporter = nodes.get(0);
		assertThat(exporter.get("node").asString()).isEqualTo(EXPORTER_NODE);
		assertThat(exporter.get("status").asString()).isEqualTo("online");
		assertThat(exporter.get("last_update").asString()).isEqualTo(CLOCK.instant().toString());
		assertThat(exporter.get("cpu_usage").doubleValue()).isEqualTo(25.0);
		assertThat(exporter.get("memory_usage").doubleValue()).isEqualTo(40.0);
		assertThat(exporter.get("disk_usage").doubleValue()).isEqualTo(62.5);
		assertThat(exporter.get("load_1m").doubleValue()).isEqualTo(0.52);
		assertThat(exporter.get("load_5m").doubleValue()).isEqualTo(0.98);
		assertThat(exporter.get("load_15m").doubleValue()).isEqualTo(1.75);
		assertThat(exporter.get("temperature").doubleValue()).isEqualTo(48.5);
		assertThat(exporter.get("network_rx").doubleValue()).isEqualTo(110_000.0);
		assertThat(exporter.get("network_tx").doubleValue()).isEqualTo(20_000.0);
		assertThat(exporter.get("uptime_hours").doubleValue()).isEqualTo(73.0);
		assertThat(exporter.get("source").asString()).isEqualTo("node_exporter");
		JsonNode worker = nodes.get(1);
		assertThat(worker.get("node").asString()).isEqualTo("w-health");
		assertThat(worker.get("status").asString()).isEqualTo("online");
		assertThat(worker.get("cpu_usage").doubleValue()).isEqualTo(12.5);
		assertThat(worker.get("memory_usage").doubleValue()).isEqualTo(40.0);
		assertThat(worker.get("disk_usage").doubleValue()).isEqualTo(55.25);
		assertThat(worker.get("load_1m").doubleValue()).isEqualTo(0.5);
		assertThat(worker.get("temperature").doubleValue()).isEqualTo(51.5);
		assertThat(worker.get("uptime_hours").doubleValue()).isEqualTo(2.0);
		assertThat(worker.get("active_jobs").intValue()).isEqualTo(1);
		assertThat(worker.get("capacity").intValue()).isEqualTo(2);
		assertThat(worker.get("source").asString()).isEqualTo("worker");

		assertThat(prometheus()).contains("dispycluster_node_cpu_percent{node=\"pi-exporter\"} 25.0",
				"dispycluster_node_memory_percent{node=\"pi-exporter\"} 40.0",
				"dispycluster_node_disk_percent{node=\"pi-exporter\"} 62.5",
				"dispycluster_node_temperature_celsius{node=\"pi-exporter\"} 48.5",
				"dispycluster_node_load1{node=\"pi-exporter\"} 0.52",
				"dispycluster_node_load15{node=\"pi-exporter\"} 1.75",
				"dispycluster_node_network_receive_bytes_per_second{node=\"pi-exporter\"} 110000.0",
				"dispycluster_node_uptime_seconds{node=\"pi-exporter\"} 262815.0",
				"dispycluster_node_cpu_percent{node=\"w-health\"} 12.5", "dispycluster_node_up{node=\"w-health\"} 1.0");
	}

	@Test
	void keepsSamplingTheControllersWorkersAfterARestartWhileTheControllerIsDown() {
		workers("w-kept");
		health("w-kept", "{\"cpu_percent\":30}");
		roundAfter(Duration.ofSeconds(1));
		CONTROLLER.respond("/workers", 503, "application/json", "{}");
		CLOCK.advance(Duration.ofMinutes(1));

		Rounds.runAfterARestart(this.context);

		JsonNode kept = null;
		for (JsonNode node : getJson("/nodes")) {
			kept = node.get("node").asString().equals("w-kept") ? node : kept;
		}
		assertThat(kept).isNotNull();
		assertThat(kept.get("status").asString()).isEqualTo("online");
		assertThat(kept.get("last_update").asString()).isEqualTo(CLOCK.instant().toString());
	}

	@Test
	void showsTheLabelsOfTheInventoryAndOfTheWorkersTheControllerKnows() {
		CONTROLLER.json("/workers", """
				[{"node":"pi-exporter","status":"offline","active_jobs":0,"capacity":2,
				  "labels":{"arch":"arm64","zone":"kitchen"}},
				 {"node":"w-labelled","status":"online","url":"%1$s/w/w-labelled","active_jobs":0,"capacity":2,
				  "labels":{"model":"pi5"}},
				 {"node":"w-plain","status":"online","url":"%1$s/w/w-plain","active_jobs":0,"capacity":2}]
				""".formatted(NODES.url()));
		health("w-labelled", "{\"cpu_percent\":10}");
		NODES.respond("/w/w-plain/health", 503, "application/json", "{}");

		round();

		// The inventory's labels win over the controller's for the same key.
		assertThat(labels(node(EXPORTER_NODE))).isEqualTo(Map.of("arch", "arm64", "zone", "attic"));
		assertThat(node("w-labelled").get("status").asString()).isEqualTo("online");
		assertThat(labels(node("w-labelled"))).isEqualTo(Map.of("model", "pi5"));
		assertThat(node("w-plain").get("status").asString()).isEqualTo("offline");
		assertThat(labels(node("w-plain"))).isEmpty();
		assertThat(labels(getJson("/nodes/w-labelled"))).isEqualTo(Map.of("model", "pi5"));
		assertThat(labels(getJson("/nodes/" + EXPORTER_NODE))).containsEntry("zone", "attic");
	}

	private static Map<String, String> labels(JsonNode node) {
		Map<String, String> labels = new TreeMap<>();
		node.get("labels").properties().forEach((label) -> labels.put(label.getKey(), label.getValue().asString()));
		return labels;
	}

	@Test
	void turnsANodeOfflineOnceItsLatestSampleIsOlderThanThreeIntervals() {
		workers("w-stale");
		health("w-stale", "{\"cpu_percent\":10}");
		round();
		Instant lastSample = CLOCK.instant();
		unreadableHealth("w-stale");
		roundAfter(Duration.ofSeconds(15));
		roundAfter(Duration.ofSeconds(15));
		roundAfter(Duration.ofSeconds(15));

		assertThat(node("w-stale").get("status").asString()).isEqualTo("online");

		CLOCK.advance(Duration.ofMillis(1));

		JsonNode stale = node("w-stale");
		assertThat(stale.get("status").asString()).isEqualTo("offline");
		assertThat(stale.get("last_update").asString()).isEqualTo(lastSample.toString());
		assertThat(stale.get("error").asString()).isEqualTo("Pas de métriques récentes : réponse illisible de /health");
		assertThat(this.context.getBean(NodeBoard.class).nodes())
			.anySatisfy((view) -> assertThat(view.node()).isEqualTo("w-stale"));
		JsonNode failures = getJson("/metrics").get("collection_failures");
		assertThat(failures).anySatisfy((failure) -> {
			assertThat(failure.get("node").asString()).isEqualTo("w-stale");
			assertThat(failure.get("reason").asString()).isEqualTo("réponse illisible de /health");
		});
		// Prometheus reads the node down too, without waiting for another round, and
		// every series it reads has a description
		assertThat(prometheus()).contains("dispycluster_node_up{node=\"w-stale\"} 0.0")
			.containsPattern("# HELP dispycluster_monitoring_collection_failures_total \\S");
	}

	@Test
	void turnsANodeOfflineAtItsSecondRefusedSamplingInARow() {
		workers("w-halted");
		health("w-halted", "{\"cpu_percent\":10}");
		round();
		NODES.respond("/w/w-halted/health", 503, "application/json", "{}");
		roundAfter(Duration.ofSeconds(15));
		assertThat(node("w-halted").get("status").asString()).isEqualTo("online");

		roundAfter(Duration.ofSeconds(15));

		JsonNode halted = node("w-halted");
		assertThat(halted.get("status").asString()).isEqualTo("offline");
		assertThat(halted.get("error").asString())
			.isEqualTo("Pas de métriques récentes : réponse HTTP 503 de " + NODES.url() + "/w/w-halted/health");
		assertThat(prometheus()).contains("dispycluster_node_up{node=\"w-halted\"} 0.0");
		assertThat(getJson("/cluster/health").get("issue_details")).anySatisfy((issue) -> {
			assertThat(issue.get("node").asString()).isEqualTo("w-halted");
			assertThat(issue.get("rule").asString()).isEqualTo("node_down");
		});

		health("w-halted", "{\"cpu_percent\":10}");
		roundAfter(Duration.ofSeconds(15));

		assertThat(node("w-halted").get("status").asString()).isEqualTo("online");
	}

	@Test
	void turnsANodeWhoseConnectionIsRefusedOfflineAtTheSecondRound() {
		StubServer closed = StubServer.start();
		String refusingUrl = closed.url();
		closed.close();
		workers("w-closed");
		health("w-closed", "{\"cpu_percent\":10}");
		round();
		CONTROLLER.json("/workers", """
				[{"node":"w-closed","status":"online","url":"%s","active_jobs":0,"capacity":2}]"""
			.formatted(refusingUrl));
		roundAfter(Duration.ofSeconds(15));
		assertThat(node("w-closed").get("status").asString()).isEqualTo("online");

		roundAfter(Duration.ofSeconds(15));

		assertThat(node("w-closed").get("error").asString())
			.isEqualTo("Pas de métriques récentes : connexion refusée (" + refusingUrl + "/health)");
		assertThat(node("w-closed").get("status").asString()).isEqualTo("offline");
	}

	@Test
	void refusesTheFiguresOfAnotherNodeAnsweringAtAWorkersAddress() {
		workers("w-moved");
		health("w-moved", "{\"cpu_percent\":10}");
		round();
		long stored = getJson("/health").get("metrics_collected").longValue();
		// the address now serves another node's worker (a DHCP lease given to another Pi)
		NODES.json("/w/w-moved/health", """
				{"status":"ok","node":"w-other","capacity":2,"active_jobs":1,"system":{"cpu_percent":99}}""");
		roundAfter(Duration.ofSeconds(15));
		assertThat(node("w-moved").get("status").asString()).isEqualTo("online");
		assertThat(node("w-moved").get("cpu_usage").doubleValue()).isEqualTo(10.0);

		roundAfter(Duration.ofSeconds(15));

		JsonNode moved = node("w-moved");
		assertThat(moved.get("status").asString()).isEqualTo("offline");
		assertThat(moved.get("error").asString()).isEqualTo(
				"Pas de métriques récentes : répond comme le nœud w-other (" + NODES.url() + "/w/w-moved/health)");
		// only the exporter node's two samples of these rounds were stored, none as
		// w-moved
		assertThat(getJson("/health").get("metrics_collected").longValue()).isEqualTo(stored + 2);
		assertThat(getJson("/nodes/w-moved?hours=1").get("metrics_count").intValue()).isEqualTo(1);
	}

	@Test
	void takesTheRequestTimingsOfANodeExporterNodesWorkerOnlyWhileItAnswersAsThatNode() {
		NODES.json("/health", "{\"status\":\"ok\",\"node\":\"" + EXPORTER_NODE + "\"}");
		fetchCounters(10, 2.5);
		round();
		fetchCounters(14, 4.5);
		roundAfter(Duration.ofSeconds(15));
		assertThat(latestWorkload(EXPORTER_NODE).fetches()).isEqualTo(4L);
		assertThat(latestWorkload(EXPORTER_NODE).fetchSeconds()).isEqualTo(2.0);

		// the node's address now serves another node's worker, whose requests go on
		NODES.json("/health", "{\"status\":\"ok\",\"node\":\"w-other\"}");
		fetchCounters(20, 6.0);
		roundAfter(Duration.ofSeconds(15));
		fetchCounters(26, 9.0);
		roundAfter(Duration.ofSeconds(15));

		Workload taken = latestWorkload(EXPORTER_NODE);
		assertThat(taken.fetches()).isNull();
		assertThat(taken.fetchSeconds()).isNull();
		// its system figures still come from node_exporter
		assertThat(node(EXPORTER_NODE).get("status").asString()).isEqualTo("online");
		assertThat(node(EXPORTER_NODE).get("source").asString()).isEqualTo("node_exporter");
	}

	private static void fetchCounters(long count, double seconds) {
		NODES.respond("/actuator/prometheus", 200, "text/plain; version=0.0.4", """
				# TYPE dispycluster_worker_fetch_latency_seconds histogram
				dispycluster_worker_fetch_latency_seconds_count %d
				dispycluster_worker_fetch_latency_seconds_sum %s
				""".formatted(count, seconds));
	}

	private Workload latestWorkload(String node) {
		return this.context.getBean(NodeSamples.class).latest(node).orElseThrow().workload();
	}

	@Test
	void readsNoMoreOfANodesAnswerThanTheLargestSizeAllowed() {
		workers("w-bloated", "w-fine");
		health("w-fine", "{\"cpu_percent\":10}");
		// 3 MB: a broken worker, or one made to fill this service's memory
		NODES.json("/w/w-bloated/health", """
				{"status":"ok","node":"w-bloated","system":{"cpu_percent":10},"pad":"%s"}"""
			.formatted("x".repeat(3 * 1024 * 1024)));

		round();

		assertThat(node("w-bloated").get("error").asString())
			.isEqualTo("Pas de métriques disponibles : réponse de plus de 2097152 octets de " + NODES.url()
					+ "/w/w-bloated/health");
		assertThat(node("w-fine").get("status").asString()).isEqualTo("online");
		assertThat(this.context.getBean(NodeSamples.class).latest("w-bloated")).isEmpty();
	}

	@Test
	void followsNoRedirectOfAWorkersAnswer() {
		workers("w-redirecting");
		NODES.json("/elsewhere/health", "{\"status\":\"ok\",\"system\":{\"cpu_percent\":77}}");
		NODES.handle("/w/w-redirecting/health", (request) -> new StubServer.Response(302, "text/plain", "",
				Map.of("Location", NODES.url() + "/elsewhere/health")));

		round();

		assertThat(node("w-redirecting").get("error").asString())
			.isEqualTo("Pas de métriques disponibles : réponse HTTP 302 de " + NODES.url() + "/w/w-redirecting/health");
		assertThat(NODES.requests()).noneMatch((request) -> request.path().equals("/elsewhere/health"));
	}

	@Test
	void keepsSamplingTheOtherNodesWhenTheControllerListsAWorkerWhoseNameCannotBeStored() {
		workers("w-fine");
		health("w-fine", "{\"cpu_percent\":10}");
		CONTROLLER.json("/workers", """
				[{"node":"w-fine","status":"online","url":"%s/w/w-fine","active_jobs":0,"capacity":2},
				 {"node":"%s","status":"online","url":"%s/w/w-long","active_jobs":0,"capacity":2}]"""
			.formatted(NODES.url(), "w".repeat(300), NODES.url()));

		round();

		assertThat(node("w-fine").get("last_update").asString()).isEqualTo(CLOCK.instant().toString());
		assertThat(getJson("/nodes")).extracting((node) -> node.get("node").asString())
			.containsExactly(EXPORTER_NODE, "w-fine");
	}

	@Test
	void keepsANodeOnlineWhenAFailureThatIsNoRefusalBreaksTheRun() {
		workers("w-flaky");
		health("w-flaky", "{\"cpu_percent\":10}");
		round();
		NODES.respond("/w/w-flaky/health", 503, "application/json", "{}");
		roundAfter(Duration.ofSeconds(15));
		unreadableHealth("w-flaky");
		roundAfter(Duration.ofSeconds(15));
		NODES.respond("/w/w-flaky/health", 503, "application/json", "{}");

		roundAfter(Duration.ofSeconds(10));

		assertThat(node("w-flaky").get("status").asString()).isEqualTo("online");
	}

	@Test
	void countsTheWorkersTheControllerKnowsAsMonitoredNodes() {
		workers("w-registered-1", "w-registered-2");

		round();

		// the inventory's node_exporter node and the two workers that registered
		// themselves
		assertThat(getJson("/health").get("monitored_nodes").asInt()).isEqualTo(3);
	}

	@Test
	void samplesTheClusterWhenAWorkerHasAsLongAURLAsTheControllerTakes() {
		// the longest URL the controller stores: 2083 characters
		String longUrl = NODES.url() + "/w/w-long-url/" + "a".repeat(2083 - NODES.url().length() - 14);
		CONTROLLER.json("/workers", """
				[{"node":"w-long-url","status":"online","url":"%s","active_jobs":0,"capacity":2},
				 {"node":"w-beside","status":"online","url":"%s/w/w-beside","active_jobs":0,"capacity":2}]"""
			.formatted(longUrl, NODES.url()));
		health("w-beside", "{\"cpu_percent\":12}");

		roundAfter(Duration.ofSeconds(1));

		assertThat(node("w-beside").get("status").asString()).isEqualTo("online");
		assertThat(node("w-long-url").get("error").asString()).contains(longUrl);
	}

	@Test
	void reportsANeverSampledNodeAsOfflineWithUpstreamsMessage() {
		workers("w-never");

		round();

		JsonNode never = node("w-never");
		assertThat(never.get("status").asString()).isEqualTo("offline");
		assertThat(never.get("last_update").isNull()).isTrue();
		assertThat(never.get("error").asString()).startsWith("Pas de métriques disponibles");
		// the node's own page gives the same reason, not less
		assertThat(getJson("/nodes/w-never").get("error").asString()).isEqualTo(never.get("error").asString());
	}

	@Test
	void servesASevenDayHistoryDownsampledToHourlyPoints() {
		NodeSamples samples = this.context.getBean(NodeSamples.class);
		Instant now = CLOCK.instant();
		Instant start = now.minus(Duration.ofDays(7));
		int count = 0;
		for (Instant at = start.plusSeconds(60); !at.isAfter(now); at = at.plus(Duration.ofMinutes(5))) {
			double cpu = (count % 2 == 0) ? 20 : 40;
			samples.add(new NodeSample("w-history", at, SampleSource.WORKER,
					new SystemFigures(cpu, 50.0, 70.0, 1.0, 1.0, 1.0, 45.0, null, null, 100L), Workload.NONE));
			count++;
		}

		JsonNode week = getJson("/nodes/w-history?hours=168");

		assertThat(week.get("status").asString()).isEqualTo("offline");
		assertThat(week.get("metrics_count").intValue()).isEqualTo(count);
		assertThat(week.get("bucket_seconds").intValue()).isEqualTo(3600);
		assertThat(week.get("history").size()).isBetween(168, 169);
		assertThat(week.get("statistics").get("cpu_avg").doubleValue()).isEqualTo(30.0);
		assertThat(week.get("statistics").get("cpu_max").doubleValue()).isEqualTo(40.0);
		assertThat(week.get("statistics").get("memory_avg").doubleValue()).isEqualTo(50.0);
		assertThat(week.get("statistics").get("disk_max").doubleValue()).isEqualTo(70.0);
		assertThat(week.get("current").get("cpu_usage").doubleValue()).isIn(20.0, 40.0);
		JsonNode hour = week.get("history").get(10);
		assertThat(hour.get("samples").intValue()).isEqualTo(12);
		assertThat(hour.get("cpu_usage").doubleValue()).isEqualTo(30.0);
		assertThat(hour.get("node").asString()).isEqualTo("w-history");

		JsonNode lastHour = getJson("/nodes/w-history?hours=1");
		assertThat(lastHour.get("bucket_seconds").intValue()).isEqualTo(60);
		assertThat(lastHour.get("metrics_count").intValue()).isEqualTo(12);
		assertThat(lastHour.get("history")).hasSize(12);
	}

	@Test
	void deletesSamplesOlderThanTheRetention() {
		NodeSamples samples = this.context.getBean(NodeSamples.class);
		Instant now = CLOCK.instant();
		samples.add(new NodeSample("w-retained", now.minus(Duration.ofDays(8)), SampleSource.WORKER, SystemFigures.NONE,
				Workload.NONE));
		samples.add(new NodeSample("w-retained", now.minus(Duration.ofDays(6)), SampleSource.WORKER, SystemFigures.NONE,
				Workload.NONE));

		roundAfter(Duration.ofMinutes(11));

		assertThat(samples.stats("w-retained", now.minus(Duration.ofDays(30)), CLOCK.instant()).count()).isEqualTo(1);
	}

	@Test
	void saysWhenANodeHasNoSampleInTheWindow() {
		this.context.getBean(NodeSamples.class)
			.add(new NodeSample("w-old", CLOCK.instant().minus(Duration.ofHours(30)), SampleSource.WORKER,
					SystemFigures.NONE, Workload.NONE));

		JsonNode answer = getJson("/nodes/w-old?hours=24");

		assertThat(answer.get("status").asString()).isEqualTo("offline");
		assertThat(answer.get("error").asString()).isEqualTo("Pas de métriques dans les dernières 24 heures");
		assertThat(getJson("/nodes/w-old?hours=1").get("error").asString())
			.isEqualTo("Pas de métriques dans la dernière heure");
	}

	@Test
	void answersAnUnknownNodeWithUpstreamsNotFound() {
		this.http.get()
			.uri("/nodes/nowhere")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:dispycluster:problem:node-not-found")
			.jsonPath("$.detail")
			.isEqualTo("Nœud non trouvé");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/nodes/pi-exporter?hours=0", "/nodes/pi-exporter?hours=-3",
			"/nodes/pi-exporter?hours=169", "/nodes/pi-exporter?hours=abc", "/nodes/pi-exporter?hours=1.5" })
	void refusesAWindowOutsideTheRetention(String uri) {
		this.http.get()
			.uri(uri)
			.exchange()
			.expectStatus()
			.isEqualTo(422)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("hours");
	}

	@Test
	void collectsOnDemand() {
		CLOCK.advance(Duration.ofSeconds(5));
		Instant now = CLOCK.instant();

		this.http.post()
			.uri("/collect_metrics")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.json("{\"message\":\"Collecte des métriques lancée\"}");

		NodeBoard board = this.context.getBean(NodeBoard.class);
		await().atMost(Duration.ofSeconds(20)).until(() -> now.equals(board.lastRound()));
	}

	@Test
	void sendsTheInternalTokenToTheControllerAndAsksForItOnItsApi() {
		assertThat(CONTROLLER.requests()).isNotEmpty()
			.allSatisfy((request) -> assertThat(request.internalToken()).isEqualTo(TOKEN));

		RestTestClient anonymous = RestTestClient.bindToServer().baseUrl("http://localhost:" + this.port).build();
		anonymous.get().uri("/nodes").exchange().expectStatus().isUnauthorized();
		anonymous.get().uri("/actuator/prometheus").exchange().expectStatus().isOk();
	}

	@Test
	void describesTheCollection() {
		JsonNode metrics = getJson("/metrics");

		assertThat(metrics.get("total_metrics_collected").longValue()).isPositive();
		assertThat(metrics.get("nodes_with_metrics").longValue()).isPositive();
		assertThat(metrics.get("collection_rate").asString()).isEqualTo("toutes les 15 secondes");
		assertThat(metrics.get("retention").asString()).isEqualTo("7 jours");
		assertThat(metrics.get("retention_hours").intValue()).isEqualTo(168);
		assertThat(metrics.get("last_collection").asString()).isEqualTo(CLOCK.instant().toString());
	}

	private JsonNode node(String name) {
		for (JsonNode node : getJson("/nodes")) {
			if (node.get("node").asString().equals(name)) {
				return node;
			}
		}
		throw new AssertionError(name + " not in /nodes");
	}

}

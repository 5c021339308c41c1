package io.dispycluster.monitoring;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /cluster/health}: issues in upstream's words, and an overall status from the
 * worst of them rather than from how many there are.
 */
class ClusterHealthIT extends MonitoringScenario {

	@Test
	void isHealthyWhenNothingIsWrong() {
		JsonNode health = getJson("/cluster/health");

		assertThat(health.get("overall_status").asString()).isEqualTo("healthy");
		assertThat(health.get("issues")).isEmpty();
		assertThat(health.get("nodes_online").intValue()).isEqualTo(1);
		assertThat(health.get("nodes_total").intValue()).isEqualTo(1);
		assertThat(health.get("memory_usage_avg").doubleValue()).isEqualTo(37.5);
		assertThat(health.get("disk_usage_avg").doubleValue()).isEqualTo(62.5);
		assertThat(health.get("cpu_usage_avg").doubleValue()).isEqualTo(0.0);
	}

	@Test
	void staysAtWarningForThreeWarningsOnOneNode() {
		workers("w-three");
		health("w-three", "{\"cpu_percent\":95,\"memory_percent\":95,\"disk_percent\":95}");

		roundAfter(Duration.ofSeconds(1));

		JsonNode health = getJson("/cluster/health");
		assertThat(health.get("overall_status").asString()).isEqualTo("warning");
		assertThat(strings(health.get("issues"))).containsExactly("w-three: CPU usage élevé (95.0%)",
				"w-three: Mémoire usage élevé (95.0%)", "w-three: Disque usage élevé (95.0%)");
		assertThat(health.get("issue_details").get(0).get("severity").asString()).isEqualTo("warning");
		assertThat(health.get("issue_details").get(0).get("node").asString()).isEqualTo("w-three");
		assertThat(health.get("nodes_online").intValue()).isEqualTo(2);
		// CPU from the worker alone (node_exporter needs two scrapes), the rest from both
		// nodes
		assertThat(health.get("cpu_usage_avg").doubleValue()).isEqualTo(95.0);
		assertThat(health.get("memory_usage_avg").doubleValue()).isEqualTo(66.25);
		assertThat(health.get("disk_usage_avg").doubleValue()).isEqualTo(78.75);
	}

	@Test
	void isCriticalForASingleCriticalIssue() {
		workers("w-temp");
		health("w-temp", "{\"temperature_c\":85}");

		roundAfter(Duration.ofSeconds(1));

		JsonNode health = getJson("/cluster/health");
		assertThat(health.get("overall_status").asString()).isEqualTo("critical");
		assertThat(strings(health.get("issues"))).containsExactly("w-temp: Température élevée (85.0°C)");
	}

	@Test
	void isCriticalWhenMostNodesAreOffline() {
		workers("w-gone-1", "w-gone-2", "w-gone-3");

		roundAfter(Duration.ofSeconds(1));

		JsonNode health = getJson("/cluster/health");
		assertThat(health.get("overall_status").asString()).isEqualTo("critical");
		assertThat(health.get("nodes_online").intValue()).isEqualTo(1);
		assertThat(health.get("nodes_total").intValue()).isEqualTo(4);
		assertThat(strings(health.get("issues"))).containsExactly("w-gone-1: Pas de métriques disponibles",
				"w-gone-2: Pas de métriques disponibles", "w-gone-3: Pas de métriques disponibles",
				"3 nœuds sur 4 hors ligne");
	}

	@Test
	void showsAStaleNodeAsOfflineSinceItsLastSample() {
		workers("w-quiet");
		health("w-quiet", "{\"cpu_percent\":10}");
		roundAfter(Duration.ofSeconds(1));
		Instant last = CLOCK.instant();
		NODES.respond("/w/w-quiet/health", 503, "application/json", "{}");

		roundAfter(Duration.ofSeconds(46));

		JsonNode health = getJson("/cluster/health");
		assertThat(health.get("overall_status").asString()).isEqualTo("warning");
		assertThat(strings(health.get("issues"))).containsExactly("w-quiet: Hors ligne depuis " + last);
	}

	@Test
	void listsClusterWideAlertsAndAnUnreachableController() {
		CLOCK.advance(Duration.ofSeconds(1));
		List<String> jobs = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			Instant created = CLOCK.instant().minus(Duration.ofMinutes(5)).plusSeconds(i);
			jobs.add(0, """
					{"id":"job_h%d","status":"failed","assigned_worker":"w1","created_at":"%s","started_at":"%s",
					 "completed_at":"%s","pages_crawled":0,"error":"timeout"}""".formatted(i, created, created,
					created.plusSeconds(60)));
		}
		jobs("[" + String.join(",", jobs) + "]");
		round();

		assertThat(strings(getJson("/cluster/health").get("issues")))
			.containsExactly("Taux d'échec des jobs élevé : 100.0% sur 15 min (5 sur 5)");

		CONTROLLER.respond("/workers", 500, "application/json", "{}");
		CONTROLLER.respond("/cluster", 500, "application/json", "{}");
		roundAfter(Duration.ofSeconds(15));

		JsonNode health = getJson("/cluster/health");
		assertThat(health.get("overall_status").asString()).isEqualTo("critical");
		assertThat(strings(health.get("issues"))).contains("Taux d'échec des jobs élevé : 100.0% sur 15 min (5 sur 5)",
				"Contrôleur injoignable : le contrôleur a répondu HTTP 500 (GET /workers)");
	}

	private static List<String> strings(JsonNode array) {
		List<String> values = new ArrayList<>();
		array.forEach((value) -> values.add(value.asString()));
		return values;
	}

}

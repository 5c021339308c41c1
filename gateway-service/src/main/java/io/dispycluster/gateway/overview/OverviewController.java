package io.dispycluster.gateway.overview;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

import io.dispycluster.gateway.upstream.Service;
import io.dispycluster.gateway.upstream.UpstreamReply;
import io.dispycluster.gateway.upstream.Upstreams;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /overview}, {@code /dashboard} and {@code /metrics}: each view's calls run
 * at the same time, and a section a service could not give says so instead of vanishing.
 */
@RestController
class OverviewController {

	private static final String STATS_UNAVAILABLE = "Impossible de récupérer les statistiques";

	private static final String DATA_UNAVAILABLE = "Données indisponibles";

	private final Upstreams upstreams;

	OverviewController(Upstreams upstreams) {
		this.upstreams = upstreams;
	}

	@GetMapping("/overview")
	Overview overview() {
		Map<Service, CompletableFuture<UpstreamReply>> probes = new EnumMap<>(Service.class);
		for (Service service : Service.values()) {
			probes.put(service, this.upstreams.probe(service));
		}
		CompletableFuture<UpstreamReply> stats = this.upstreams.get(Service.CLUSTER_CONTROLLER, "/cluster");
		CompletableFuture<UpstreamReply> activity = this.upstreams.get(Service.SCHEDULER, "/history?limit=5");
		CompletableFuture<UpstreamReply> alerts = this.upstreams.get(Service.MONITORING, "/alerts");
		CompletableFuture<UpstreamReply> health = this.upstreams.get(Service.MONITORING, "/cluster/health");
		List<CompletableFuture<UpstreamReply>> calls = new ArrayList<>(probes.values());
		calls.addAll(List.of(stats, activity, alerts, health));
		Replies.awaitAll(calls);

		Map<String, String> services = new LinkedHashMap<>();
		List<String> alertMessages = new ArrayList<>();
		probes.forEach((service, probe) -> {
			boolean online = probe.join().ok();
			services.put(service.key(), online ? "online" : "offline");
			if (!online) {
				alertMessages.add("Service " + service.key() + " hors ligne");
			}
		});
		OverviewStatus status = new OverviewStatus();
		for (JsonNode alert : activeAlerts(alerts.join())) {
			alertMessages.add(alertMessage(alert));
			status.alert(alert.path("severity").asString(""));
		}
		status.clusterHealth(clusterHealthStatus(health.join()));
		JsonNode recent = activity.join().ok() ? activity.join().body() : null;
		return new Overview(status.value(alertMessages), services, Replies.bodyOrError(stats.join(), STATS_UNAVAILABLE),
				(recent != null) ? recent : JsonNodeFactory.instance.arrayNode(), alertMessages,
				Replies.bodyOrError(health.join(), DATA_UNAVAILABLE));
	}

	@GetMapping("/dashboard")
	Dashboard dashboard() {
		Map<String, CompletableFuture<UpstreamReply>> sections = new LinkedHashMap<>();
		sections.put("cluster_stats", this.upstreams.get(Service.CLUSTER_CONTROLLER, "/cluster"));
		sections.put("cluster_health", this.upstreams.get(Service.MONITORING, "/cluster/health"));
		sections.put("workers", this.upstreams.get(Service.CLUSTER_CONTROLLER, "/workers"));
		// Without their results: ten crawl results of up to 1,000 pages each would be
		// read
		// whole into the gateway's small heap; GET /jobs/{id} has a job's result.
		sections.put("recent_jobs",
				this.upstreams.get(Service.CLUSTER_CONTROLLER, "/jobs?limit=10&include_result=false"));
		sections.put("scheduled_tasks", this.upstreams.get(Service.SCHEDULER, "/tasks"));
		return new Dashboard(Replies.now(), collect(sections));
	}

	@GetMapping("/metrics")
	MetricsView metrics() {
		Map<String, CompletableFuture<UpstreamReply>> sections = new LinkedHashMap<>();
		sections.put("monitoring", this.upstreams.get(Service.MONITORING, "/metrics"));
		sections.put("performance", this.upstreams.get(Service.MONITORING, "/performance"));
		return new MetricsView(Replies.now(), collect(sections));
	}

	private static Map<String, Object> collect(Map<String, CompletableFuture<UpstreamReply>> sections) {
		Replies.awaitAll(new ArrayList<>(sections.values()));
		Map<String, Object> data = new LinkedHashMap<>();
		sections.forEach((name, call) -> data.put(name, Replies.bodyOrError(call.join(), DATA_UNAVAILABLE)));
		return data;
	}

	private static Iterable<JsonNode> activeAlerts(UpstreamReply reply) {
		JsonNode body = reply.body();
		if (!reply.ok() || body == null) {
			return List.of();
		}
		return body.path("active_alerts").isArray() ? body.path("active_alerts") : List.of();
	}

	private static String alertMessage(JsonNode alert) {
		if (alert.isString()) {
			return alert.asString();
		}
		if (alert.path("message").isString()) {
			return alert.path("message").asString();
		}
		return alert.toString();
	}

	private static @Nullable String clusterHealthStatus(UpstreamReply reply) {
		JsonNode body = reply.body();
		if (!reply.ok() || body == null || !body.path("overall_status").isString()) {
			return null;
		}
		return body.path("overall_status").asString();
	}

	/**
	 * The overview's status: {@code critical} when monitoring says the cluster is
	 * critical or a critical alert is active, {@code warning} when any alert is active, a
	 * service is offline or the cluster's health is not {@code healthy} (or could not be
	 * read), otherwise {@code healthy}.
	 */
	private static final class OverviewStatus {

		private boolean critical;

		private boolean warning;

		void alert(String severity) {
			this.critical |= "critical".equalsIgnoreCase(severity);
		}

		void clusterHealth(@Nullable String overallStatus) {
			this.critical |= "critical".equalsIgnoreCase(overallStatus);
			// a health monitoring could not give is no sign that all is well
			this.warning |= !"healthy".equalsIgnoreCase(overallStatus);
		}

		String value(List<String> alerts) {
			if (this.critical) {
				return "critical";
			}
			return (this.warning || !alerts.isEmpty()) ? "warning" : "healthy";
		}

	}

	/**
	 * The contract's {@code ClusterOverview}, plus monitoring's cluster health.
	 *
	 * @param status {@code healthy}, {@code warning} or {@code critical}
	 * @param services each service {@code online} or {@code offline}
	 * @param clusterStats the controller's {@code /cluster}, or an error entry
	 * @param recentActivity the scheduler's last five runs, or an empty list
	 * @param alerts one line per offline service, then monitoring's active alerts
	 * @param clusterHealth monitoring's {@code /cluster/health}, or an error entry
	 */
	record Overview(String status, Map<String, String> services, Object clusterStats, JsonNode recentActivity,
			List<String> alerts, Object clusterHealth) {
	}

	/**
	 * The contract's dashboard: every section is present, holding the service's data or
	 * an error entry.
	 *
	 * @param timestamp when the dashboard was assembled
	 * @param data {@code cluster_stats}, {@code cluster_health}, {@code workers},
	 * {@code recent_jobs} and {@code scheduled_tasks}
	 */
	record Dashboard(Instant timestamp, Map<String, Object> data) {
	}

	/**
	 * Monitoring's figures in one answer.
	 *
	 * @param timestamp when the answer was assembled
	 * @param metrics {@code monitoring} (its {@code /metrics}) and {@code performance}
	 */
	record MetricsView(Instant timestamp, Map<String, Object> metrics) {
	}

}

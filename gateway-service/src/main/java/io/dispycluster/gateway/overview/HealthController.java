package io.dispycluster.gateway.overview;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import io.dispycluster.gateway.security.Access;
import io.dispycluster.gateway.upstream.Service;
import io.dispycluster.gateway.upstream.UpstreamFailure;
import io.dispycluster.gateway.upstream.UpstreamReply;
import io.dispycluster.gateway.upstream.Upstreams;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /health} and {@code GET /services}: every service's {@code /health} asked at
 * the same time; a service is healthy only when it answers 2xx, and the controller only
 * when it also takes the gateway's internal token.
 */
@RestController
class HealthController {

	private final Upstreams upstreams;

	HealthController(Upstreams upstreams) {
		this.upstreams = upstreams;
	}

	@GetMapping("/health")
	HealthReport health(HttpServletRequest request) {
		Map<Service, CompletableFuture<UpstreamReply>> probes = probeAll();
		CompletableFuture<UpstreamReply> workers = this.upstreams.get(Service.CLUSTER_CONTROLLER, "/workers");
		List<CompletableFuture<UpstreamReply>> calls = new ArrayList<>(probes.values());
		calls.add(workers);
		Replies.awaitAll(calls);
		Map<String, ServiceHealth> services = new LinkedHashMap<>();
		probes.forEach((service, probe) -> services.put(service.key(), ServiceHealth.of(probe.join())));
		if (workers.join().failure() == UpstreamFailure.Kind.REFUSED) {
			// a service's /health needs no token, so it answers whatever token the
			// gateway
			// holds; the list of workers does: refused, every routed call to the
			// controller
			// fails, and its health must say so
			services.put(Service.CLUSTER_CONTROLLER.key(), ServiceHealth.of(workers.join()));
		}
		String overall = services.values().stream().allMatch(ServiceHealth::healthy) ? "healthy" : "degraded";
		if (Access.isAnonymous(request)) {
			// without a key, only whether the cluster is up: no addresses, no errors
			return new HealthReport(overall, Replies.now(), null, null);
		}
		return new HealthReport(overall, Replies.now(), services, WorkersSummary.of(workers.join()));
	}

	@GetMapping("/services")
	List<ServiceStatus> services() {
		Map<Service, CompletableFuture<UpstreamReply>> probes = probeAll();
		Replies.awaitAll(new ArrayList<>(probes.values()));
		Instant now = Replies.now();
		List<ServiceStatus> statuses = new ArrayList<>();
		probes.forEach((service, probe) -> {
			UpstreamReply reply = probe.join();
			statuses.add(new ServiceStatus(service.key(), this.upstreams.baseUrl(service).toString(),
					reply.ok() ? "online" : "offline", (reply.status() != 0) ? Replies.seconds(reply) : null, now,
					reply.error()));
		});
		return statuses;
	}

	private Map<Service, CompletableFuture<UpstreamReply>> probeAll() {
		Map<Service, CompletableFuture<UpstreamReply>> probes = new EnumMap<>(Service.class);
		for (Service service : Service.values()) {
			probes.put(service, this.upstreams.probe(service));
		}
		return probes;
	}

	/**
	 * The gateway's {@code /health}: the contract's shape plus a summary of the workers.
	 *
	 * @param overallStatus {@code healthy} when every service is, else {@code degraded}
	 * @param timestamp when the report was made
	 * @param services each service's health, by its contract name
	 * @param workers the workers as the controller lists them
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record HealthReport(String overallStatus, Instant timestamp, @Nullable Map<String, ServiceHealth> services,
			@Nullable WorkersSummary workers) {
	}

	/**
	 * One service's health.
	 *
	 * @param status {@code healthy} (a 2xx answer) or {@code unhealthy}
	 * @param responseTime seconds until the answer, when one came
	 * @param httpStatus the answer's status, when one came
	 * @param error why the service is unhealthy
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record ServiceHealth(String status, @Nullable Double responseTime, @Nullable Integer httpStatus,
			@Nullable String error) {

		static ServiceHealth of(UpstreamReply reply) {
			if (reply.status() == 0) {
				return new ServiceHealth("unhealthy", null, null, reply.error());
			}
			return new ServiceHealth(reply.ok() ? "healthy" : "unhealthy", Replies.seconds(reply), reply.status(),
					reply.error());
		}

		boolean healthy() {
			return "healthy".equals(this.status);
		}

	}

	/**
	 * The workers known to the controller. Workers run on the nodes, not next to the
	 * gateway, so they are listed as the controller sees them rather than probed.
	 *
	 * @param status {@code healthy} when at least one worker is online
	 * @param online workers online or busy
	 * @param total workers known to the controller
	 * @param nodes each worker's node name and status
	 * @param error why the controller's list could not be read
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record WorkersSummary(String status, @Nullable Integer online, @Nullable Integer total,
			@Nullable List<WorkerEntry> nodes, @Nullable String error) {

		static WorkersSummary of(UpstreamReply reply) {
			JsonNode body = reply.body();
			if (!reply.ok() || body == null || !body.isArray()) {
				String error = (reply.error() != null) ? reply.error() : "not a list of workers";
				return new WorkersSummary("unknown", null, null, null, error);
			}
			List<WorkerEntry> nodes = new ArrayList<>();
			for (JsonNode worker : body) {
				nodes.add(new WorkerEntry(worker.path("node").asString(""), worker.path("status").asString("")));
			}
			int online = (int) nodes.stream().filter(WorkerEntry::online).count();
			return new WorkersSummary((online > 0) ? "healthy" : "unhealthy", online, nodes.size(), nodes, null);
		}

	}

	/**
	 * A worker in the summary.
	 *
	 * @param node its node name
	 * @param status online, busy or offline
	 */
	record WorkerEntry(String node, String status) {

		boolean online() {
			return "online".equalsIgnoreCase(this.status) || "busy".equalsIgnoreCase(this.status);
		}

	}

	/**
	 * One service in {@code GET /services}.
	 *
	 * @param name its contract name
	 * @param url its base URL
	 * @param status {@code online} (a 2xx answer to {@code /health}) or {@code offline}
	 * @param responseTime seconds until the answer, or null when none came
	 * @param lastCheck when it was asked
	 * @param error why it is offline, or null
	 */
	record ServiceStatus(String name, String url, String status, @Nullable Double responseTime, Instant lastCheck,
			@Nullable String error) {
	}

}

package io.dispycluster.gateway.openapi;

import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import io.dispycluster.gateway.system.Problems;
import io.dispycluster.gateway.upstream.PrivatePaths;
import io.dispycluster.gateway.upstream.Service;
import io.dispycluster.gateway.upstream.UpstreamFailure;
import io.dispycluster.gateway.upstream.UpstreamReply;
import io.dispycluster.gateway.upstream.Upstreams;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /openapi/{service}}: a service's {@code /v3/api-docs} with its
 * {@code servers} replaced by the gateway's prefix for it (e.g. {@code /cluster}), so
 * that "Try it out" in the gateway's Swagger UI goes through the gateway, and without the
 * paths the gateway does not route (internal endpoints, actuator). Off whenever
 * {@code springdoc.api-docs.enabled} is false, as in production unless enabled.
 */
@RestController
@ConditionalOnProperty(name = "springdoc.api-docs.enabled", matchIfMissing = true)
class OpenApiController {

	/** Each service's name in the URL, and the gateway prefix that routes to it. */
	private static final Map<String, Service> SERVICES = Map.of("controller", Service.CLUSTER_CONTROLLER, "monitoring",
			Service.MONITORING, "scheduler", Service.SCHEDULER);

	private static final Map<Service, String> PREFIXES = Map.of(Service.CLUSTER_CONTROLLER, "/cluster",
			Service.MONITORING, "/monitoring", Service.SCHEDULER, "/scheduler");

	private final Upstreams upstreams;

	OpenApiController(Upstreams upstreams) {
		this.upstreams = upstreams;
	}

	@GetMapping("/openapi/{name}")
	JsonNode document(@PathVariable String name) {
		Service service = SERVICES.get(name);
		if (service == null) {
			throw new ErrorResponseException(HttpStatus.NOT_FOUND, Problems.of(HttpStatus.NOT_FOUND, "not-found",
					"Not found", "Service inconnu : " + name + " (controller, monitoring, scheduler)"), null);
		}
		UpstreamReply reply = this.upstreams.get(service, "/v3/api-docs").join();
		failIfNoAnswer(service, reply);
		JsonNode body = reply.body();
		if (!reply.ok() || body == null || !body.isObject()) {
			String reason = (reply.error() != null) ? reply.error() : "not an OpenAPI document";
			throw new ErrorResponseException(HttpStatus.BAD_GATEWAY,
					Problems.of(HttpStatus.BAD_GATEWAY, "upstream-docs-unavailable", "API documentation unavailable",
							"Documentation du service " + service.key() + " indisponible (" + reason + ")"),
					null);
		}
		ObjectNode document = (ObjectNode) body;
		// the gateway does not route the internal and actuator paths: do not offer them
		if (document.get("paths") instanceof ObjectNode paths) {
			paths.propertyNames().stream().filter(PrivatePaths::isPrivate).toList().forEach(paths::remove);
		}
		ObjectNode server = JsonNodeFactory.instance.objectNode()
			.put("url", PREFIXES.get(service))
			.put("description", service.key() + " through the gateway");
		document.set("servers", JsonNodeFactory.instance.arrayNode().add(server));
		return document;
	}

	/**
	 * A service that gave no answer at all gets the problem a route gives for it: 502
	 * when it is down, 504 when it is too slow, 503 when its breaker is open. The
	 * {@code upstream-docs-unavailable} problem is for a service that answered, but
	 * without a document, or one larger than the gateway reads.
	 */
	private static void failIfNoAnswer(Service service, UpstreamReply reply) {
		UpstreamFailure.Kind failure = reply.failure();
		if (failure != null && failure != UpstreamFailure.Kind.TOO_LARGE) {
			throw new UpstreamFailure(service.key(), failure, null);
		}
	}

}

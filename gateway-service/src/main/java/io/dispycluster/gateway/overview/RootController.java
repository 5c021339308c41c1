package io.dispycluster.gateway.overview;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /}: what the gateway is and where its endpoints are.
 */
@RestController
class RootController {

	private static final GatewayInfo INFO = new GatewayInfo("DispyCluster API Gateway", "1.0.0", "running",
			List.of("cluster_controller", "monitoring", "scheduler"), endpoints());

	@GetMapping("/")
	GatewayInfo root() {
		return INFO;
	}

	private static Map<String, String> endpoints() {
		Map<String, String> endpoints = new LinkedHashMap<>();
		endpoints.put("overview", "/overview");
		endpoints.put("services", "/services");
		endpoints.put("cluster", "/cluster");
		endpoints.put("monitoring", "/monitoring");
		endpoints.put("scheduler", "/scheduler");
		endpoints.put("health", "/health");
		endpoints.put("dashboard", "/dashboard");
		endpoints.put("metrics", "/metrics");
		endpoints.put("scrape", "/scrape");
		endpoints.put("scrape_batch", "/scrape/batch");
		endpoints.put("jobs", "/jobs");
		endpoints.put("workers", "/workers");
		endpoints.put("nodes", "/nodes");
		endpoints.put("alerts", "/alerts");
		endpoints.put("performance", "/performance");
		endpoints.put("tasks", "/tasks");
		endpoints.put("workflows", "/workflows");
		endpoints.put("schedule", "/schedule");
		endpoints.put("history", "/history");
		return endpoints;
	}

	/**
	 * The contract's root document. Workers run on the nodes and are reached through the
	 * controller, so no {@code scraper} service is listed.
	 *
	 * @param service the product's name
	 * @param version the API version
	 * @param status always {@code running}
	 * @param services the services behind the gateway
	 * @param endpoints the gateway's endpoints by name
	 */
	record GatewayInfo(String service, String version, String status, List<String> services,
			Map<String, String> endpoints) {
	}

}

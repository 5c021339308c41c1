package io.dispycluster.worker.node;

import java.util.LinkedHashMap;
import java.util.Map;

import io.dispycluster.model.worker.WorkerHealth;
import io.dispycluster.worker.WorkerProperties;
import io.dispycluster.worker.assignment.Assignments;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the worker says about itself: {@code GET /} and {@code GET /health}, which the
 * controller polls to know whether the worker can take a job.
 */
@RestController
class NodeController {

	private static final ServiceInfo INFO = new ServiceInfo("DispyCluster Scraper Worker", "1.0.0", "running",
			endpoints());

	private final WorkerProperties worker;

	private final Assignments assignments;

	NodeController(WorkerProperties worker, Assignments assignments) {
		this.worker = worker;
		this.assignments = assignments;
	}

	@GetMapping("/")
	ServiceInfo root() {
		return INFO;
	}

	@GetMapping("/health")
	WorkerHealth health() {
		return new WorkerHealth("ok", this.worker.nodeName(), this.assignments.capacity(),
				this.assignments.activeCount());
	}

	private static Map<String, String> endpoints() {
		Map<String, String> endpoints = new LinkedHashMap<>();
		endpoints.put("health", "/health");
		endpoints.put("scrape", "/scrape");
		endpoints.put("assignments", "/assignments");
		endpoints.put("metrics", "/actuator/prometheus");
		return endpoints;
	}

}

package io.dispycluster.worker.node;

import java.util.LinkedHashMap;
import java.util.Map;

import io.dispycluster.worker.WorkerProperties;
import io.dispycluster.worker.assignment.Assignments;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the worker says about itself: {@code GET /} and {@code GET /health}, which the
 * controller polls to know whether the worker can take a job, and monitoring reads for
 * the node's figures.
 */
@RestController
class NodeController {

	private static final ServiceInfo INFO = new ServiceInfo("DispyCluster Scraper Worker", "1.0.0", "running",
			endpoints());

	private final WorkerProperties worker;

	private final Assignments assignments;

	private final SystemSampler system;

	private final WorkerInstance instance;

	NodeController(WorkerProperties worker, Assignments assignments, SystemSampler system, WorkerInstance instance) {
		this.worker = worker;
		this.instance = instance;
		this.assignments = assignments;
		this.system = system;
	}

	@GetMapping("/")
	ServiceInfo root() {
		return INFO;
	}

	@GetMapping("/health")
	HealthView health() {
		return new HealthView("ok", this.worker.nodeName(), this.assignments.capacity(), this.assignments.activeCount(),
				this.system.latest(), this.instance.id());
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

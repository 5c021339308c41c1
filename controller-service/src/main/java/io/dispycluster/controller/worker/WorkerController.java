package io.dispycluster.controller.worker;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.dispycluster.controller.job.JobQueue;
import io.dispycluster.controller.job.JobSummary;
import io.dispycluster.model.worker.WorkerRegistration;
import io.dispycluster.model.worker.WorkerState;
import io.dispycluster.model.worker.WorkerView;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.JsonNode;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The workers API of the upstream contract, and the internal registration endpoint that
 * workers call at start-up.
 */
@RestController
class WorkerController {

	private static final int RECENT_JOBS = 5;

	private final WorkerRegistry registry;

	private final HealthChecker healthChecker;

	private final JobQueue jobs;

	WorkerController(WorkerRegistry registry, HealthChecker healthChecker, JobQueue jobs) {
		this.registry = registry;
		this.healthChecker = healthChecker;
		this.jobs = jobs;
	}

	@GetMapping("/workers")
	List<WorkerView> list() {
		return this.registry.views();
	}

	@GetMapping("/workers/{node}")
	WorkerDetails get(@PathVariable String node) {
		Worker worker = this.registry.find(node)
			.orElseThrow(() -> new WorkerNotFoundException(node, "Worker non trouvé"));
		int active = this.jobs.activeCountByNode().getOrDefault(node, 0);
		// As upstream: the last five finished jobs of the node, the oldest of them first.
		List<JobSummary> recent = new ArrayList<>(
				this.jobs.recentFinishedOn(node, RECENT_JOBS).stream().map(JobSummary::of).toList());
		Collections.reverse(recent);
		return new WorkerDetails(WorkerRegistry.view(worker, active), metrics(worker), recent);
	}

	@PostMapping("/workers/{node}/ping")
	PingResult ping(@PathVariable String node) {
		Worker worker = this.registry.find(node)
			.orElseThrow(() -> new WorkerNotFoundException(node, "Worker non trouvé dans le cluster"));
		return this.healthChecker.check(worker);
	}

	@PostMapping("/internal/workers/register")
	WorkerView register(@io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
			schema = @Schema(implementation = WorkerRegistration.class))) @RequestBody JsonNode body) {
		Worker worker = this.registry.register(RegistrationReader.read(body));
		return WorkerRegistry.view(worker, this.jobs.activeCountByNode().getOrDefault(worker.node(), 0));
	}

	private static Map<String, Object> metrics(Worker worker) {
		Map<String, Object> metrics = new LinkedHashMap<>();
		if (worker.status() == WorkerState.OFFLINE) {
			return metrics;
		}
		metrics.put("capacity", worker.capacity());
		if (worker.reportedActiveJobs() != null) {
			metrics.put("reported_active_jobs", worker.reportedActiveJobs());
		}
		if (worker.cpuUsage() != null) {
			metrics.put("cpu_usage", worker.cpuUsage());
		}
		if (worker.memoryUsage() != null) {
			metrics.put("memory_usage", worker.memoryUsage());
		}
		if (worker.temperatureC() != null) {
			metrics.put("temperature_c", worker.temperatureC());
		}
		return metrics;
	}

	/**
	 * The answer of {@code GET /workers/{node}}.
	 *
	 * @param worker the worker
	 * @param metrics its last reported figures ({@code {}} while offline)
	 * @param recentJobs its last five finished jobs, oldest first
	 */
	record WorkerDetails(WorkerView worker, Map<String, Object> metrics, List<JobSummary> recentJobs) {
	}

}

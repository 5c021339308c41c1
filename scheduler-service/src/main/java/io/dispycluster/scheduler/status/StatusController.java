package io.dispycluster.scheduler.status;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import io.dispycluster.scheduler.workflow.Workflows;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /} and {@code GET /health} in the upstream contract's shapes.
 */
@RestController
class StatusController {

	static final String SERVICE = "DispyCluster Scheduler";

	static final String VERSION = "1.0.0";

	private final QuartzState quartz;

	private final Workflows workflows;

	StatusController(QuartzState quartz, Workflows workflows) {
		this.quartz = quartz;
		this.workflows = workflows;
	}

	@GetMapping("/")
	ServiceInfo root() {
		return new ServiceInfo(SERVICE, VERSION, "running", this.quartz.running(),
				new Endpoints("/health", "/tasks", "/workflows", "/schedule"));
	}

	@GetMapping("/health")
	Health health() {
		return new Health("healthy", Instant.now().truncatedTo(ChronoUnit.MILLIS), this.quartz.running(),
				this.quartz.scheduledTasks(), this.workflows.enabledCount());
	}

	/**
	 * The service's description.
	 *
	 * @param service the service's name
	 * @param version its version
	 * @param status always {@code running} when it answers
	 * @param schedulerRunning whether Quartz is firing triggers
	 * @param endpoints its main endpoints
	 */
	record ServiceInfo(String service, String version, String status, boolean schedulerRunning, Endpoints endpoints) {
	}

	/**
	 * The main endpoints of the service, as upstream lists them.
	 *
	 * @param health own health
	 * @param tasks the scrape tasks
	 * @param workflows the workflows
	 * @param schedule the upcoming fire times
	 */
	record Endpoints(String health, String tasks, String workflows, String schedule) {
	}

	/**
	 * The service's health.
	 *
	 * @param status {@code healthy} when it answers
	 * @param timestamp when this answer was made
	 * @param schedulerRunning whether Quartz is firing triggers
	 * @param scheduledTasks tasks that will fire (enabled, with a next fire time)
	 * @param activeWorkflows workflows that are enabled (upstream's meaning)
	 */
	record Health(String status, Instant timestamp, boolean schedulerRunning, long scheduledTasks,
			long activeWorkflows) {
	}

}

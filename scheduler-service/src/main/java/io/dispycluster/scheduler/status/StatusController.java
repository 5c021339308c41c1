package io.dispycluster.scheduler.status;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.dispycluster.scheduler.workflow.Workflows;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /} and {@code GET /health} in the upstream contract's shapes.
 */
@RestController
class StatusController {

	private static final Logger LOG = LoggerFactory.getLogger(StatusController.class);

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

	/**
	 * Healthy (200) while the schedules and definitions can be read; otherwise unhealthy
	 * (503), as monitoring's own health says it: a health check that cannot read its
	 * store is an answer, not an internal error.
	 */
	@GetMapping("/health")
	ResponseEntity<Health> health() {
		Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		boolean running = this.quartz.running();
		try {
			return ResponseEntity.ok(new Health("healthy", now, running, this.quartz.scheduledTasks(),
					this.workflows.enabledCount(), null));
		}
		catch (RuntimeException ex) {
			LOG.warn("Health check failed, the database cannot be read: {}", ex.toString());
			return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
				.body(new Health("unhealthy", now, running, 0, 0, "database unavailable"));
		}
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
	 * @param status {@code healthy}, or {@code unhealthy} when its database cannot be
	 * read
	 * @param timestamp when this answer was made
	 * @param schedulerRunning whether Quartz is firing triggers
	 * @param scheduledTasks tasks that will fire (enabled, with a next fire time)
	 * @param activeWorkflows workflows that are enabled (upstream's meaning)
	 * @param error why it is unhealthy; absent when healthy
	 */
	record Health(String status, Instant timestamp, boolean schedulerRunning, long scheduledTasks, long activeWorkflows,
			@JsonInclude(Include.NON_NULL) @Nullable String error) {
	}

}

package io.dispycluster.controller.cluster;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import io.dispycluster.controller.job.JobQueue;
import io.dispycluster.controller.job.JobState;
import io.dispycluster.controller.job.JobSummary;
import io.dispycluster.controller.worker.WorkerRegistry;
import io.dispycluster.model.job.JobStatus;
import io.dispycluster.model.worker.WorkerState;
import io.dispycluster.model.worker.WorkerView;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /}, {@code /health}, {@code /cluster} and {@code /monitoring/dashboard} with
 * the upstream shapes and true values.
 */
@RestController
class ClusterController {

	private static final String VERSION = "1.0.0";

	private static final int DASHBOARD_JOBS = 10;

	private final JobQueue jobs;

	private final WorkerRegistry workers;

	private final Clock clock;

	ClusterController(JobQueue jobs, WorkerRegistry workers, Clock clock) {
		this.jobs = jobs;
		this.workers = workers;
		this.clock = clock;
	}

	@GetMapping("/")
	Map<String, Object> root() {
		Map<String, String> endpoints = new LinkedHashMap<>();
		endpoints.put("health", "/health");
		endpoints.put("cluster", "/cluster");
		endpoints.put("workers", "/workers");
		endpoints.put("jobs", "/jobs");
		endpoints.put("scrape", "/scrape");
		endpoints.put("scrape_batch", "/scrape/batch");
		endpoints.put("dashboard", "/monitoring/dashboard");
		Map<String, Object> root = new LinkedHashMap<>();
		root.put("service", "DispyCluster Controller");
		root.put("version", VERSION);
		root.put("status", "running");
		root.put("endpoints", endpoints);
		return root;
	}

	@GetMapping("/health")
	Health health() {
		return new Health("healthy", this.clock.instant(), this.workers.all().size(), this.jobs.countActive());
	}

	@GetMapping("/cluster")
	ClusterStats cluster() {
		return stats(this.workers.views());
	}

	@GetMapping("/monitoring/dashboard")
	Dashboard dashboard() {
		List<WorkerView> views = this.workers.views();
		List<JobSummary> recent = this.jobs.list(EnumSet.allOf(JobState.class), DASHBOARD_JOBS, 0)
			.stream()
			.map(JobSummary::of)
			.toList();
		List<WorkerPerformance> performance = views.stream()
			.filter((worker) -> worker.totalJobsCompleted() > 0)
			.map((worker) -> new WorkerPerformance(worker.node(), worker.totalJobsCompleted(), worker.status(),
					worker.lastSeen()))
			.toList();
		return new Dashboard(stats(views), recent, performance, this.clock.instant());
	}

	private ClusterStats stats(List<WorkerView> views) {
		Map<JobState, Long> counts = this.jobs.countByState();
		int online = (int) views.stream().filter((worker) -> worker.status() != WorkerState.OFFLINE).count();
		long total = counts.values().stream().mapToLong(Long::longValue).sum();
		OptionalDouble average = this.jobs.averageDurationSeconds();
		return new ClusterStats(views.size(), online, total, count(counts, JobStatus.PENDING), running(counts),
				count(counts, JobStatus.COMPLETED), count(counts, JobStatus.FAILED), count(counts, JobStatus.CANCELLED),
				average.isPresent() ? average.getAsDouble() : null);
	}

	private static long running(Map<JobState, Long> counts) {
		return count(counts, JobStatus.RUNNING);
	}

	private static long count(Map<JobState, Long> counts, JobStatus status) {
		return JobState.withStatus(status).stream().mapToLong((state) -> counts.getOrDefault(state, 0L)).sum();
	}

	/**
	 * The answer of {@code GET /health}.
	 *
	 * @param status always {@code healthy} when the service answers
	 * @param timestamp now
	 * @param clusterNodes workers known
	 * @param activeJobs jobs dispatched or running
	 */
	record Health(String status, Instant timestamp, int clusterNodes, long activeJobs) {
	}

	/**
	 * The answer of {@code GET /monitoring/dashboard}.
	 *
	 * @param clusterStats the cluster statistics
	 * @param recentJobs the ten newest jobs, newest first
	 * @param workerPerformance workers that completed at least one job
	 * @param timestamp now
	 */
	record Dashboard(ClusterStats clusterStats, List<JobSummary> recentJobs, List<WorkerPerformance> workerPerformance,
			Instant timestamp) {
	}

	/**
	 * One worker in the dashboard.
	 *
	 * @param node its name
	 * @param jobsCompleted jobs it completed
	 * @param status online, busy or offline
	 * @param lastSeen when it last answered
	 */
	record WorkerPerformance(String node, long jobsCompleted, WorkerState status, @Nullable Instant lastSeen) {
	}

}

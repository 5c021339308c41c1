package io.dispycluster.monitoring.performance;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.dispycluster.monitoring.jobs.ControllerClient.FinishedJobs;
import io.dispycluster.monitoring.jobs.JobEntry;
import io.dispycluster.monitoring.jobs.JobWindows;
import io.dispycluster.monitoring.jobs.QueueSamples;
import io.dispycluster.monitoring.node.NodeBoard;
import io.dispycluster.monitoring.node.NodeLoad;
import io.dispycluster.monitoring.node.NodeSamples;
import io.dispycluster.monitoring.performance.PerformanceReport.NodePerformance;
import io.dispycluster.monitoring.system.Figures;

import org.springframework.stereotype.Component;

/**
 * Computes the performance report of a window from the jobs the controller finished in
 * it, the samples of the nodes and the recorded depths of the queue.
 */
@Component
class PerformanceReports {

	private final JobWindows jobs;

	private final NodeSamples samples;

	private final QueueSamples queue;

	private final NodeBoard board;

	private final PerformanceProperties properties;

	private final Clock clock;

	PerformanceReports(JobWindows jobs, NodeSamples samples, QueueSamples queue, NodeBoard board,
			PerformanceProperties properties, Clock clock) {
		this.jobs = jobs;
		this.samples = samples;
		this.queue = queue;
		this.board = board;
		this.properties = properties;
		this.clock = clock;
	}

	PerformanceReport report(int hours) {
		Instant to = this.clock.instant();
		Instant from = to.minus(Duration.ofHours(hours));
		FinishedJobs finished = this.jobs.finishedBetween(from, to);
		List<JobEntry> jobs = finished.jobs();
		long successful = jobs.stream().filter(JobEntry::completed).count();
		long failed = jobs.stream().filter(JobEntry::failed).count();
		long cancelled = jobs.stream().filter(JobEntry::cancelled).count();
		long total = successful + failed;
		Map<String, NodeLoad> loads = this.samples.loadBetween(from, to)
			.stream()
			.collect(Collectors.toMap(NodeLoad::node, Function.identity()));
		List<NodePerformance> nodes = nodePerformance(jobs, loads);
		List<String> bottlenecks = new Bottlenecks(this.properties).find(successful, failed, nodes, loads,
				this.board.monitoredNames(), this.queue.between(from, to));
		List<NodePerformance> top = nodes.stream()
			.sorted(Comparator.comparingLong(NodePerformance::pagesScraped)
				.reversed()
				.thenComparing(Comparator.comparingDouble(NodePerformance::successRate).reversed())
				.thenComparing(NodePerformance::node))
			.limit(this.properties.topNodes())
			.toList();
		// "<H> heures" even for 1: the contract's period, which scripts read as it is
		return new PerformanceReport(hours + " heures", total, successful, failed, averageDuration(jobs),
				Figures.round((double) total / hours, 2), top, bottlenecks, cancelled, from, to, !finished.truncated());
	}

	private static double averageDuration(List<JobEntry> jobs) {
		return Figures.round(jobs.stream()
			.filter(JobEntry::completed)
			.map(JobEntry::duration)
			.filter(java.util.Objects::nonNull)
			.mapToDouble((duration) -> duration.toMillis() / 1000.0)
			.average()
			.orElse(0), 2);
	}

	/** The figures of every node that completed or failed a job in the window. */
	private static List<NodePerformance> nodePerformance(List<JobEntry> jobs, Map<String, NodeLoad> loads) {
		Map<String, List<JobEntry>> byNode = new TreeMap<>();
		for (JobEntry job : jobs) {
			if (job.assignedWorker() != null && (job.completed() || job.failed())) {
				byNode.computeIfAbsent(job.assignedWorker(), (node) -> new ArrayList<>()).add(job);
			}
		}
		List<NodePerformance> nodes = new ArrayList<>();
		byNode.forEach((node, nodeJobs) -> {
			long completed = nodeJobs.stream().filter(JobEntry::completed).count();
			long failed = nodeJobs.size() - completed;
			long pages = nodeJobs.stream().mapToLong(JobEntry::pagesCrawled).sum();
			NodeLoad load = loads.get(node);
			Double responseTime = (load != null && load.averageFetchSeconds() != null)
					? Figures.round(load.averageFetchSeconds(), 3) : null;
			nodes.add(new NodePerformance(node, pages, responseTime,
					Figures.round(100.0 * completed / nodeJobs.size(), 2), completed, failed));
		});
		return nodes;
	}

}

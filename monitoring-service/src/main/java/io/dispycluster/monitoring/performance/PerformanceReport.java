package io.dispycluster.monitoring.performance;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The upstream {@code PerformanceReport}, computed from real data, plus a few fields.
 *
 * @param period the window, e.g. {@code 24 heures}
 * @param totalJobs jobs that finished in the window, completed or failed
 * @param successfulJobs of those, the completed ones
 * @param failedJobs of those, the failed ones
 * @param averageJobDuration mean run time of the completed jobs in seconds (0 when none
 * completed)
 * @param throughputPerHour finished jobs per hour over the window
 * @param topPerformingNodes the nodes that scraped the most pages
 * @param bottlenecks what holds the cluster back, in French
 * @param cancelledJobs jobs cancelled in the window (not counted in {@code total_jobs})
 * @param from the window's start
 * @param to the window's end
 * @param complete false when the controller had more jobs than
 * {@code dispycluster.monitoring.controller.max-jobs} allows reading
 */
public record PerformanceReport(String period, long totalJobs, long successfulJobs, long failedJobs,
		double averageJobDuration, double throughputPerHour, List<NodePerformance> topPerformingNodes,
		List<String> bottlenecks, long cancelledJobs, Instant from, Instant to, boolean complete) {

	public PerformanceReport {
		topPerformingNodes = List.copyOf(topPerformingNodes);
		bottlenecks = List.copyOf(bottlenecks);
	}

	/**
	 * One node's work over the window.
	 *
	 * @param node its name
	 * @param pagesScraped pages its jobs crawled
	 * @param avgResponseTime mean time of its page requests in seconds (from its worker's
	 * request timings), or null when unknown
	 * @param successRate completed jobs over completed and failed jobs, in percent
	 * @param completedJobs its completed jobs
	 * @param failedJobs its failed jobs
	 */
	public record NodePerformance(String node, long pagesScraped, @Nullable Double avgResponseTime, double successRate,
			long completedJobs, long failedJobs) {
	}

}

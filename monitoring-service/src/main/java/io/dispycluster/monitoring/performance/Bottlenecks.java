package io.dispycluster.monitoring.performance;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import io.dispycluster.monitoring.jobs.QueuePoint;
import io.dispycluster.monitoring.node.NodeLoad;
import io.dispycluster.monitoring.performance.PerformanceReport.NodePerformance;
import io.dispycluster.monitoring.system.Figures;
import io.dispycluster.monitoring.system.French;

/**
 * Finds what held the cluster back over a window, worded in French as upstream's
 * (hard-coded) examples were ("CPU usage élevé sur node6"): a failure rate above the
 * threshold, hot, short-of-memory, nearly full, too hot or saturated nodes, nodes that
 * failed too many jobs, nodes without any sample, and a queue that kept growing. A mean
 * (CPU, memory, saturation) counts only from {@code min-samples} samples of the node.
 */
class Bottlenecks {

	private final PerformanceProperties properties;

	Bottlenecks(PerformanceProperties properties) {
		this.properties = properties;
	}

	List<String> find(long successful, long failed, List<NodePerformance> nodes, Map<String, NodeLoad> loads,
			Collection<String> monitored, List<QueuePoint> queue) {
		List<String> found = new ArrayList<>();
		long finished = successful + failed;
		if (finished >= this.properties.minJobs() && rate(failed, finished) > this.properties.failureRatePercent()) {
			found.add("Taux d'échec élevé : " + pct(rate(failed, finished)) + " des jobs ont échoué (" + failed
					+ " sur " + finished + ")");
		}
		for (NodeLoad load : loads.values().stream().sorted(java.util.Comparator.comparing(NodeLoad::node)).toList()) {
			node(load, found);
		}
		for (NodePerformance node : nodes) {
			long total = node.completedJobs() + node.failedJobs();
			if (total >= this.properties.minJobs()
					&& rate(node.failedJobs(), total) > this.properties.failureRatePercent()) {
				found.add("Taux d'échec élevé sur " + node.node() + " : " + pct(rate(node.failedJobs(), total)) + " ("
						+ node.failedJobs() + " sur " + total + ")");
			}
		}
		for (String node : monitored) {
			if (!loads.containsKey(node)) {
				found.add("Aucune métrique de " + node + " sur la période");
			}
		}
		queue(queue, found);
		return found;
	}

	private void node(NodeLoad load, List<String> found) {
		String node = load.node();
		boolean enoughSamples = load.samples() >= this.properties.minSamples();
		if (enoughSamples && load.cpuAvg() != null && load.cpuAvg() > this.properties.hotCpuPercent()) {
			found.add("CPU usage élevé sur " + node + " (moyenne " + pct(load.cpuAvg()) + ")");
		}
		if (enoughSamples && load.memoryAvg() != null && load.memoryAvg() > this.properties.hotMemoryPercent()) {
			found.add("Mémoire limitée sur " + node + " (moyenne " + pct(load.memoryAvg()) + ")");
		}
		if (load.diskMax() != null && load.diskMax() > this.properties.fullDiskPercent()) {
			found.add("Disque presque plein sur " + node + " (" + pct(load.diskMax()) + ")");
		}
		if (load.temperatureMax() != null && load.temperatureMax() > this.properties.hotTemperature()) {
			found.add("Température élevée sur " + node + " (jusqu'à " + Figures.oneDecimal(load.temperatureMax())
					+ "°C)");
		}
		Double saturated = load.saturatedShare();
		if (load.samplesWithCapacity() >= this.properties.minSamples() && saturated != null
				&& saturated >= this.properties.saturatedShare()) {
			found.add(node + " saturé : toutes ses places occupées " + Math.round(saturated * 100) + "% du temps");
		}
	}

	private void queue(List<QueuePoint> queue, List<String> found) {
		if (queue.size() < 2) {
			return;
		}
		long first = queue.get(0).pendingJobs();
		long last = queue.get(queue.size() - 1).pendingJobs();
		if (last - first >= this.properties.queueGrowth()) {
			found.add("File d'attente en croissance : " + first + " → " + last + " " + French.noun(last, "job", "jobs")
					+ " en attente sur la période");
		}
	}

	private static double rate(long part, long total) {
		return 100.0 * part / total;
	}

	private static String pct(double value) {
		return Figures.oneDecimal(value) + "%";
	}

}

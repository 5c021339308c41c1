package io.dispycluster.monitoring.node;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

import io.dispycluster.monitoring.system.WindowHours;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /nodes} and {@code GET /nodes/{node}?hours=} in the upstream shapes, with
 * true figures: online only while the latest sample is fresh, history downsampled.
 */
@RestController
class NodeController {

	private final NodeBoard board;

	private final NodeSamples samples;

	private final CollectionProperties properties;

	private final Clock clock;

	NodeController(NodeBoard board, NodeSamples samples, CollectionProperties properties, Clock clock) {
		this.board = board;
		this.samples = samples;
		this.properties = properties;
		this.clock = clock;
	}

	@GetMapping("/nodes")
	List<NodeItem> nodes() {
		return this.board.nodes().stream().map(NodeController::item).toList();
	}

	@GetMapping("/nodes/{node}")
	Object node(@PathVariable String node, @RequestParam(required = false) @Nullable String hours) {
		int window = WindowHours.parse(hours, this.properties.retention());
		NodeView view = this.board.node(node)
			.orElseGet(() -> new NodeView(node, false,
					this.samples.latest(node).orElseThrow(() -> new NodeNotFoundException(node)), null));
		Instant to = this.clock.instant();
		Instant from = to.minus(Duration.ofHours(window));
		WindowStats stats = this.samples.stats(node, from, to);
		String status = view.online() ? "online" : "offline";
		if (view.latest() == null) {
			// as in GET /nodes: upstream's words, then why sampling fails, when known
			return new NodeError(node, status, offlineReason(view), view.labels());
		}
		if (stats.count() == 0 || stats.first() == null || stats.last() == null) {
			return new NodeError(node, status, noSamplesWithin(window), view.labels());
		}
		Duration bucket = Downsampling.bucketFor(Duration.ofHours(window));
		List<HistoryItem> history = this.samples.history(node, from, to, bucket)
			.stream()
			.map((point) -> HistoryItem.of(node, point))
			.toList();
		SystemFigures current = view.latest().system();
		return new NodeDetail(
				node, status, stats.count(), new TimeRange(stats.first(), stats.last()), new Current(current.cpuUsage(),
						current.memoryUsage(), current.diskUsage(), current.load1m(), current.temperature()),
				Statistics.of(stats), bucket.toSeconds(), history, view.labels());
	}

	/** Upstream's words, in the singular for one hour. */
	static String noSamplesWithin(int hours) {
		return (hours == 1) ? "Pas de métriques dans la dernière heure"
				: "Pas de métriques dans les dernières " + hours + " heures";
	}

	private static NodeItem item(NodeView view) {
		NodeSample latest = view.latest();
		if (view.online() && latest != null) {
			SystemFigures s = latest.system();
			Double uptimeHours = (s.uptimeS() != null) ? s.uptimeS() / 3600.0 : null;
			return new OnlineNode(view.node(), "online", latest.sampledAt(), s.cpuUsage(), s.memoryUsage(),
					s.diskUsage(), s.load1m(), s.temperature(),
					io.dispycluster.monitoring.system.Figures.round2(uptimeHours), s.load5m(), s.load15m(),
					s.networkRxBps(), s.networkTxBps(), latest.workload().activeJobs(), latest.workload().capacity(),
					latest.source().wireName(), view.labels());
		}
		return new OfflineNode(view.node(), "offline", view.lastUpdate(), offlineReason(view), view.labels());
	}

	/** Why a node is offline, in French, as upstream words it when nothing is known. */
	static String offlineReason(NodeView view) {
		String base = (view.latest() == null) ? "Pas de métriques disponibles" : "Pas de métriques récentes";
		return (view.lastFailure() != null) ? base + " : " + view.lastFailure().reason() : base;
	}

	/** An item of {@code GET /nodes}. */
	sealed interface NodeItem permits OnlineNode, OfflineNode {

	}

	/**
	 * An online node: upstream's fields, then additions.
	 *
	 * @param node its name
	 * @param status {@code online}
	 * @param lastUpdate when its latest sample was taken
	 * @param cpuUsage CPU use in percent, or null when its source does not give it
	 * @param memoryUsage memory use in percent, or null
	 * @param diskUsage disk use of {@code /} in percent, or null
	 * @param load1m load average over 1 minute, or null
	 * @param temperature hottest sensor in °C, or null
	 * @param uptimeHours hours since boot, or null
	 * @param load5m load average over 5 minutes, or null
	 * @param load15m load average over 15 minutes, or null
	 * @param networkRx bytes received per second, or null
	 * @param networkTx bytes sent per second, or null
	 * @param activeJobs jobs its worker runs, or null
	 * @param capacity jobs its worker can run at once, or null
	 * @param source {@code worker} or {@code node_exporter}
	 * @param labels its node labels, empty when none
	 */
	record OnlineNode(String node, String status, Instant lastUpdate, @Nullable Double cpuUsage,
			@Nullable Double memoryUsage, @Nullable Double diskUsage, @JsonProperty("load_1m") @Nullable Double load1m,
			@Nullable Double temperature, @Nullable Double uptimeHours,
			@JsonProperty("load_5m") @Nullable Double load5m, @JsonProperty("load_15m") @Nullable Double load15m,
			@Nullable Double networkRx, @Nullable Double networkTx, @Nullable Integer activeJobs,
			@Nullable Integer capacity, String source, Map<String, String> labels) implements NodeItem {
	}

	/**
	 * An offline node.
	 *
	 * @param node its name
	 * @param status {@code offline}
	 * @param lastUpdate when its latest (stale) sample was taken, or null if never
	 * @param error why there is no fresh figure
	 * @param labels its node labels, empty when none
	 */
	record OfflineNode(String node, String status, @Nullable Instant lastUpdate, String error,
			Map<String, String> labels) implements NodeItem {
	}

	/**
	 * A node without figures for the window asked.
	 *
	 * @param node its name
	 * @param status online or offline
	 * @param error why there is nothing to show
	 * @param labels its node labels, empty when none
	 */
	record NodeError(String node, String status, String error, Map<String, String> labels) {
	}

	/**
	 * The detail of a node over a window.
	 *
	 * @param node its name
	 * @param status online or offline now
	 * @param metricsCount samples in the window
	 * @param timeRange when the first and last of them were taken
	 * @param current the latest figures
	 * @param statistics means and maxima over the window
	 * @param bucketSeconds the width of each history point
	 * @param history the window downsampled, oldest first
	 * @param labels its node labels, empty when none
	 */
	record NodeDetail(String node, String status, long metricsCount, TimeRange timeRange, Current current,
			Statistics statistics, long bucketSeconds, List<HistoryItem> history, Map<String, String> labels) {
	}

	/**
	 * A time range.
	 *
	 * @param from its start
	 * @param to its end
	 */
	record TimeRange(Instant from, Instant to) {
	}

	/**
	 * The latest figures of a node.
	 *
	 * @param cpuUsage CPU use in percent
	 * @param memoryUsage memory use in percent
	 * @param diskUsage disk use in percent
	 * @param load1m load average over 1 minute
	 * @param temperature hottest sensor in °C
	 */
	record Current(@Nullable Double cpuUsage, @Nullable Double memoryUsage, @Nullable Double diskUsage,
			@JsonProperty("load_1m") @Nullable Double load1m, @Nullable Double temperature) {
	}

	/**
	 * Means and maxima over a window, rounded to two decimals.
	 *
	 * @param cpuAvg mean CPU use
	 * @param cpuMax highest CPU use
	 * @param memoryAvg mean memory use
	 * @param memoryMax highest memory use
	 * @param diskAvg mean disk use
	 * @param diskMax highest disk use
	 * @param temperatureAvg mean temperature
	 * @param temperatureMax highest temperature
	 */
	record Statistics(@Nullable Double cpuAvg, @Nullable Double cpuMax, @Nullable Double memoryAvg,
			@Nullable Double memoryMax, @Nullable Double diskAvg, @Nullable Double diskMax,
			@Nullable Double temperatureAvg, @Nullable Double temperatureMax) {

		static Statistics of(WindowStats s) {
			return new Statistics(r(s.cpuAvg()), r(s.cpuMax()), r(s.memoryAvg()), r(s.memoryMax()), r(s.diskAvg()),
					r(s.diskMax()), r(s.temperatureAvg()), r(s.temperatureMax()));
		}

	}

	/**
	 * One point of a history, in upstream's NodeMetrics shape plus {@code samples}.
	 *
	 * @param node the node's name
	 * @param timestamp the start of the bucket
	 * @param cpuUsage mean CPU use in percent
	 * @param memoryUsage mean memory use in percent
	 * @param diskUsage mean disk use in percent
	 * @param networkRx mean bytes received per second
	 * @param networkTx mean bytes sent per second
	 * @param load1m mean load over 1 minute
	 * @param load5m mean load over 5 minutes
	 * @param load15m mean load over 15 minutes
	 * @param uptime seconds since boot at the end of the bucket
	 * @param temperature mean temperature in °C
	 * @param samples samples averaged
	 */
	record HistoryItem(String node, Instant timestamp, @Nullable Double cpuUsage, @Nullable Double memoryUsage,
			@Nullable Double diskUsage, @Nullable Double networkRx, @Nullable Double networkTx,
			@JsonProperty("load_1m") @Nullable Double load1m, @JsonProperty("load_5m") @Nullable Double load5m,
			@JsonProperty("load_15m") @Nullable Double load15m, @Nullable Long uptime, @Nullable Double temperature,
			long samples) {

		static HistoryItem of(String node, HistoryPoint point) {
			SystemFigures s = point.system();
			return new HistoryItem(node, point.at(), r(s.cpuUsage()), r(s.memoryUsage()), r(s.diskUsage()),
					r(s.networkRxBps()), r(s.networkTxBps()), r(s.load1m()), r(s.load5m()), r(s.load15m()), s.uptimeS(),
					r(s.temperature()), point.samples());
		}

	}

	private static @Nullable Double r(@Nullable Double value) {
		return io.dispycluster.monitoring.system.Figures.round2(value);
	}

}

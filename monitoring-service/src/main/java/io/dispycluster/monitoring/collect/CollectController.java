package io.dispycluster.monitoring.collect;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.dispycluster.monitoring.jobs.QueueSamples;
import io.dispycluster.monitoring.node.CollectionProperties;
import io.dispycluster.monitoring.node.NodeBoard;
import io.dispycluster.monitoring.node.NodeFailure;
import io.dispycluster.monitoring.node.NodeSamples;
import io.dispycluster.monitoring.system.Figures;
import io.dispycluster.monitoring.system.French;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /collect_metrics}: starts a collection round in the background and answers
 * at once, as upstream does; {@code GET /metrics}: figures about the collection itself
 * (upstream's JSON, with true values).
 */
@RestController
class CollectController {

	private static final Logger LOG = LoggerFactory.getLogger(CollectController.class);

	/** About what one stored sample takes on disk, for the size estimate. */
	private static final double BYTES_PER_SAMPLE = 200;

	private final Collector collector;

	private final NodeBoard board;

	private final NodeSamples samples;

	private final QueueSamples queue;

	private final CollectionProperties properties;

	private final Executor executor;

	CollectController(Collector collector, NodeBoard board, NodeSamples samples, QueueSamples queue,
			CollectionProperties properties) {
		this.collector = collector;
		this.board = board;
		this.samples = samples;
		this.queue = queue;
		this.properties = properties;
		// One round at a time, at most one more waiting: further requests add nothing.
		this.executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1), (runnable) -> {
			Thread thread = new Thread(runnable, "collect-now");
			thread.setDaemon(true);
			return thread;
		}, new ThreadPoolExecutor.DiscardPolicy());
	}

	@PostMapping("/collect_metrics")
	Message collect() {
		this.executor.execute(() -> {
			try {
				this.collector.collect();
			}
			catch (RuntimeException ex) {
				LOG.warn("Collection round failed: {}", ex.toString());
			}
		});
		return new Message("Collecte des métriques lancée");
	}

	@GetMapping("/metrics")
	CollectionFigures metrics() {
		long total = this.samples.count();
		List<FailureItem> failures = this.board.nodes()
			.stream()
			.filter((node) -> node.lastFailure() != null)
			.map((node) -> {
				NodeFailure failure = node.lastFailure();
				return new FailureItem(node.node(), failure.at(), failure.reason());
			})
			.toList();
		return new CollectionFigures(total, this.samples.nodesWithSamples(), collectionRate(this.properties.interval()),
				retention(this.properties.retention()), Figures.round(total * BYTES_PER_SAMPLE / 1_000_000, 3),
				this.properties.interval().toSeconds(), this.properties.retention().toHours(), this.board.lastRound(),
				this.queue.count(), failures);
	}

	/**
	 * Upstream's {@code toutes les 30 secondes}, worded for any interval: every second,
	 * or in milliseconds when the interval is not whole seconds.
	 */
	static String collectionRate(Duration interval) {
		if (interval.toMillisPart() != 0) {
			return "toutes les " + interval.toMillis() + " millisecondes";
		}
		long seconds = interval.toSeconds();
		return (seconds == 1) ? "toutes les secondes" : "toutes les " + seconds + " secondes";
	}

	/**
	 * Upstream's {@code 24 heures}: in hours, or in days from two whole days on
	 * ({@code 7 jours}).
	 */
	static String retention(Duration retention) {
		long hours = retention.toHours();
		return (hours % 24 == 0 && hours >= 48) ? (hours / 24) + " jours" : French.count(hours, "heure", "heures");
	}

	/**
	 * The answer of {@code POST /collect_metrics}.
	 *
	 * @param message upstream's French confirmation
	 */
	record Message(String message) {
	}

	/**
	 * The answer of {@code GET /metrics}: upstream's fields, then additions.
	 *
	 * @param totalMetricsCollected samples stored
	 * @param nodesWithMetrics nodes with stored samples
	 * @param collectionRate how often nodes are sampled, in French
	 * @param retention how long samples are kept, in French
	 * @param dataSizeEstimateMb about the space the samples take, in MB (200 bytes each)
	 * @param collectionIntervalS the interval in seconds
	 * @param retentionHours the retention in hours
	 * @param lastCollection when the last round ended, or null
	 * @param queueSamples queue readings stored
	 * @param collectionFailures the latest failure of each node that currently fails
	 */
	record CollectionFigures(long totalMetricsCollected, long nodesWithMetrics, String collectionRate, String retention,
			double dataSizeEstimateMb, long collectionIntervalS, long retentionHours, @Nullable Instant lastCollection,
			long queueSamples, List<FailureItem> collectionFailures) {
	}

	/**
	 * A node that currently fails to be sampled.
	 *
	 * @param node its name
	 * @param at when it last failed
	 * @param reason why
	 */
	record FailureItem(String node, Instant at, String reason) {
	}

}

package io.dispycluster.monitoring.collect;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PreDestroy;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.dispycluster.monitoring.jobs.ControllerClient;
import io.dispycluster.monitoring.jobs.ControllerUnavailableException;
import io.dispycluster.monitoring.jobs.KnownWorkers;
import io.dispycluster.monitoring.jobs.QueueFigures;
import io.dispycluster.monitoring.jobs.QueueSamples;
import io.dispycluster.monitoring.jobs.WorkerEntry;
import io.dispycluster.monitoring.node.CollectionProperties;
import io.dispycluster.monitoring.node.NodeBoard;
import io.dispycluster.monitoring.node.NodeFailure;
import io.dispycluster.monitoring.node.NodeInventoryProperties;
import io.dispycluster.monitoring.node.NodeSample;
import io.dispycluster.monitoring.node.NodeSamples;
import io.dispycluster.monitoring.node.RetentionPassed;
import io.dispycluster.monitoring.node.RoundCompleted;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * One collection round: asks the controller for its workers (keeping the last listing, in
 * the database too, while it does not answer), samples every node of the inventory and
 * every worker at the same time, stores the samples and the queue's depth, deletes what
 * is older than the retention, then announces the round so that alerts are evaluated.
 * Rounds never overlap; a failure is recorded against its node and counted in
 * {@code dispycluster_monitoring_collection_failures_total{node}}.
 */
@Component
class Collector {

	private static final Logger LOG = LoggerFactory.getLogger(Collector.class);

	/** The pseudo-node under which failures to read the controller are counted. */
	static final String CONTROLLER = "controller";

	private static final Duration PURGE_EVERY = Duration.ofMinutes(10);

	private final NodeInventoryProperties inventory;

	private final CollectionProperties properties;

	private final ControllerClient controller;

	private final NodeSources sources;

	private final NodeSamples samples;

	private final QueueSamples queue;

	private final KnownWorkers known;

	private final NodeBoard board;

	private final ApplicationEventPublisher events;

	private final MeterRegistry registry;

	private final Timer duration;

	private final Clock clock;

	private final ReentrantLock lock = new ReentrantLock();

	private final ExecutorService pool;

	private List<WorkerEntry> workers = List.of();

	private Instant lastPurge = Instant.EPOCH;

	Collector(NodeInventoryProperties inventory, CollectionProperties properties, ControllerClient controller,
			NodeSources sources, NodeSamples samples, QueueSamples queue, KnownWorkers known, NodeBoard board,
			ApplicationEventPublisher events, MeterRegistry registry, Clock clock) {
		this.inventory = inventory;
		this.properties = properties;
		this.controller = controller;
		this.sources = sources;
		this.samples = samples;
		this.queue = queue;
		this.known = known;
		this.board = board;
		this.events = events;
		this.registry = registry;
		this.clock = clock;
		// stored: started while the controller is down, it still knows the workers
		this.workers = known.load();
		this.duration = Timer.builder("dispycluster.monitoring.collection.duration")
			.description("Time a collection round takes")
			.register(registry);
		AtomicInteger threads = new AtomicInteger();
		this.pool = Executors.newFixedThreadPool(properties.parallelism(), (runnable) -> {
			Thread thread = new Thread(runnable, "collect-" + threads.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
	}

	/**
	 * Runs a round unless one is already running.
	 * @return whether this call ran a round
	 */
	boolean collect() {
		if (!this.lock.tryLock()) {
			return false;
		}
		try {
			this.duration.record(this::round);
			return true;
		}
		finally {
			this.lock.unlock();
		}
	}

	private void round() {
		Instant now = this.clock.instant();
		NodeFailure controllerFailure = null;
		try {
			this.workers = this.controller.workers();
			this.known.save(this.workers);
		}
		catch (ControllerUnavailableException ex) {
			// Keep the workers of the last listing: they are still the best guess.
			controllerFailure = controllerFailed(now, ex);
		}
		List<Target> targets = Target.of(this.inventory.nodes(), this.workers);
		Set<String> names = new LinkedHashSet<>(targets.stream().map(Target::node).toList());
		this.board.monitor(List.copyOf(names),
				targets.stream().collect(Collectors.toMap(Target::node, Target::labels, (first, second) -> first)));
		this.sources.retainOnly(names);
		sampleAll(targets, now);
		try {
			QueueFigures figures = this.controller.queue();
			this.queue.add(now, figures, this.controller.oldestUnfinished(figures));
		}
		catch (ControllerUnavailableException ex) {
			controllerFailure = (controllerFailure != null) ? controllerFailure : controllerFailed(now, ex);
		}
		purgeIfDue(now);
		this.board.roundCompleted(now, controllerFailure);
		this.events.publishEvent(new RoundCompleted(now));
	}

	private void sampleAll(List<Target> targets, Instant now) {
		List<Future<NodeSample>> futures = new ArrayList<>();
		for (Target target : targets) {
			futures.add(this.pool.submit(() -> this.sources.sample(target, now)));
		}
		// Each node has its own request timeouts; this bound only guards against a stuck
		// thread.
		long waitMs = this.properties.timeout().toMillis() * 3 + 1000;
		for (int i = 0; i < targets.size(); i++) {
			String node = targets.get(i).node();
			try {
				NodeSample sample = futures.get(i).get(waitMs, TimeUnit.MILLISECONDS);
				this.samples.add(sample);
				this.board.sampled(sample);
			}
			catch (ExecutionException ex) {
				SourceException source = (ex.getCause() instanceof SourceException cause) ? cause : null;
				String reason = (source != null) ? source.getMessage() : "erreur inattendue : " + ex.getCause();
				failed(node, new NodeFailure(now, String.valueOf(reason), source != null && source.refusal()),
						ex.getCause());
			}
			catch (TimeoutException ex) {
				futures.get(i).cancel(true);
				failed(node, new NodeFailure(now, "délai dépassé"), null);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	private void failed(String node, NodeFailure failure, @Nullable Throwable cause) {
		LOG.debug("Sampling failed: node={} reason={}", node, failure.reason(),
				(cause instanceof SourceException) ? null : cause);
		this.board.failed(node, failure);
		countFailure(node);
	}

	private NodeFailure controllerFailed(Instant at, ControllerUnavailableException ex) {
		LOG.debug("Reading the controller failed: {}", ex.getMessage());
		countFailure(CONTROLLER);
		return new NodeFailure(at, String.valueOf(ex.getMessage()));
	}

	private void countFailure(String node) {
		Counter.builder("dispycluster.monitoring.collection.failures")
			.description("Failures to sample a node (or to read the controller, under node=\"controller\")")
			.tag("node", node)
			.register(this.registry)
			.increment();
	}

	private void purgeIfDue(Instant now) {
		if (Duration.between(this.lastPurge, now).compareTo(PURGE_EVERY) < 0) {
			return;
		}
		this.lastPurge = now;
		Instant before = now.minus(this.properties.retention());
		int deleted = this.samples.deleteBefore(before) + this.queue.deleteBefore(before);
		if (deleted > 0) {
			LOG.debug("Deleted {} samples older than {}", deleted, before);
		}
		this.events.publishEvent(new RetentionPassed(before));
	}

	@PreDestroy
	void stop() {
		this.pool.shutdownNow();
	}

}

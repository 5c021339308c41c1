package io.dispycluster.monitoring.node;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The current state of the monitored nodes: the latest sample of each and the latest
 * failure to sample it. A node is online only while its latest sample is fresh (not older
 * than {@code stale-after-intervals} intervals) and it did not refuse the last
 * {@value #REFUSALS_DOWN} samplings in a row (connection refused, HTTP error status): a
 * stopped worker shows as offline after two rounds, while a node that times out once,
 * busy, does not flap. Failures are recorded here and counted in the metrics, not
 * printed; a node going quiet or coming back is logged once.
 */
@Component
public class NodeBoard {

	private static final Logger LOG = LoggerFactory.getLogger(NodeBoard.class);

	/**
	 * Refused samplings in a row after which a node is offline, its sample fresh or not.
	 */
	static final int REFUSALS_DOWN = 2;

	private final CollectionProperties properties;

	private final NodeGauges gauges;

	private final Clock clock;

	private final Map<String, NodeSample> latest = new ConcurrentHashMap<>();

	private final Map<String, NodeFailure> failures = new ConcurrentHashMap<>();

	private final Map<String, Instant> failingSince = new ConcurrentHashMap<>();

	private final Map<String, Integer> refusals = new ConcurrentHashMap<>();

	private volatile List<String> monitored = List.of();

	private volatile Map<String, Map<String, String>> labels = Map.of();

	private volatile @Nullable Instant lastRound;

	private volatile @Nullable NodeFailure controllerFailure;

	private volatile @Nullable Instant controllerFailingSince;

	NodeBoard(CollectionProperties properties, NodeSamples samples, NodeGauges gauges, Clock clock) {
		this.properties = properties;
		this.gauges = gauges;
		this.clock = clock;
		samples.latestOfEach().forEach((sample) -> this.latest.put(sample.node(), sample));
	}

	/** Sets the nodes to watch: the inventory and the workers the controller knows. */
	public void monitor(List<String> nodes) {
		monitor(nodes, Map.of());
	}

	/**
	 * Sets the nodes to watch and their labels.
	 * @param nodes the nodes, in the order they are listed
	 * @param labels the labels of each node (a node left out has none)
	 */
	public void monitor(List<String> nodes, Map<String, Map<String, String>> labels) {
		this.labels = Map.copyOf(labels);
		this.monitored = List.copyOf(new LinkedHashSet<>(nodes));
		// a node that leaves and comes back starts a new run of failures
		this.failingSince.keySet().retainAll(this.monitored);
		this.refusals.keySet().retainAll(this.monitored);
	}

	/** Records a sample; it becomes the node's latest. */
	public void sampled(NodeSample sample) {
		this.failingSince.remove(sample.node());
		this.refusals.remove(sample.node());
		NodeFailure failure = this.failures.remove(sample.node());
		if (failure != null) {
			LOG.info("Node answers again: node={} source={}", sample.node(), sample.source().wireName());
		}
		this.latest.put(sample.node(), sample);
	}

	/** Records a failure to sample a node. */
	public void failed(String node, NodeFailure failure) {
		this.failingSince.putIfAbsent(node, failure.at());
		if (failure.refusal()) {
			this.refusals.merge(node, 1, Integer::sum);
		}
		else {
			// a timeout breaks the run: it may be a node only busy
			this.refusals.remove(node);
		}
		if (this.failures.put(node, failure) == null) {
			LOG.info("Node does not answer: node={} reason={}", node, failure.reason());
		}
	}

	/**
	 * Records the end of a round and refreshes the node gauges.
	 * @param at the round's instant
	 * @param controllerFailure why the controller could not be read in this round, or
	 * null when it answered
	 */
	public void roundCompleted(Instant at, @Nullable NodeFailure controllerFailure) {
		if (controllerFailure != null && this.controllerFailure == null) {
			LOG.info("Controller does not answer: reason={}", controllerFailure.reason());
			this.controllerFailingSince = controllerFailure.at();
		}
		else if (controllerFailure == null && this.controllerFailure != null) {
			LOG.info("Controller answers again");
		}
		this.controllerFailure = controllerFailure;
		this.lastRound = at;
		this.gauges.refresh(nodes());
	}

	/** The monitored nodes as they are now, in inventory order then by discovery. */
	public List<NodeView> nodes() {
		Instant now = this.clock.instant();
		List<NodeView> views = new ArrayList<>();
		for (String node : this.monitored) {
			views.add(view(node, now));
		}
		return views;
	}

	/** A node by name, monitored or not, if it was ever sampled or is monitored. */
	public Optional<NodeView> node(String name) {
		if (!this.monitored.contains(name) && !this.latest.containsKey(name)) {
			return Optional.empty();
		}
		return Optional.of(view(name, this.clock.instant()));
	}

	/**
	 * The first failure to sample a node since it was last sampled (in this run of the
	 * service), or null while sampling it works.
	 */
	public @Nullable Instant failingSince(String node) {
		return this.failingSince.get(node);
	}

	/**
	 * Whether the node refused its last {@value #REFUSALS_DOWN} samplings in a row (in
	 * this run of the service), which makes it offline however fresh its latest sample.
	 */
	public boolean refusing(String node) {
		return this.refusals.getOrDefault(node, 0) >= REFUSALS_DOWN;
	}

	/** The names of the monitored nodes. */
	public Set<String> monitoredNames() {
		return new LinkedHashSet<>(this.monitored);
	}

	/** Whether a sample taken at {@code sampledAt} is still fresh at {@code now}. */
	public boolean fresh(Instant sampledAt, Instant now) {
		return !sampledAt.plus(this.properties.staleAfter()).isBefore(now);
	}

	/** When the last round ended, or null before the first. */
	public @Nullable Instant lastRound() {
		return this.lastRound;
	}

	/** Why the controller could not be read in the last round, or null. */
	public @Nullable NodeFailure controllerFailure() {
		return this.controllerFailure;
	}

	/**
	 * The first round of the controller's current run of failures, or null while it
	 * answers.
	 */
	public @Nullable Instant controllerFailingSince() {
		return (this.controllerFailure != null) ? this.controllerFailingSince : null;
	}

	private NodeView view(String node, Instant now) {
		NodeSample sample = this.latest.get(node);
		boolean online = sample != null && fresh(sample.sampledAt(), now) && !refusing(node);
		return new NodeView(node, online, sample, this.failures.get(node), this.labels.getOrDefault(node, Map.of()));
	}

}

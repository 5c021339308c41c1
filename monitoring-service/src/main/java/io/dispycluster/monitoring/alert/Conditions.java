package io.dispycluster.monitoring.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import io.dispycluster.monitoring.jobs.ControllerUnavailableException;
import io.dispycluster.monitoring.jobs.JobEntry;
import io.dispycluster.monitoring.jobs.JobWindows;
import io.dispycluster.monitoring.jobs.QueuePoint;
import io.dispycluster.monitoring.jobs.QueueSamples;
import io.dispycluster.monitoring.node.CollectionProperties;
import io.dispycluster.monitoring.node.NodeBoard;
import io.dispycluster.monitoring.node.NodeFailure;
import io.dispycluster.monitoring.node.NodeView;
import io.dispycluster.monitoring.node.SystemFigures;
import io.dispycluster.monitoring.system.Figures;
import io.dispycluster.monitoring.system.French;

import org.springframework.stereotype.Component;

/**
 * Observes the condition of every enabled rule now: the monitored nodes' latest samples,
 * the jobs the controller finished within the failure-rate window, the queue's recorded
 * depth, and whether the controller answers.
 */
@Component
class Conditions {

	private final AlertProperties properties;

	private final NodeBoard board;

	private final JobWindows jobs;

	private final QueueSamples queue;

	private final CollectionProperties collection;

	Conditions(AlertProperties properties, NodeBoard board, JobWindows jobs, QueueSamples queue,
			CollectionProperties collection) {
		this.properties = properties;
		this.board = board;
		this.jobs = jobs;
		this.queue = queue;
		this.collection = collection;
	}

	List<Observation> observe(Instant now) {
		List<Observation> observations = new ArrayList<>();
		for (NodeView node : this.board.nodes()) {
			nodeDown(node, now, observations);
			figure(AlertRule.CPU, node, SystemFigures::cpuUsage, "CPU usage élevé (%s%%)", observations);
			figure(AlertRule.MEMORY, node, SystemFigures::memoryUsage, "Mémoire usage élevé (%s%%)", observations);
			figure(AlertRule.DISK, node, SystemFigures::diskUsage, "Disque usage élevé (%s%%)", observations);
			figure(AlertRule.TEMPERATURE, node, SystemFigures::temperature, "Température élevée (%s°C)", observations);
		}
		if (enabled(AlertRule.FAILURE_RATE)) {
			observations.add(failureRate(now));
		}
		if (enabled(AlertRule.QUEUE_BACKLOG)) {
			observations.add(queueBacklog(now));
		}
		if (enabled(AlertRule.CONTROLLER_UNREACHABLE)) {
			observations.add(controllerUnreachable(now));
		}
		return observations;
	}

	private void nodeDown(NodeView node, Instant now, List<Observation> observations) {
		if (!enabled(AlertRule.NODE_DOWN)) {
			return;
		}
		Instant last = node.lastUpdate();
		if (last == null) {
			observations.add(neverSampled(node, now));
			return;
		}
		if (node.online() && node.lastFailure() != null) {
			// Online only because its run of refusals is not long enough yet (or was
			// broken by a timeout, or started again with this service): it did not
			// answer, so it is not back. Unknown, so that an alert fired before a restart
			// is neither resolved nor fired again a round later.
			observations.add(Observation.unknown(AlertRule.NODE_DOWN, node.node()));
			return;
		}
		double age = Duration.between(last, now).toMillis() / 1000.0;
		String message = node.node() + ": Nœud hors ligne (aucune métrique depuis " + (long) age + " s)";
		if (!node.online() && this.board.fresh(last, now) && node.lastFailure() != null) {
			// offline before the staleness: it refused, say how
			message += " : " + node.lastFailure().reason();
		}
		observations.add(new Observation(AlertRule.NODE_DOWN, node.node(), !node.online(), age, message));
	}

	/**
	 * A node never sampled is down once sampling it has failed for longer than the
	 * staleness, as a sampled one is once its latest sample is that old, or once it
	 * refused twice in a row, as a sampled one: a node still booting, or a worker that
	 * just registered, gets the same grace. Failing for less is unknown, so that the
	 * first round after a restart does not resolve its alert.
	 */
	private Observation neverSampled(NodeView node, Instant now) {
		Instant failingSince = this.board.failingSince(node.node());
		boolean stale = failingSince != null && failingSince.plus(this.collection.staleAfter()).isBefore(now);
		if (!stale && !this.board.refusing(node.node())) {
			return Observation.unknown(AlertRule.NODE_DOWN, node.node());
		}
		return new Observation(AlertRule.NODE_DOWN, node.node(), true, null,
				node.node() + ": Pas de métriques disponibles");
	}

	private void figure(AlertRule rule, NodeView node, Function<SystemFigures, @Nullable Double> reader, String text,
			List<Observation> observations) {
		if (!enabled(rule)) {
			return;
		}
		if (!node.online() || node.latest() == null) {
			// A node without fresh figures is covered by node_down; its figure alerts
			// end.
			observations.add(new Observation(rule, node.node(), false, null, ""));
			return;
		}
		Double value = reader.apply(node.latest().system());
		if (value == null || node.lastFailure() != null) {
			// A node that did not answer its latest sampling gave no new figure: an older
			// one neither fires (the condition is not known to hold still) nor resolves.
			observations.add(Observation.unknown(rule, node.node()));
			return;
		}
		String message = node.node() + ": " + String.format(text, Figures.oneDecimal(value));
		observations.add(new Observation(rule, node.node(), value > threshold(rule), value, message));
	}

	private Observation failureRate(Instant now) {
		AlertProperties.Rule rule = this.properties.rule(AlertRule.FAILURE_RATE);
		List<JobEntry> recent;
		try {
			recent = this.jobs.finishedBetween(now.minus(rule.window()), now).jobs();
		}
		catch (ControllerUnavailableException ex) {
			return Observation.unknown(AlertRule.FAILURE_RATE, null);
		}
		long failed = recent.stream().filter(JobEntry::failed).count();
		long finished = failed + recent.stream().filter(JobEntry::completed).count();
		if (finished < rule.minJobs()) {
			return new Observation(AlertRule.FAILURE_RATE, null, false, null, "");
		}
		double rate = 100.0 * failed / finished;
		String message = "Taux d'échec des jobs élevé : " + Figures.oneDecimal(rate) + "% sur "
				+ Durations.french(rule.window()) + " (" + failed + " sur " + finished + ")";
		return new Observation(AlertRule.FAILURE_RATE, null, rate > rule.threshold(), Figures.round(rate, 2), message);
	}

	/**
	 * The queue grew if its depth now exceeds its depth one window ago by at least the
	 * threshold and never went back down to that depth in between. Unknown until the
	 * recorded depths reach back a whole window.
	 */
	private Observation queueBacklog(Instant now) {
		AlertProperties.Rule rule = this.properties.rule(AlertRule.QUEUE_BACKLOG);
		Instant windowStart = now.minus(rule.window());
		List<QueuePoint> points = this.queue.between(windowStart.minus(this.collection.staleAfter()), now);
		QueuePoint baseline = null;
		for (QueuePoint point : points) {
			if (!point.at().isAfter(windowStart)) {
				baseline = point;
			}
		}
		if (baseline == null || points.get(points.size() - 1).at().isBefore(now.minus(this.collection.staleAfter()))) {
			return Observation.unknown(AlertRule.QUEUE_BACKLOG, null);
		}
		QueuePoint start = baseline;
		QueuePoint last = points.get(points.size() - 1);
		boolean neverDrained = points.stream()
			.filter((point) -> point.at().isAfter(start.at()))
			.allMatch((point) -> point.pendingJobs() > start.pendingJobs());
		long growth = last.pendingJobs() - start.pendingJobs();
		String message = "File d'attente en croissance : " + start.pendingJobs() + " → " + last.pendingJobs() + " "
				+ French.noun(last.pendingJobs(), "job", "jobs") + " en attente en " + Durations.french(rule.window());
		return new Observation(AlertRule.QUEUE_BACKLOG, null, neverDrained && growth >= rule.threshold(),
				(double) last.pendingJobs(), message);
	}

	/**
	 * The controller is unreachable once a round failed to read it and it has not
	 * answered for longer than the staleness of a node: counted from the last reading of
	 * its queue (stored, so it holds across a restart), or from its first failure when it
	 * was never read. A queue read in this round is an answer (only its workers failed);
	 * failing for less than the staleness is unknown, so that one failed round neither
	 * resolves an active alert nor starts one.
	 */
	private Observation controllerUnreachable(Instant now) {
		NodeFailure failure = this.board.controllerFailure();
		Instant failingSince = this.board.controllerFailingSince();
		Instant lastAnswer = this.queue.latestAt().orElse(null);
		if (failure == null || failingSince == null || (lastAnswer != null && !lastAnswer.isBefore(now))) {
			return new Observation(AlertRule.CONTROLLER_UNREACHABLE, null, false, null, "");
		}
		Instant silentSince = (lastAnswer != null) ? lastAnswer : failingSince;
		if (!silentSince.plus(this.collection.staleAfter()).isBefore(now)) {
			return Observation.unknown(AlertRule.CONTROLLER_UNREACHABLE, null);
		}
		double seconds = Duration.between(silentSince, now).toMillis() / 1000.0;
		String message = "Contrôleur injoignable (aucune réponse depuis " + (long) seconds + " s) : "
				+ failure.reason();
		return new Observation(AlertRule.CONTROLLER_UNREACHABLE, null, true, seconds, message);
	}

	private boolean enabled(AlertRule rule) {
		return this.properties.rule(rule).enabled();
	}

	/**
	 * The value a rule's measure must exceed. A node is down once its latest sample is
	 * older than the staleness, so that is node_down's threshold, in seconds, and
	 * controller_unreachable's (the rules' own thresholds are unused).
	 */
	double threshold(AlertRule rule) {
		if (rule == AlertRule.NODE_DOWN || rule == AlertRule.CONTROLLER_UNREACHABLE) {
			return this.collection.staleAfter().toSeconds();
		}
		return this.properties.rule(rule).threshold();
	}

}

package io.dispycluster.monitoring.health;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import io.dispycluster.monitoring.alert.Alert;
import io.dispycluster.monitoring.alert.AlertEngine;
import io.dispycluster.monitoring.alert.AlertProperties;
import io.dispycluster.monitoring.alert.AlertRule;
import io.dispycluster.monitoring.alert.Severity;
import io.dispycluster.monitoring.node.CollectionProperties;
import io.dispycluster.monitoring.node.NodeBoard;
import io.dispycluster.monitoring.node.NodeFailure;
import io.dispycluster.monitoring.node.NodeView;
import io.dispycluster.monitoring.node.SystemFigures;
import io.dispycluster.monitoring.system.Figures;
import io.dispycluster.monitoring.system.French;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /cluster/health}: the upstream {@code ClusterHealth} with true values.
 * Issues come from each monitored node's latest figures against the alert thresholds
 * (upstream's strings), offline nodes, the active cluster-wide alerts and an unreachable
 * controller; {@code overall_status} is the worst severity among them, not a count. More
 * than half of the nodes offline, or none monitored, is critical: the cluster cannot do
 * its work. A rule switched off ({@code enabled: false}) adds no issue, nor does an alert
 * of it still active (it resolves at the next round). Also {@code GET /metrics}: figures
 * about the collection itself.
 */
@RestController
class ClusterHealthController {

	private final NodeBoard board;

	private final AlertEngine alerts;

	private final AlertProperties rules;

	private final CollectionProperties collection;

	private final Clock clock;

	ClusterHealthController(NodeBoard board, AlertEngine alerts, AlertProperties rules, CollectionProperties collection,
			Clock clock) {
		this.board = board;
		this.alerts = alerts;
		this.rules = rules;
		this.collection = collection;
		this.clock = clock;
	}

	@GetMapping("/cluster/health")
	ClusterHealth health() {
		List<NodeView> nodes = this.board.nodes();
		List<NodeView> online = nodes.stream().filter(NodeView::online).toList();
		List<Issue> issues = new ArrayList<>();
		for (NodeView node : nodes) {
			nodeIssues(node, issues);
		}
		long offline = nodes.size() - online.size();
		if (nodes.isEmpty()) {
			issues.add(new Issue(null, "no_nodes", Severity.CRITICAL, "Aucun nœud surveillé"));
		}
		else if (offline * 2 > nodes.size()) {
			issues.add(new Issue(null, "nodes_down", Severity.CRITICAL,
					French.count(offline, "nœud", "nœuds") + " sur " + nodes.size() + " hors ligne"));
		}
		for (Alert alert : this.alerts.active()) {
			// an unreachable controller is said below, with why it fails now
			if (alert.node() == null && alert.rule() != AlertRule.CONTROLLER_UNREACHABLE
					&& this.rules.rule(alert.rule()).enabled()) {
				issues.add(new Issue(null, alert.rule().wireName(), alert.severity(), alert.message()));
			}
		}
		NodeFailure controller = this.board.controllerFailure();
		if (controller != null) {
			issues.add(new Issue(null, "controller", Severity.CRITICAL,
					"Contrôleur injoignable : " + controller.reason()));
		}
		collectionIssue(issues);
		String status = issues.stream()
			.map(Issue::severity)
			.max(Comparator.naturalOrder())
			.map(Severity::wireName)
			.orElse("healthy");
		return new ClusterHealth(status, online.size(), nodes.size(), average(online, SystemFigures::cpuUsage),
				average(online, SystemFigures::memoryUsage), average(online, SystemFigures::diskUsage),
				issues.stream().map(Issue::message).toList(), issues, this.clock.instant());
	}

	/**
	 * Rounds that stopped ending (one stuck on a node or on the database, a scheduler
	 * that died) leave every node stale and evaluate no alert rule: said here as the
	 * cause.
	 */
	private void collectionIssue(List<Issue> issues) {
		Instant lastRound = this.board.lastRound();
		if (this.collection.enabled() && lastRound != null
				&& lastRound.plus(this.collection.staleAfter()).isBefore(this.clock.instant())) {
			issues.add(new Issue(null, "collection", Severity.CRITICAL,
					"Collecte des métriques arrêtée : aucune ronde depuis " + lastRound));
		}
	}

	private void nodeIssues(NodeView node, List<Issue> issues) {
		if (!node.online()) {
			if (!this.rules.rule(AlertRule.NODE_DOWN).enabled()) {
				return;
			}
			String message = (node.lastUpdate() == null) ? node.node() + ": Pas de métriques disponibles"
					: node.node() + ": Hors ligne depuis " + node.lastUpdate();
			issues.add(new Issue(node.node(), AlertRule.NODE_DOWN.wireName(),
					this.rules.rule(AlertRule.NODE_DOWN).severity(), message));
			return;
		}
		SystemFigures figures = Objects.requireNonNull(node.latest()).system();
		breach(node, AlertRule.CPU, figures.cpuUsage(), "CPU usage élevé (%s%%)", issues);
		breach(node, AlertRule.MEMORY, figures.memoryUsage(), "Mémoire usage élevé (%s%%)", issues);
		breach(node, AlertRule.DISK, figures.diskUsage(), "Disque usage élevé (%s%%)", issues);
		breach(node, AlertRule.TEMPERATURE, figures.temperature(), "Température élevée (%s°C)", issues);
	}

	private void breach(NodeView node, AlertRule rule, @Nullable Double value, String text, List<Issue> issues) {
		AlertProperties.Rule settings = this.rules.rule(rule);
		if (settings.enabled() && value != null && value > settings.threshold()) {
			issues.add(new Issue(node.node(), rule.wireName(), settings.severity(),
					node.node() + ": " + String.format(text, Figures.oneDecimal(value))));
		}
	}

	private static double average(List<NodeView> nodes, Function<SystemFigures, @Nullable Double> figure) {
		return Figures.round(nodes.stream()
			.map((node) -> figure.apply(Objects.requireNonNull(node.latest()).system()))
			.filter(Objects::nonNull)
			.mapToDouble(Double::doubleValue)
			.average()
			.orElse(0), 2);
	}

	/**
	 * The upstream {@code ClusterHealth}, plus the issues in detail and the time.
	 *
	 * @param overallStatus {@code healthy}, {@code warning} or {@code critical}: the
	 * worst severity among the issues
	 * @param nodesOnline monitored nodes with a fresh sample
	 * @param nodesTotal monitored nodes
	 * @param cpuUsageAvg mean CPU use of the online nodes that report it (0 when none)
	 * @param memoryUsageAvg mean memory use likewise
	 * @param diskUsageAvg mean disk use likewise
	 * @param issues what is wrong, one string per problem
	 * @param issueDetails the same issues with their node, kind and severity
	 * @param timestamp now
	 */
	record ClusterHealth(String overallStatus, int nodesOnline, int nodesTotal, double cpuUsageAvg,
			double memoryUsageAvg, double diskUsageAvg, List<String> issues, List<Issue> issueDetails,
			Instant timestamp) {
	}

}

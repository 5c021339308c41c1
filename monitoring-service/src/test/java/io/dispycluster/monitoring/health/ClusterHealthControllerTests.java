package io.dispycluster.monitoring.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.dispycluster.monitoring.alert.Alert;
import io.dispycluster.monitoring.alert.AlertEngine;
import io.dispycluster.monitoring.alert.AlertProperties;
import io.dispycluster.monitoring.alert.AlertRule;
import io.dispycluster.monitoring.alert.Severity;
import io.dispycluster.monitoring.health.ClusterHealthController.ClusterHealth;
import io.dispycluster.monitoring.node.CollectionProperties;
import io.dispycluster.monitoring.node.NodeBoard;
import io.dispycluster.monitoring.node.NodeSample;
import io.dispycluster.monitoring.node.NodeView;
import io.dispycluster.monitoring.node.SampleSource;
import io.dispycluster.monitoring.node.SystemFigures;
import io.dispycluster.monitoring.node.Workload;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * Collection rounds that stop coming (a round stuck on a node or on the database) are an
 * issue of their own, not only a cluster whose nodes all look offline; rules switched off
 * add no issue.
 */
class ClusterHealthControllerTests {

	private static final Instant NOW = Instant.parse("2026-12-05T12:00:00Z");

	private final NodeBoard board = mock(NodeBoard.class);

	@Test
	void saysSoWhenNoRoundEndedForLongerThanTheStaleness() {
		Instant lastRound = NOW.minus(Duration.ofSeconds(46));
		given(this.board.lastRound()).willReturn(lastRound);
		given(this.board.nodes()).willReturn(List.of(new NodeView("pi-1", false, null, null)));

		ClusterHealth health = controller(true).health();

		assertThat(health.overallStatus()).isEqualTo("critical");
		assertThat(health.issueDetails()).anySatisfy((issue) -> {
			assertThat(issue.rule()).isEqualTo("collection");
			assertThat(issue.severity().wireName()).isEqualTo("critical");
			assertThat(issue.message())
				.isEqualTo("Collecte des métriques arrêtée : aucune ronde depuis 2026-12-05T11:59:14Z");
		});
	}

	@Test
	void saysNothingWhileRoundsComeOrWhenPeriodicCollectionIsOff() {
		given(this.board.lastRound()).willReturn(NOW.minus(Duration.ofSeconds(45)));
		assertThat(controller(true).health().issueDetails()).noneMatch((issue) -> issue.rule().equals("collection"));

		given(this.board.lastRound()).willReturn(NOW.minus(Duration.ofHours(1)));
		assertThat(controller(false).health().issueDetails()).noneMatch((issue) -> issue.rule().equals("collection"));

		given(this.board.lastRound()).willReturn(null);
		assertThat(controller(true).health().issueDetails()).noneMatch((issue) -> issue.rule().equals("collection"));
	}

	@Test
	void countsASingleOfflineNodeInTheSingular() {
		given(this.board.nodes()).willReturn(List.of(new NodeView("pi-1", false, null, null)));

		assertThat(controller(true).health().issues()).contains("1 nœud sur 1 hors ligne");
	}

	@Test
	void leavesOutTheIssuesOfRulesSwitchedOff() {
		NodeSample hot = new NodeSample("pi-1", NOW.minusSeconds(5), SampleSource.WORKER,
				new SystemFigures(97.0, 95.0, 20.0, null, null, null, 85.0, null, null, null), Workload.NONE);
		given(this.board.nodes()).willReturn(List.of(new NodeView("pi-1", true, hot, null),
				new NodeView("pi-2", true, hot, null), new NodeView("pi-3", false, null, null)));
		AlertEngine alerts = mock(AlertEngine.class);
		given(alerts.active()).willReturn(List.of(new Alert("alert_1", AlertRule.FAILURE_RATE, null, Severity.WARNING,
				30.0, 20.0, "Taux d'échec des jobs élevé : 30.0% sur 15 min (3 sur 10)", NOW, NOW, null, "firing")));
		AlertProperties.RuleSettings off = new AlertProperties.RuleSettings(false, null, null, null, null, null);
		AlertProperties.Rules rules = new AlertProperties.Rules(off, null, null, off, off, off, null, null);

		ClusterHealth health = controller(true, rules, alerts).health();

		assertThat(health.issues()).containsExactly("pi-1: Mémoire usage élevé (95.0%)",
				"pi-2: Mémoire usage élevé (95.0%)");
		assertThat(health.overallStatus()).isEqualTo("warning");
		// the same cluster with every rule on
		ClusterHealth all = controller(true, defaultRules(), alerts).health();
		assertThat(all.issueDetails()).extracting(Issue::rule)
			.contains("cpu", "temperature", "node_down", "failure_rate");
		assertThat(all.overallStatus()).isEqualTo("critical");
	}

	private ClusterHealthController controller(boolean periodicCollection) {
		return controller(periodicCollection, defaultRules(), mock(AlertEngine.class));
	}

	private static AlertProperties.Rules defaultRules() {
		return new AlertProperties.Rules(null, null, null, null, null, null, null, null);
	}

	private ClusterHealthController controller(boolean periodicCollection, AlertProperties.Rules rules,
			AlertEngine alerts) {
		return new ClusterHealthController(this.board, alerts,
				new AlertProperties(rules,
						new AlertProperties.Notifications(List.of(), 3, Duration.ofSeconds(2), Duration.ofMinutes(5),
								Duration.ofSeconds(5), 100)),
				new CollectionProperties(periodicCollection, Duration.ofSeconds(15), Duration.ofSeconds(5), 3,
						Duration.ofDays(7), 4, DataSize.ofMegabytes(2)),
				Clock.fixed(NOW, ZoneOffset.UTC));
	}

}

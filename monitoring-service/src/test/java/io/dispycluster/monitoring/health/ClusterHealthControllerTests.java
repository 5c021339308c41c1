package io.dispycluster.monitoring.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.dispycluster.monitoring.alert.AlertEngine;
import io.dispycluster.monitoring.alert.AlertProperties;
import io.dispycluster.monitoring.health.ClusterHealthController.ClusterHealth;
import io.dispycluster.monitoring.node.CollectionProperties;
import io.dispycluster.monitoring.node.NodeBoard;
import io.dispycluster.monitoring.node.NodeView;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * Collection rounds that stop coming (a round stuck on a node or on the database) are an
 * issue of their own, not only a cluster whose nodes all look offline.
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

	private ClusterHealthController controller(boolean periodicCollection) {
		return new ClusterHealthController(this.board, mock(AlertEngine.class),
				new AlertProperties(new AlertProperties.Rules(null, null, null, null, null, null, null, null),
						new AlertProperties.Notifications(List.of(), 3, Duration.ofSeconds(2), Duration.ofMinutes(5),
								Duration.ofSeconds(5), 100)),
				new CollectionProperties(periodicCollection, Duration.ofSeconds(15), Duration.ofSeconds(5), 3,
						Duration.ofDays(7), 4),
				Clock.fixed(NOW, ZoneOffset.UTC));
	}

}

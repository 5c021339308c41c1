package io.dispycluster.controller.dispatch;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.dispycluster.controller.worker.Worker;
import io.dispycluster.model.worker.WorkerState;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WorkerChoiceTests {

	private static final Instant T0 = Instant.parse("2026-12-04T10:00:00Z");

	@Test
	void picksTheWorkerWithTheMostFreeCapacity() {
		WorkerChoice choice = WorkerChoice.among(List.of(worker("a", 2, null, null), worker("b", 4, null, null)),
				Map.of("b", 1));
		assertThat(choice.take(T0)).map(Worker::node).contains("b");
	}

	@Test
	void breaksTiesByLeastRecentlyUsed() {
		WorkerChoice choice = WorkerChoice.among(
				List.of(worker("a", 2, T0.minusSeconds(5), null), worker("b", 2, T0.minusSeconds(60), null)), Map.of());
		assertThat(choice.take(T0)).map(Worker::node).contains("b");
	}

	@Test
	void prefersANeverUsedWorkerOnATie() {
		WorkerChoice choice = WorkerChoice
			.among(List.of(worker("a", 2, T0.minusSeconds(5), null), worker("b", 2, null, null)), Map.of());
		assertThat(choice.take(T0)).map(Worker::node).contains("b");
	}

	@Test
	void prefersACoolWorkerWhenFreeCapacityIsEqual() {
		WorkerChoice choice = WorkerChoice
			.among(List.of(worker("hot", 2, null, 95.0), worker("cool", 2, T0.minusSeconds(1), 20.0)), Map.of());
		assertThat(choice.take(T0)).map(Worker::node).contains("cool");
	}

	@Test
	void prefersALessLoadedWorkerWhenTheirLoadsDifferClearly() {
		WorkerChoice choice = WorkerChoice
			.among(List.of(worker("busy", 2, null, 65.0), worker("idle", 2, T0.minusSeconds(1), 10.0)), Map.of());
		assertThat(choice.take(T0)).map(Worker::node).contains("idle");
	}

	@Test
	void letsWorkersWithCloseFiguresTakeTurns() {
		WorkerChoice choice = WorkerChoice.among(List.of(worker("a", 2, T0.minusSeconds(60), 42.0, 51.0),
				worker("b", 2, T0.minusSeconds(5), 45.0, 55.0)), Map.of());
		assertThat(choice.take(T0)).map(Worker::node).contains("a");
		assertThat(choice.take(T0.plusSeconds(1))).map(Worker::node).contains("b");
	}

	@Test
	void prefersACoolerWorkerAndSetsAsideAHotOne() {
		WorkerChoice cooler = WorkerChoice.among(
				List.of(worker("warm", 2, null, null, 68.0), worker("cool", 2, T0.minusSeconds(1), null, 45.0)),
				Map.of());
		assertThat(cooler.take(T0)).map(Worker::node).contains("cool");
		WorkerChoice hot = WorkerChoice.among(
				List.of(worker("throttling", 3, null, null, 82.0), worker("fine", 2, T0.minusSeconds(1), null, 50.0)),
				Map.of());
		assertThat(hot.take(T0)).map(Worker::node).contains("throttling");
		WorkerChoice equal = WorkerChoice.among(
				List.of(worker("throttling", 2, null, null, 82.0), worker("fine", 2, T0.minusSeconds(1), null, 50.0)),
				Map.of());
		assertThat(equal.take(T0)).map(Worker::node).contains("fine");
	}

	@Test
	void spreadsJobsAndNeverExceedsCapacity() {
		WorkerChoice choice = WorkerChoice.among(List.of(worker("a", 2, null, null), worker("b", 3, null, null)),
				Map.of("a", 1));
		assertThat(choice.freeSlots()).isEqualTo(4);
		List<String> picks = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			choice.take(T0.plusSeconds(i)).ifPresent((w) -> picks.add(w.node()));
		}
		assertThat(picks).containsExactly("b", "b", "a", "b");
	}

	@Test
	void ignoresFullWorkers() {
		WorkerChoice choice = WorkerChoice.among(List.of(worker("a", 2, null, null)), Map.of("a", 2));
		assertThat(choice.freeSlots()).isZero();
		assertThat(choice.take(T0)).isEmpty();
	}

	@Test
	void givesALabelledJobOnlyToAWorkerWithEveryLabel() {
		WorkerChoice choice = WorkerChoice.among(List.of(worker("idle", 4, null, null),
				labelled("attic", Map.of("zone", "attic", "model", "pi4")), labelled("loft", Map.of("zone", "loft"))),
				Map.of());
		assertThat(choice.take(T0, Map.of("zone", "attic"))).map(Worker::node).contains("attic");
		assertThat(choice.take(T0, Map.of("zone", "attic", "model", "pi4"))).map(Worker::node).contains("attic");
		assertThat(choice.take(T0, Map.of("zone", "attic"))).isEmpty();
		assertThat(choice.take(T0, Map.of("zone", "loft", "model", "pi4"))).isEmpty();
		assertThat(choice.take(T0, Map.of("zone", "cellar"))).isEmpty();
		assertThat(choice.take(T0, Map.of())).map(Worker::node).contains("idle");
	}

	@Test
	void aLabelledWorkerStillTakesJobsThatAskForNoLabel() {
		WorkerChoice choice = WorkerChoice.among(List.of(labelled("attic", Map.of("zone", "attic"))), Map.of());
		assertThat(choice.take(T0)).map(Worker::node).contains("attic");
	}

	@Test
	void aLabelMatchesOnlyWithTheSameValue() {
		WorkerChoice choice = WorkerChoice.among(List.of(labelled("attic", Map.of("zone", "attic"))), Map.of());
		assertThat(choice.take(T0, Map.of("zone", "Attic"))).isEmpty();
		assertThat(choice.take(T0, Map.of("zone", "attic"))).isPresent();
	}

	private static Worker labelled(String node, Map<String, String> labels) {
		return new Worker(node, "http://" + node + ":8080", 2, WorkerState.ONLINE, Worker.Source.REGISTERED, T0, T0,
				null, 0, null, 0, null, null, null, null, labels);
	}

	private static Worker worker(String node, int capacity, @Nullable Instant lastAssigned, @Nullable Double cpu) {
		return worker(node, capacity, lastAssigned, cpu, null);
	}

	private static Worker worker(String node, int capacity, @Nullable Instant lastAssigned, @Nullable Double cpu,
			@Nullable Double celsius) {
		return new Worker(node, "http://" + node + ":8080", capacity, WorkerState.ONLINE, Worker.Source.REGISTERED, T0,
				T0, lastAssigned, 0, null, 0, cpu, null, celsius, null);
	}

}

package io.dispycluster.controller.job;

import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every pair of states, allowed or refused, against a table written out independently
 * here.
 */
class JobStateTransitionsTests {

	private static final Set<String> EXPECTED_ALLOWED = Set.of("QUEUED>DISPATCHED", "QUEUED>CANCELLED",
			"DISPATCHED>RUNNING", "DISPATCHED>SUCCEEDED", "DISPATCHED>FAILED", "DISPATCHED>QUEUED",
			"DISPATCHED>CANCELLED", "RUNNING>SUCCEEDED", "RUNNING>FAILED", "RUNNING>QUEUED", "RUNNING>CANCELLED",
			"FAILED>QUEUED", "CANCELLED>QUEUED");

	static Stream<Arguments> everyPair() {
		return Stream.of(JobState.values())
			.flatMap((from) -> Stream.of(JobState.values()).map((to) -> Arguments.of(from, to)));
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@MethodSource("everyPair")
	void allowsExactlyTheListedTransitions(JobState from, JobState to) {
		assertThat(JobStateTransitions.isAllowed(from, to)).isEqualTo(EXPECTED_ALLOWED.contains(from + ">" + to));
		assertThat(JobStateTransitions.allowedFrom(from).contains(to))
			.isEqualTo(JobStateTransitions.isAllowed(from, to));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("states")
	void mapsEveryStateOntoAWireStatus(JobState state) {
		assertThat(JobState.withStatus(state.status())).contains(state);
	}

	static Stream<JobState> states() {
		return Stream.of(JobState.values());
	}

}

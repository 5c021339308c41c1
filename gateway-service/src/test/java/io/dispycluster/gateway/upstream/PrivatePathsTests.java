package io.dispycluster.gateway.upstream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PrivatePathsTests {

	@ParameterizedTest
	@ValueSource(strings = { "/internal", "/internal/", "/internal/workers/register", "/internal/jobs/job_1/report",
			"/INTERNAL/workers/register", "/Internal", "//internal/workers", "/./internal", "/jobs/../internal",
			"/jobs/x/../../internal/workers", "/../internal", "/..;/internal", "/jobs/..;x=1/internal",
			"/internal;v=1/workers", "/%69nternal/workers", "/%2569nternal/workers", "/jobs%2F..%2Finternal",
			"/jobs/%2e%2e/internal", "/jobs/%2E%2E%2Finternal", "/jobs/..%5Cinternal", "\\internal\\workers",
			"/actuator", "/actuator/", "/actuator/env", "/actuator/prometheus", "/Actuator/heapdump",
			"/actuator/health/../env", "/actuator;x/env" })
	void refusesInternalAndActuatorPathsHoweverSpelt(String path) {
		assertThat(PrivatePaths.isPrivate(path)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "/", "", "/jobs", "/jobs/internal", "/internals", "/internal-stats", "/cluster",
			"/workers/node6.lan/ping", "/nodes/internal/history", "/actuator/health", "/actuators", "/v3/api-docs",
			"/jobs/%zz", "/jobs/100%", "/t%C3%A2che" })
	void forwardsEverythingElse(String path) {
		assertThat(PrivatePaths.isPrivate(path)).isFalse();
	}

	@ParameterizedTest
	@ValueSource(
			strings = { "/internal", "//internal//", "/a/./b/../../internal", "/%69NTERNAL", "/internal;jsessionid=1" })
	void normalisesLikeALenientServer(String path) {
		assertThat(PrivatePaths.normalise(path)).isEqualTo("/internal");
	}

	@ParameterizedTest
	@CsvSource({ "/,/", "/Jobs,/jobs", "/jobs/Job_42,/jobs/job_42", "/jobs/,/jobs", "/jobs//x,/jobs/x",
			"/jobs/x.json,/jobs/x.json", "/jobs/./x,/jobs/x", "/jobs/a/..,/jobs", "/jobs;v=1/x,/jobs/x",
			"/jobs\\x,/jobs/x", "/jobs/%78,/jobs/x", "jobs,/jobs", "/tâche,/tâche" })
	void normalisesPlainPathsAsTheOthers(String path, String normalised) {
		assertThat(PrivatePaths.normalise(path)).isEqualTo(normalised);
	}

}

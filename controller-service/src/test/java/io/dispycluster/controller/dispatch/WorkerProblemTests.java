package io.dispycluster.controller.dispatch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class WorkerProblemTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			textBlock = """
					{"status":422,"detail":"Invalid request","errors":[{"field":"spec.user_agent","message":"cannot be set on this worker"}]} | spec.user_agent cannot be set on this worker
					{"status":422,"errors":[{"field":"spec.delay_ms","message":"must be at most 60000"},{"field":"spec.max_depth","message":"must be at least 0"}]} | spec.delay_ms must be at most 60000; spec.max_depth must be at least 0
					{"status":400,"detail":"Malformed JSON"} | Malformed JSON
					{"status":404} | ''
					<html>Not Found</html> | ''
					'' | ''
					[1,2] | ''
					""")
	void summarisesTheFieldErrorsOrElseTheDetail(String body, String summary) {
		assertThat(WorkerProblem.summary(body, JSON)).isEqualTo(summary);
	}

	@Test
	void cutsALongSummary() {
		String summary = WorkerProblem
			.summary("{\"errors\":[{\"field\":\"spec.x\",\"message\":\"" + "m".repeat(1000) + "\"}]}", JSON);
		assertThat(summary).hasSize(301).endsWith("…");
	}

}

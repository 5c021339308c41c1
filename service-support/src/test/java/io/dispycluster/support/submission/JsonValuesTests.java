package io.dispycluster.support.submission;

import java.util.ArrayList;
import java.util.List;

import io.dispycluster.support.problem.FieldProblem;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Integers as scripts send them: integral numbers in any form, and a number out of range,
 * however large, refused naming the range whether it is written as a number or a string.
 */
class JsonValuesTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			5          | 5    |
			5.0        | 5    |
			'"5"'      | 5    |
			5.5        |      | must be an integer
			'"5.5"'    |      | must be an integer
			99999999999 |     | must be between 1 and 10
			1e400      |      | must be between 1 and 10
			-1e400     |      | must be between 1 and 10
			'"1e400"'  |      | must be between 1 and 10
			true       |      | must be an integer
			""")
	void readsAnIntegerInRange(String value, Integer expected, String problem) {
		List<FieldProblem> errors = new ArrayList<>();

		Integer read = JsonValues.integerBetween(JSON.readTree("{\"n\": " + value + "}"), "n", 1, 10, errors);

		assertThat(read).isEqualTo(expected);
		assertThat(errors).extracting(FieldProblem::message)
			.containsExactlyElementsOf((problem != null) ? List.of(problem) : List.of());
	}

}

package io.dispycluster.support.submission;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

import io.dispycluster.model.job.CrawlOptions;
import io.dispycluster.model.job.ExtractRule;
import io.dispycluster.support.problem.FieldProblem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class CrawlOptionsReaderTests {

	private final JsonMapper json = JsonMapper.builder().build();

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			"max_depth":-1                 | must be at least 0
			"max_depth":2147483648         | must be at most 2147483647
			"max_depth":"99999999999"      | must be at most 2147483647
			"max_depth":1e10               | must be at most 2147483647
			"delay_ms":-5                  | must be between 0 and 60000
			"delay_ms":60001               | must be between 0 and 60000
			""")
	void namesTheBoundAValueCrosses(String field, String message) {
		List<FieldProblem> problems = new ArrayList<>();

		CrawlOptionsReader.read(this.json.readTree("{" + field + "}"), problems);

		assertThat(problems).extracting(FieldProblem::message).containsExactly(message);
	}

	@Test
	void takesASelectorAloneAsTheTextOfItsFirstMatch() {
		List<FieldProblem> problems = new ArrayList<>();

		CrawlOptions options = CrawlOptionsReader
			.read(this.json.readTree("{\"extract\":{\"price\":\".price\",\"name\":{\"selector\":\"h1\"}}}"), problems);

		assertThat(problems).isEmpty();
		assertThat(options.extract()).containsExactly(entry("price", new ExtractRule(".price", null, null)),
				entry("name", new ExtractRule("h1", null, null)));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			"price":""       | extract.price | is required
			"price":"div["   | extract.price | not a valid CSS selector
			"price":7        | extract.price | must be a CSS selector or an object with a selector
			""")
	void namesTheFieldOfABadShortRule(String rule, String field, String message) {
		List<FieldProblem> problems = new ArrayList<>();

		CrawlOptionsReader.read(this.json.readTree("{\"extract\":{" + rule + "}}"), problems);

		assertThat(problems).singleElement().satisfies((problem) -> {
			assertThat(problem.field()).isEqualTo(field);
			assertThat(problem.message()).startsWith(message);
		});
	}

}

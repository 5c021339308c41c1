package io.dispycluster.support.problem;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FieldProblemTests {

	@Test
	void sortsFieldsByNameWithIndexesInNumericOrder() {
		List<FieldProblem> problems = new ArrayList<>(List.of(new FieldProblem("urls[10]", "x"),
				new FieldProblem("urls[2]", "x"), new FieldProblem("name", "b"), new FieldProblem("name", "a"),
				new FieldProblem("steps[1].config.url", "x"), new FieldProblem("max_pages", "x")));

		problems.sort(FieldProblem.BY_FIELD);

		assertThat(problems).extracting((problem) -> problem.field() + ":" + problem.message())
			.containsExactly("max_pages:x", "name:a", "name:b", "steps[1].config.url:x", "urls[2]:x", "urls[10]:x");
	}

}

package io.dispycluster.worker.system;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A request with invalid field values; answered 422 with each problem listed in the
 * problem's {@code errors}.
 */
public class InvalidRequestException extends ErrorResponseException {

	private final List<FieldProblem> problems;

	public InvalidRequestException(List<FieldProblem> problems) {
		super(HttpStatus.UNPROCESSABLE_CONTENT, problem(problems), null);
		this.problems = List.copyOf(problems);
	}

	/** The invalid fields. */
	public List<FieldProblem> problems() {
		return this.problems;
	}

	static ProblemDetail problem(List<FieldProblem> problems) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
				"The request has invalid values: "
						+ String.join(", ", problems.stream().map(FieldProblem::field).toList()));
		problem.setType(ProblemTypes.VALIDATION);
		problem.setTitle("Invalid request");
		problem.setProperty("errors", List.copyOf(problems));
		return problem;
	}

}

package io.dispycluster.support.problem;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * A request whose values break a rule that Bean Validation cannot express; answered with
 * a 422 problem that names each bad field.
 */
public class InvalidRequestException extends ErrorResponseException {

	private final List<FieldProblem> errors;

	public InvalidRequestException(List<FieldProblem> errors) {
		super(HttpStatus.UNPROCESSABLE_CONTENT, Problems.invalid(errors), null);
		this.errors = List.copyOf(errors);
	}

	public InvalidRequestException(String field, String message) {
		this(List.of(new FieldProblem(field, message)));
	}

	/** The invalid fields. */
	public List<FieldProblem> getErrors() {
		return this.errors;
	}

}

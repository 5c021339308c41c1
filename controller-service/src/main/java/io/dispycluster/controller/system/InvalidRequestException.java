package io.dispycluster.controller.system;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * A well-formed request whose values are not acceptable: answered 422 with one
 * {@link FieldError} per bad field.
 */
public class InvalidRequestException extends ErrorResponseException {

	private final List<FieldError> errors;

	public InvalidRequestException(List<FieldError> errors) {
		super(HttpStatus.UNPROCESSABLE_CONTENT,
				Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-request", "Requête invalide", describe(errors)),
				null);
		this.errors = List.copyOf(errors);
		getBody().setProperty("errors", this.errors);
	}

	public InvalidRequestException(String field, String message) {
		this(List.of(new FieldError(field, message)));
	}

	/** The invalid fields, in the order they were found. */
	public List<FieldError> getErrors() {
		return this.errors;
	}

	private static String describe(List<FieldError> errors) {
		return (errors.size() == 1) ? "Champ invalide : " + errors.get(0).field() : errors.size() + " champs invalides";
	}

}

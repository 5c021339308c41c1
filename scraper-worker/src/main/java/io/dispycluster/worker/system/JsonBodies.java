package io.dispycluster.worker.system;

import io.dispycluster.support.problem.Problems;

import io.dispycluster.support.problem.InvalidRequestException;

import io.dispycluster.support.problem.FieldProblem;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * Reads one JSON object as several records: the contract's and the worker's additions
 * travel side by side in the same object. A body that is not an object is a 400; a field
 * of the wrong type is a 422 that names it, an integer field as the controller reads it
 * ({@link IntegerFields}).
 */
@Component
public class JsonBodies {

	private final JsonMapper json;

	public JsonBodies(JsonMapper json) {
		this.json = json;
	}

	/**
	 * Reads a JSON object as a record.
	 * @param node the object
	 * @param type the record to read
	 * @param prefix what to put before field names in problems ({@code spec.})
	 * @return the record
	 */
	public <T> T read(JsonNode node, Class<T> type, String prefix) {
		if (!(node instanceof ObjectNode object)) {
			throw malformed();
		}
		List<FieldProblem> problems = new ArrayList<>();
		ObjectNode normalized = IntegerFields.normalized(object, type, prefix, problems);
		if (!problems.isEmpty()) {
			throw new InvalidRequestException(problems);
		}
		try {
			return this.json.treeToValue(normalized, type);
		}
		catch (MismatchedInputException ex) {
			// a number or a boolean left out fails as null put into a primitive: say what
			// is wrong with it
			String message = isAbsent(normalized, ex) ? "is required" : "has a value of the wrong type";
			throw new InvalidRequestException(List.of(new FieldProblem(prefix + path(ex), message)));
		}
		catch (JacksonException ex) {
			throw malformed();
		}
	}

	private static boolean isAbsent(JsonNode root, MismatchedInputException mismatch) {
		JsonNode node = root;
		for (var reference : mismatch.getPath()) {
			node = (reference.getPropertyName() != null) ? node.get(reference.getPropertyName())
					: node.get(reference.getIndex());
			if (node == null || node.isNull()) {
				return true;
			}
		}
		return false;
	}

	static String path(MismatchedInputException mismatch) {
		return mismatch.getPath()
			.stream()
			.map((reference) -> (reference.getPropertyName() != null) ? reference.getPropertyName()
					: String.valueOf(reference.getIndex()))
			.collect(Collectors.joining("."));
	}

	static ErrorResponseException malformed() {
		ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request",
				"Le corps de la requête n'est pas un objet JSON valide");
		return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
	}

}

package io.dispycluster.support.problem;

/**
 * One invalid field of a request, as listed in the {@code errors} member of a 422
 * problem.
 *
 * @param field the field's name as the client wrote it (snake_case, with a path such as
 * {@code steps[0].step_id} for nested fields)
 * @param message what is wrong with it
 */
public record FieldProblem(String field, String message) {
}

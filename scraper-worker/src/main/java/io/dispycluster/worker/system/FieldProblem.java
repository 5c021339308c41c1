package io.dispycluster.worker.system;

/**
 * One invalid field of a request, as listed in a 422 problem's {@code errors}.
 *
 * @param field the field's name on the wire, e.g. {@code max_pages}
 * @param message what is wrong with it
 */
public record FieldProblem(String field, String message) {
}

package io.dispycluster.controller.system;

/**
 * One invalid field of a request, as listed in the {@code errors} of a validation
 * problem.
 *
 * @param field the field's wire name in snake_case, e.g. {@code max_pages} or
 * {@code urls[3]}
 * @param message what is wrong with it
 */
public record FieldError(String field, String message) {
}

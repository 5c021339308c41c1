package io.dispycluster.controller.dispatch;

import io.dispycluster.model.job.AttemptOutcome;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /internal/jobs/{id}/report}: an {@code AttemptReport} as the
 * worker sends it, with the result kept as the JSON text it sent (see
 * {@link ReportedResult}) so that every field the worker adds is stored verbatim.
 *
 * @param attempt the attempt number of the assignment
 * @param node the reporting worker's node name
 * @param outcome how the attempt ended
 * @param result what was crawled; required when the outcome is {@code succeeded}
 * @param error why the attempt failed
 */
record AttemptReportBody(@NotNull Integer attempt, @NotBlank String node, @NotNull AttemptOutcome outcome,
		@Nullable ReportedResult result, @Nullable String error) {
}

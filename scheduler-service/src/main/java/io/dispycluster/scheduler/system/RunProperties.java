package io.dispycluster.scheduler.system;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How runs of tasks and workflows are carried out once they have fired.
 *
 * @param pollInterval how often running runs are advanced: their batches submitted, their
 * jobs' statuses read from the controller, their waits checked
 * @param submitAttempts how many times a batch is offered to the controller (which may be
 * down or restarting) before the run fails
 * @param submitBackoff the wait before the second attempt; it doubles with each attempt
 * @param followTimeout how long a run waits for its jobs to finish before it fails
 * @param historyRetention how long finished runs are kept in the history
 */
@ConfigurationProperties("dispycluster.scheduler.runs")
@Validated
public record RunProperties(@DefaultValue("5s") @NotNull Duration pollInterval,
		@DefaultValue("5") @Min(1) @Max(100) int submitAttempts, @DefaultValue("5s") @NotNull Duration submitBackoff,
		@DefaultValue("12h") @NotNull Duration followTimeout, @DefaultValue("30d") @NotNull Duration historyRetention) {

	public RunProperties {
		requirePositive("poll-interval", pollInterval);
		requirePositive("submit-backoff", submitBackoff);
		requirePositive("follow-timeout", followTimeout);
		requirePositive("history-retention", historyRetention);
	}

	private static void requirePositive(String name, Duration value) {
		if (value.isNegative() || value.isZero()) {
			throw new IllegalArgumentException("dispycluster.scheduler.runs." + name + " must be positive");
		}
	}

}

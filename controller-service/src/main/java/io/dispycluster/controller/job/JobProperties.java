package io.dispycluster.controller.job;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Limits of the job intake and queue, under {@code dispycluster.controller}.
 *
 * @param maxJobDuration the cap on a job's {@code max_duration_s}, and its default when
 * the request has none (whole seconds; default 1h)
 * @param maxUrlsPerBatch the most URLs {@code POST /scrape/batch} accepts (default 50)
 * @param agingInterval how long a queued job waits to gain one priority level, so that
 * low priorities never starve (default 5m)
 * @param retention how long finished jobs and their results are kept (default 30d)
 * @param retentionCheckInterval how often expired jobs are deleted (default 1h)
 */
@ConfigurationProperties("dispycluster.controller")
@Validated
public record JobProperties(@DefaultValue("1h") Duration maxJobDuration,
		@DefaultValue("50") @Min(1) @Max(1000) int maxUrlsPerBatch, @DefaultValue("5m") Duration agingInterval,
		@DefaultValue("30d") Duration retention, @DefaultValue("1h") Duration retentionCheckInterval) {

	public JobProperties {
		requirePositive("max-job-duration", maxJobDuration);
		requirePositive("aging-interval", agingInterval);
		requirePositive("retention", retention);
		requirePositive("retention-check-interval", retentionCheckInterval);
		if (maxJobDuration.toSeconds() > Integer.MAX_VALUE) {
			throw new IllegalArgumentException("dispycluster.controller.max-job-duration is too long");
		}
	}

	/** The largest {@code max_duration_s} a job may ask for. */
	public int maxDurationCapS() {
		return (int) Math.max(1, this.maxJobDuration.toSeconds());
	}

	/** The {@code max_duration_s} of a job that does not say: one hour, or the cap. */
	public int defaultMaxDurationS() {
		return Math.min(3600, maxDurationCapS());
	}

	static void requirePositive(String name, Duration value) {
		if (value.isNegative() || value.isZero()) {
			throw new IllegalArgumentException("dispycluster.controller." + name + " must be positive, was " + value);
		}
	}

}

package io.dispycluster.monitoring.jobs;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A job as the controller's {@code GET /jobs} lists it; only the fields this service
 * uses.
 *
 * @param id the job's id
 * @param status {@code pending}, {@code running}, {@code completed}, {@code failed} or
 * {@code cancelled}
 * @param assignedWorker the node it ran on, or null
 * @param createdAt when it was accepted (null only from a controller that does not say)
 * @param startedAt when its last attempt was dispatched, or null
 * @param completedAt when it finished, or null
 * @param pagesCrawled pages it crawled
 * @param error why it failed, or null
 */
public record JobEntry(String id, String status, @Nullable String assignedWorker, @Nullable Instant createdAt,
		@Nullable Instant startedAt, @Nullable Instant completedAt, int pagesCrawled, @Nullable String error) {

	/** Whether the job completed successfully. */
	public boolean completed() {
		return "completed".equalsIgnoreCase(this.status);
	}

	/** Whether the job failed. */
	public boolean failed() {
		return "failed".equalsIgnoreCase(this.status);
	}

	/** Whether the job was cancelled. */
	public boolean cancelled() {
		return "cancelled".equalsIgnoreCase(this.status);
	}

	/** Whether the job will not change any more. */
	public boolean finished() {
		return completed() || failed() || cancelled();
	}

	/** How long its last attempt ran, when it finished after starting. */
	public @Nullable Duration duration() {
		if (this.startedAt == null || this.completedAt == null || this.completedAt.isBefore(this.startedAt)) {
			return null;
		}
		return Duration.between(this.startedAt, this.completedAt);
	}

}

package io.dispycluster.controller.job;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A job's stored columns, the bridge between {@link Job} and {@link JobStore}.
 * {@code requestId} is the id of the request that submitted the job, null for jobs
 * accepted before it was kept.
 */
record JobRow(String id, long seq, @Nullable String batchId, JobSpec spec, JobState state, Instant createdAt,
		long queueRank, Instant notBefore, int attempt, int lostAttempts, @Nullable String assignedWorker,
		@Nullable Instant startedAt, @Nullable Instant leaseExpiresAt, @Nullable Instant budgetEndsAt,
		@Nullable Instant completedAt, @Nullable Long durationMs, int pagesCrawled, @Nullable String currentUrl,
		@Nullable String error, long version, @Nullable String requestId) {
}

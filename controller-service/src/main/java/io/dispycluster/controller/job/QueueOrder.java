package io.dispycluster.controller.job;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;

/**
 * The one order of the job queue: higher priority first, first-in-first-out within a
 * priority, with aging.
 * <p>
 * Each job gets a rank when it is queued: its enqueue time in milliseconds minus its
 * priority times the aging interval. Smaller ranks run first, ties go to the job stored
 * first. So a job of priority {@code p} queued at {@code t} runs before one of priority
 * {@code q < p} queued at {@code u} unless the latter has waited {@code (p - q)} aging
 * intervals longer: a waiting job gains one priority level per aging interval, and no job
 * starves. The same order is written once in Java ({@link #COMPARATOR}) and once in SQL
 * ({@link #SQL_ORDER_BY}); a test checks that they agree.
 */
public final class QueueOrder {

	/** Dispatch order of queued jobs. */
	public static final Comparator<Job> COMPARATOR = Comparator.comparingLong(Job::queueRank)
		.thenComparingLong(Job::seq);

	/**
	 * The same order for the store's dispatch query, whose {@code WHERE} fixes
	 * {@code state}: naming it first lets the database read the
	 * {@code (state, queue_rank, seq)} index in order instead of sorting every queued
	 * job.
	 */
	static final String SQL_ORDER_BY = "state, queue_rank, seq";

	private QueueOrder() {
	}

	/**
	 * The rank of a job queued now.
	 * @param priority its priority, 1..10
	 * @param enqueuedAt when it is queued
	 * @param agingInterval how long a job waits to gain one priority level
	 * @return its rank; smaller runs first
	 */
	public static long rank(int priority, Instant enqueuedAt, Duration agingInterval) {
		return enqueuedAt.toEpochMilli() - priority * agingInterval.toMillis();
	}

}

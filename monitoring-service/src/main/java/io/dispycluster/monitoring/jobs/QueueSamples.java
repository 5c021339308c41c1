package io.dispycluster.monitoring.jobs;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The stored readings of the controller's queue, one per collection round, so that a
 * backlog that keeps growing can be seen, each with the creation time of the oldest job
 * then unfinished, so that a window's finished jobs can be found however long they waited
 * or ran.
 */
@Repository
public class QueueSamples {

	private final JdbcClient jdbc;

	QueueSamples(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Stores a reading.
	 * @param at when it was read
	 * @param figures the queue's depth
	 * @param oldestUnfinished when the oldest job pending or running then was created, or
	 * null when none was
	 */
	public void add(Instant at, QueueFigures figures, @Nullable Instant oldestUnfinished) {
		this.jdbc
			.sql("INSERT INTO queue_sample (sampled_ms, pending_jobs, running_jobs, oldest_unfinished_ms) "
					+ "VALUES (:at, :pending, :running, :oldest)")
			.param("at", at.toEpochMilli())
			.param("pending", figures.pendingJobs())
			.param("running", figures.runningJobs())
			.param("oldest", (oldestUnfinished != null) ? oldestUnfinished.toEpochMilli() : null, java.sql.Types.BIGINT)
			.update();
	}

	/**
	 * When the oldest job unfinished at some reading from {@code from} to {@code to} was
	 * created; the reading taken last before {@code from} counts too, as a job unfinished
	 * at {@code from} already was then. That reading is found by the time index, newest
	 * first: H2 answers {@code MAX(sampled_ms)} under a bound by reading every row before
	 * the window, the whole retention at each failure-rate check.
	 */
	Optional<Instant> oldestUnfinishedBetween(Instant from, Instant to) {
		return this.jdbc
			.sql("SELECT oldest_unfinished_ms FROM queue_sample WHERE oldest_unfinished_ms IS NOT NULL "
					+ "AND sampled_ms <= :to AND sampled_ms >= COALESCE((SELECT sampled_ms FROM queue_sample "
					+ "WHERE sampled_ms <= :from ORDER BY sampled_ms DESC LIMIT 1), :from) "
					+ "ORDER BY oldest_unfinished_ms LIMIT 1")
			.param("from", from.toEpochMilli())
			.param("to", to.toEpochMilli())
			.query(Long.class)
			.optional()
			.map(Instant::ofEpochMilli);
	}

	/** The readings taken between {@code from} and {@code to}, oldest first. */
	public List<QueuePoint> between(Instant from, Instant to) {
		return this.jdbc
			.sql("SELECT sampled_ms, pending_jobs, running_jobs FROM queue_sample "
					+ "WHERE sampled_ms >= :from AND sampled_ms <= :to ORDER BY sampled_ms")
			.param("from", from.toEpochMilli())
			.param("to", to.toEpochMilli())
			.query((rs, n) -> new QueuePoint(Instant.ofEpochMilli(rs.getLong(1)), rs.getLong(2), rs.getLong(3)))
			.list();
	}

	/**
	 * When the queue was last read: the last time the controller answered, kept across
	 * restarts.
	 */
	public Optional<Instant> latestAt() {
		return this.jdbc.sql("SELECT sampled_ms FROM queue_sample ORDER BY sampled_ms DESC LIMIT 1")
			.query(Long.class)
			.optional()
			.map(Instant::ofEpochMilli);
	}

	public long count() {
		return this.jdbc.sql("SELECT COUNT(*) FROM queue_sample").query(Long.class).single();
	}

	/** Deletes the readings older than {@code before}; returns how many. */
	public int deleteBefore(Instant before) {
		return this.jdbc.sql("DELETE FROM queue_sample WHERE sampled_ms < :before")
			.param("before", before.toEpochMilli())
			.update();
	}

}

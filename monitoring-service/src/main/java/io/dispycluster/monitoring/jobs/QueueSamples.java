package io.dispycluster.monitoring.jobs;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The stored readings of the controller's queue, one per collection round, so that a
 * backlog that keeps growing can be seen.
 */
@Repository
public class QueueSamples {

	private final JdbcClient jdbc;

	QueueSamples(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void add(Instant at, QueueFigures figures) {
		this.jdbc
			.sql("INSERT INTO queue_sample (sampled_ms, pending_jobs, running_jobs) VALUES (:at, :pending, :running)")
			.param("at", at.toEpochMilli())
			.param("pending", figures.pendingJobs())
			.param("running", figures.runningJobs())
			.update();
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

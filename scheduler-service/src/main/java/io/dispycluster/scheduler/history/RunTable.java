package io.dispycluster.scheduler.history;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import io.dispycluster.scheduler.system.Sql;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A table of runs ({@code task_run}, {@code workflow_run}): the columns they all have
 * ({@code id}, {@code status}, {@code error}, {@code finished_at}) and what is done with
 * them alike. A run ends once: ending it is a conditional update, so two scheduler
 * instances sharing the database never both end it.
 */
public abstract class RunTable {

	/** The longest error kept; a longer one is cut. */
	protected static final int ERROR_LENGTH = 2000;

	/** The database, for the feature's own statements. */
	protected final JdbcClient jdbc;

	private final String table;

	/**
	 * @param jdbc the database
	 * @param table the table's name (a constant, never user input)
	 */
	protected RunTable(JdbcClient jdbc, String table) {
		this.jdbc = jdbc;
		this.table = table;
	}

	/** Ends a run in progress; false if it had already ended. */
	public boolean finishRun(long id, RunStatus status, @Nullable String error, Instant now) {
		return this.jdbc
			.sql("UPDATE " + this.table + " SET status = :status, error = :error, finished_at = :now"
					+ " WHERE id = :id AND status = 'RUNNING'")
			.param("id", id)
			.param("status", status.name())
			.param("error", Sql.fit(error, ERROR_LENGTH))
			.param("now", Sql.timestamp(now))
			.update() == 1;
	}

	/** Deletes the runs that ended before a time. */
	public int deleteFinishedBefore(Instant before) {
		return this.jdbc.sql("DELETE FROM " + this.table + " WHERE status <> 'RUNNING' AND finished_at < :before")
			.param("before", Sql.timestamp(before))
			.update();
	}

}

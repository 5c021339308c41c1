package io.dispycluster.scheduler.definition;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import io.dispycluster.scheduler.schedule.ScheduleSpec;
import io.dispycluster.scheduler.schedule.ScheduleType;
import io.dispycluster.scheduler.system.Sql;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;

/**
 * A table of scheduled definitions ({@code task}, {@code workflow}): the columns they all
 * have ({@code id}, {@code enabled}, {@code status}, {@code run_count}, {@code last_run},
 * {@code created_at}, {@code updated_at}, {@code schedule_set_at}) and what is done with
 * them alike. Each feature's table writes its own columns in {@link #insert} and
 * {@link #update}, and reads a whole row in {@link #row}.
 *
 * @param <D> the definition written
 * @param <S> the row read
 */
public abstract class DefinitionTable<D extends ScheduledDefinition, S extends StoredDefinition> {

	private static final TypeReference<Map<String, Object>> CONFIG = new TypeReference<>() {
	};

	/** The database, for the feature's own statements. */
	protected final JdbcClient jdbc;

	/** The JSON of the columns that hold documents. */
	protected final JsonMapper json;

	private final String table;

	/**
	 * @param jdbc the database
	 * @param json the JSON of the columns that hold documents
	 * @param table the table's name (a constant, never user input)
	 */
	protected DefinitionTable(JdbcClient jdbc, JsonMapper json, String table) {
		this.jdbc = jdbc;
		this.json = json;
		this.table = table;
	}

	/**
	 * Stores a new definition, enabled, that never ran, its schedule set {@code now}.
	 */
	public abstract void insert(String id, D definition, Instant now);

	/** Replaces what a definition does and when; its state and counters stay. */
	public abstract void update(String id, D definition, Instant now);

	/** Reads the current row of a result set. */
	protected abstract S row(ResultSet rs, int rowNum) throws SQLException;

	/**
	 * Binds a schedule to {@code :scheduleType} and {@code :scheduleConfig} (the
	 * {@code schedule_type} and {@code schedule_config} columns).
	 */
	protected StatementSpec bindSchedule(StatementSpec statement, ScheduleSpec schedule) {
		return statement.param("scheduleType", schedule.type().name())
			.param("scheduleConfig", this.json.writeValueAsString(schedule.config()));
	}

	/** The {@code schedule_type} of the current row. */
	protected static ScheduleType scheduleType(ResultSet rs) throws SQLException {
		return ScheduleType.valueOf(rs.getString("schedule_type"));
	}

	/** The {@code schedule_config} of the current row. */
	protected Map<String, Object> scheduleConfig(ResultSet rs) throws SQLException {
		return this.json.readValue(rs.getString("schedule_config"), CONFIG);
	}

	public Optional<S> find(String id) {
		return this.jdbc.sql("SELECT * FROM " + this.table + " WHERE id = :id")
			.param("id", id)
			.query(this::row)
			.optional();
	}

	/**
	 * A definition, locked until the end of the transaction (its runs start one at a
	 * time).
	 */
	public Optional<S> lock(String id) {
		return this.jdbc.sql("SELECT * FROM " + this.table + " WHERE id = :id FOR UPDATE")
			.param("id", id)
			.query(this::row)
			.optional();
	}

	/** Every definition, oldest first. */
	public List<S> findAll() {
		return this.jdbc.sql("SELECT * FROM " + this.table + " ORDER BY created_at, id").query(this::row).list();
	}

	/** How many definitions are enabled. */
	public long countEnabled() {
		return this.jdbc.sql("SELECT COUNT(*) FROM " + this.table + " WHERE enabled").query(Long.class).single();
	}

	public void setEnabled(String id, boolean enabled, Instant now) {
		this.jdbc.sql("UPDATE " + this.table + " SET enabled = :enabled, updated_at = :now WHERE id = :id")
			.param("id", id)
			.param("enabled", enabled)
			.param("now", Sql.timestamp(now))
			.update();
	}

	/** A definition was given a new schedule. */
	public void scheduleSet(String id, Instant now) {
		this.jdbc.sql("UPDATE " + this.table + " SET schedule_set_at = :now WHERE id = :id")
			.param("id", id)
			.param("now", Sql.timestamp(now))
			.update();
	}

	/** Whether a run of a definition started since its schedule was last set. */
	public boolean ranSinceScheduleSet(String id) {
		return this.jdbc.sql("SELECT COUNT(*) FROM " + this.table + " WHERE id = :id AND last_run >= schedule_set_at")
			.param("id", id)
			.query(Long.class)
			.single() > 0;
	}

	public boolean delete(String id) {
		return this.jdbc.sql("DELETE FROM " + this.table + " WHERE id = :id").param("id", id).update() == 1;
	}

	/** A run started: count it. */
	public void runStarted(String id, Instant now) {
		this.jdbc
			.sql("UPDATE " + this.table
					+ " SET run_count = run_count + 1, last_run = :now, status = 'RUNNING' WHERE id = :id")
			.param("id", id)
			.param("now", Sql.timestamp(now))
			.update();
	}

	/**
	 * A run ended: count its outcome and set the status.
	 * @param status the definition's status from now on
	 */
	protected void countFinishedRun(String id, boolean succeeded, String status) {
		String counter = succeeded ? "success_count" : "failure_count";
		this.jdbc
			.sql("UPDATE " + this.table + " SET " + counter + " = " + counter + " + 1, status = :status WHERE id = :id")
			.param("id", id)
			.param("status", status)
			.update();
	}

}

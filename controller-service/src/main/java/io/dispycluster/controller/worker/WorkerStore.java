package io.dispycluster.controller.worker;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.dispycluster.controller.job.NodeLabels;
import io.dispycluster.model.worker.WorkerState;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Workers in the database, so that registrations and counters survive a restart and two
 * controllers on one database see the same workers.
 */
@Repository
class WorkerStore {

	private static final String COLUMNS = "node, url, capacity, status, source, joined_at, last_seen, "
			+ "last_assigned_at, failed_checks, reported_active_jobs, total_jobs_completed, cpu_usage, memory_usage, "
			+ "temperature_c, last_error, labels";

	private static final RowMapper<Worker> WORKER = WorkerStore::mapWorker;

	private final NamedParameterJdbcTemplate jdbc;

	WorkerStore(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	List<Worker> findAll() {
		return this.jdbc.query("SELECT " + COLUMNS + " FROM worker ORDER BY node", Map.of(), WORKER);
	}

	Optional<Worker> find(String node) {
		return this.jdbc.query("SELECT " + COLUMNS + " FROM worker WHERE node = :node", Map.of("node", node), WORKER)
			.stream()
			.findFirst();
	}

	List<Worker> findByStatus(WorkerState status) {
		return this.jdbc.query("SELECT " + COLUMNS + " FROM worker WHERE status = :status ORDER BY node",
				Map.of("status", status.name()), WORKER);
	}

	void insert(Worker worker) {
		this.jdbc.update("INSERT INTO worker (" + COLUMNS + ") VALUES (:node, :url, :capacity, :status, :source, "
				+ ":joinedAt, :lastSeen, :lastAssignedAt, :failedChecks, :reportedActiveJobs, :totalJobsCompleted, "
				+ ":cpuUsage, :memoryUsage, :temperatureC, :lastError, :labels)", params(worker));
	}

	/**
	 * Writes the worker's registration and health columns; {@code last_assigned_at} and
	 * {@code total_jobs_completed} have their own statements so that a health check never
	 * overwrites them with older values.
	 */
	void update(Worker worker) {
		this.jdbc.update("UPDATE worker SET url = :url, capacity = :capacity, status = :status, source = :source, "
				+ "last_seen = :lastSeen, failed_checks = :failedChecks, "
				+ "reported_active_jobs = :reportedActiveJobs, cpu_usage = :cpuUsage, memory_usage = :memoryUsage, "
				+ "temperature_c = :temperatureC, last_error = :lastError, labels = :labels WHERE node = :node",
				params(worker));
	}

	/**
	 * Saves what a health check found, unless the worker moved to another URL meanwhile
	 * (a registration from its new address): the check then spoke of the old one.
	 * @return whether it was saved
	 */
	boolean updateUnlessMoved(Worker checked) {
		return this.jdbc.update("UPDATE worker SET capacity = :capacity, status = :status, "
				+ "last_seen = :lastSeen, failed_checks = :failedChecks, "
				+ "reported_active_jobs = :reportedActiveJobs, cpu_usage = :cpuUsage, memory_usage = :memoryUsage, "
				+ "temperature_c = :temperatureC, last_error = :lastError WHERE node = :node AND url = :url",
				params(checked)) == 1;
	}

	void setStatus(String node, WorkerState status, @Nullable String error) {
		this.jdbc.update("UPDATE worker SET status = :status, last_error = :error WHERE node = :node",
				new MapSqlParameterSource("node", node).addValue("status", status.name())
					.addValue("error", error, Types.VARCHAR));
	}

	/** A sign of life: the worker is there, nothing else changes. */
	void setLastSeen(String node, Instant at) {
		this.jdbc.update("UPDATE worker SET last_seen = :at WHERE node = :node",
				Map.of("node", node, "at", at.atOffset(ZoneOffset.UTC)));
	}

	/**
	 * Records the id of the worker's running process, as a compare-and-set: registration
	 * and health checks both record it, and one restart must be announced once.
	 * @return whether this call replaced another id (the worker restarted)
	 */
	boolean replaceInstance(String node, String instanceId) {
		Map<String, String> params = Map.of("node", node, "instanceId", instanceId);
		Optional<String> previous = this.jdbc
			.queryForList("SELECT instance_id FROM worker WHERE node = :node AND instance_id IS NOT NULL", params,
					String.class)
			.stream()
			.findFirst();
		if (previous.isEmpty()) {
			this.jdbc.update("UPDATE worker SET instance_id = :instanceId WHERE node = :node AND instance_id IS NULL",
					params);
			return false;
		}
		if (previous.get().equals(instanceId)) {
			return false;
		}
		return this.jdbc.update(
				"UPDATE worker SET instance_id = :instanceId WHERE node = :node AND instance_id = :previous",
				Map.of("node", node, "instanceId", instanceId, "previous", previous.get())) == 1;
	}

	void setLastAssigned(String node, Instant at) {
		this.jdbc.update("UPDATE worker SET last_assigned_at = :at WHERE node = :node",
				Map.of("node", node, "at", at.atOffset(ZoneOffset.UTC)));
	}

	/** Counts a completed job and, since it freed a slot, turns a busy worker online. */
	void countCompletion(String node) {
		this.jdbc.update(
				"UPDATE worker SET total_jobs_completed = total_jobs_completed + 1, "
						+ "status = CASE WHEN status = 'BUSY' THEN 'ONLINE' ELSE status END WHERE node = :node",
				Map.of("node", node));
	}

	private static MapSqlParameterSource params(Worker worker) {
		return new MapSqlParameterSource("node", worker.node()).addValue("url", worker.url())
			.addValue("capacity", worker.capacity())
			.addValue("status", worker.status().name())
			.addValue("source", worker.source().name())
			.addValue("joinedAt", timestamp(worker.joinedAt()), Types.TIMESTAMP_WITH_TIMEZONE)
			.addValue("lastSeen", timestamp(worker.lastSeen()), Types.TIMESTAMP_WITH_TIMEZONE)
			.addValue("lastAssignedAt", timestamp(worker.lastAssignedAt()), Types.TIMESTAMP_WITH_TIMEZONE)
			.addValue("failedChecks", worker.failedChecks())
			.addValue("reportedActiveJobs", worker.reportedActiveJobs(), Types.INTEGER)
			.addValue("totalJobsCompleted", worker.totalJobsCompleted())
			.addValue("cpuUsage", worker.cpuUsage(), Types.DOUBLE)
			.addValue("memoryUsage", worker.memoryUsage(), Types.DOUBLE)
			.addValue("temperatureC", worker.temperatureC(), Types.DOUBLE)
			.addValue("lastError", truncate(worker.lastError()), Types.VARCHAR)
			.addValue("labels", NodeLabels.toJson(worker.labels()), Types.VARCHAR);
	}

	private static @Nullable String truncate(@Nullable String text) {
		return (text == null || text.length() <= 2000) ? text : text.substring(0, 2000);
	}

	private static @Nullable OffsetDateTime timestamp(@Nullable Instant instant) {
		return (instant != null) ? instant.atOffset(ZoneOffset.UTC) : null;
	}

	private static Worker mapWorker(ResultSet rs, int rowNum) throws SQLException {
		int reported = rs.getInt("reported_active_jobs");
		Integer reportedActive = rs.wasNull() ? null : reported;
		double cpu = rs.getDouble("cpu_usage");
		Double cpuUsage = rs.wasNull() ? null : cpu;
		double memory = rs.getDouble("memory_usage");
		Double memoryUsage = rs.wasNull() ? null : memory;
		double temperature = rs.getDouble("temperature_c");
		Double temperatureC = rs.wasNull() ? null : temperature;
		Instant joinedAt = instant(rs, "joined_at");
		return new Worker(rs.getString("node"), rs.getString("url"), rs.getInt("capacity"),
				WorkerState.valueOf(rs.getString("status")), Worker.Source.valueOf(rs.getString("source")),
				(joinedAt != null) ? joinedAt : Instant.EPOCH, instant(rs, "last_seen"),
				instant(rs, "last_assigned_at"), rs.getInt("failed_checks"), reportedActive,
				rs.getLong("total_jobs_completed"), cpuUsage, memoryUsage, temperatureC, rs.getString("last_error"),
				NodeLabels.fromJson(rs.getString("labels")));
	}

	private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

}

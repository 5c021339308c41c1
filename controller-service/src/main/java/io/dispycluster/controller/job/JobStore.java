package io.dispycluster.controller.job;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Repository;

/**
 * Jobs, their history and results in the database, with portable SQL (H2 and PostgreSQL).
 * Updates are optimistic: a row changes only if its version is the one that was read, so
 * two threads or two controllers never overwrite each other's transition.
 */
@Repository
class JobStore {

	private static final String COLUMNS = "id, seq, batch_id, start_url, max_pages, same_origin_only, timeout_s, "
			+ "max_duration_s, priority, state, created_at, queue_rank, not_before, attempt, lost_attempts, "
			+ "assigned_worker, started_at, lease_expires_at, budget_ends_at, completed_at, duration_ms, "
			+ "pages_crawled, current_url, error, version, crawl_options, node_labels, request_id";

	private static final List<String> ACTIVE = List.of(JobState.DISPATCHED.name(), JobState.RUNNING.name());

	private static final List<String> FINISHED = List.of(JobState.SUCCEEDED.name(), JobState.FAILED.name(),
			JobState.CANCELLED.name());

	private static final RowMapper<Job> JOB = JobStore::mapJob;

	private final NamedParameterJdbcTemplate jdbc;

	private volatile @Nullable Boolean chunkedResults;

	JobStore(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	void insert(List<Job> jobs) {
		String sql = "INSERT INTO job (id, batch_id, start_url, max_pages, same_origin_only, timeout_s, "
				+ "max_duration_s, priority, state, created_at, queue_rank, not_before, attempt, lost_attempts, "
				+ "pages_crawled, version, crawl_options, node_labels, request_id) VALUES (:id, :batchId, :startUrl, "
				+ ":maxPages, :sameOriginOnly, :timeoutS, :maxDurationS, :priority, :state, :createdAt, :queueRank, "
				+ ":notBefore, 0, 0, 0, 0, :crawlOptions, :nodeLabels, :requestId)";
		this.jdbc.batchUpdate(sql, jobs.stream().map(JobStore::params).toArray(SqlParameterSource[]::new));
		insertEvents(jobs);
		jobs.forEach((job) -> job.saved(0));
	}

	/**
	 * Writes the job's changes if nobody changed it since it was read.
	 * @param job the changed job
	 * @return false if the stored version moved on (the caller should reload and retry)
	 */
	boolean update(Job job) {
		String sql = "UPDATE job SET state = :state, queue_rank = :queueRank, not_before = :notBefore, "
				+ "attempt = :attempt, lost_attempts = :lostAttempts, assigned_worker = :assignedWorker, "
				+ "started_at = :startedAt, lease_expires_at = :leaseExpiresAt, budget_ends_at = :budgetEndsAt, "
				+ "completed_at = :completedAt, duration_ms = :durationMs, pages_crawled = :pagesCrawled, "
				+ "current_url = :currentUrl, error = :error, version = version + 1 "
				+ "WHERE id = :id AND version = :version";
		if (this.jdbc.update(sql, params(job)) == 0) {
			return false;
		}
		insertEvents(List.of(job));
		ResultDocument result = job.unsavedResult();
		if (job.resultDiscarded()) {
			deleteResult(job.id());
		}
		if (result != null) {
			saveResult(job.id(), result);
		}
		job.saved(job.version() + 1);
		return true;
	}

	private void saveResult(JobId id, ResultDocument result) {
		// A partial result of an earlier attempt is replaced. Deleted first rather than
		// after a failed insert: on PostgreSQL a failed statement aborts the whole
		// transaction.
		deleteResult(id);
		this.jdbc.update("INSERT INTO job_result (job_id, result_json) VALUES (:id, :json)", Map.of("id", id.value(),
				"json", chunkedResults() ? ResultChunks.toStored(result.json()) : result.json()));
	}

	private void deleteResult(JobId id) {
		this.jdbc.update("DELETE FROM job_result WHERE job_id = :id", Map.of("id", id.value()));
	}

	Optional<Job> find(JobId id) {
		return this.jdbc.query("SELECT " + COLUMNS + " FROM job WHERE id = :id", Map.of("id", id.value()), JOB)
			.stream()
			.findFirst();
	}

	/**
	 * Whether the job's given attempt has been cancelled (one indexed row, two columns).
	 */
	boolean isCancelled(JobId id, int attempt) {
		return !this.jdbc
			.queryForList("SELECT 1 FROM job WHERE id = :id AND state = 'CANCELLED' AND attempt = :attempt",
					Map.of("id", id.value(), "attempt", attempt), Integer.class)
			.isEmpty();
	}

	/**
	 * The next dispatchable jobs, in {@link QueueOrder}: one ordered read of the
	 * {@code (state, queue_rank, seq)} index that stops after {@code limit} rows and
	 * locks nothing. The dispatch pass then takes them with {@link #claim(List)}, which
	 * writes only the rows still queued.
	 */
	List<Job> nextQueued(Instant now, int limit) {
		String sql = "SELECT " + COLUMNS + " FROM job WHERE state = 'QUEUED' AND not_before <= :now ORDER BY "
				+ QueueOrder.SQL_ORDER_BY + " LIMIT :limit";
		return this.jdbc.query(sql, new MapSqlParameterSource("now", timestamp(now)).addValue("limit", limit), JOB);
	}

	/**
	 * Writes the dispatch of jobs read by {@link #nextQueued} and changed by
	 * {@link Job#dispatchTo}, in one batch of conditional updates: a row changes only if
	 * it is still queued at the version that was read, so a job that another transaction
	 * or another controller took, cancelled or changed meanwhile is left alone (and not
	 * returned). Their history entries go in one more batch.
	 * @param jobs the dispatched jobs
	 * @return the jobs this call claimed, in the given order
	 */
	List<Job> claim(List<Job> jobs) {
		if (jobs.isEmpty()) {
			return List.of();
		}
		String sql = "UPDATE job SET state = :state, attempt = :attempt, assigned_worker = :assignedWorker, "
				+ "started_at = :startedAt, lease_expires_at = :leaseExpiresAt, budget_ends_at = :budgetEndsAt, "
				+ "pages_crawled = :pagesCrawled, current_url = NULL, version = version + 1 "
				+ "WHERE id = :id AND version = :version AND state = 'QUEUED'";
		int[] counts = this.jdbc.batchUpdate(sql,
				jobs.stream().map(JobStore::claimParams).toArray(SqlParameterSource[]::new));
		List<Job> claimed = new ArrayList<>(jobs.size());
		for (int i = 0; i < jobs.size(); i++) {
			// Only a row count of 1 is a claim (H2 and PostgreSQL report the count of
			// each statement of a batch).
			if (counts[i] == 1) {
				claimed.add(jobs.get(i));
			}
		}
		insertEvents(claimed);
		claimed.forEach((job) -> job.saved(job.version() + 1));
		return claimed;
	}

	private static SqlParameterSource claimParams(Job job) {
		return new MapSqlParameterSource("id", job.id().value()).addValue("state", job.state().name())
			.addValue("attempt", job.attempt())
			.addValue("assignedWorker", job.assignedWorker(), Types.VARCHAR)
			.addValue("startedAt", timestamp(job.startedAt()), Types.TIMESTAMP_WITH_TIMEZONE)
			.addValue("leaseExpiresAt", timestamp(job.leaseExpiresAt()), Types.TIMESTAMP_WITH_TIMEZONE)
			.addValue("budgetEndsAt", timestamp(job.budgetEndsAt()), Types.TIMESTAMP_WITH_TIMEZONE)
			.addValue("pagesCrawled", job.pagesCrawled())
			.addValue("version", job.version());
	}

	/** Takes the dispatch lock until the surrounding transaction ends. */
	void lockDispatch() {
		this.jdbc.query("SELECT id FROM dispatch_lock WHERE id = 1 FOR UPDATE", Map.of(), (rs, n) -> rs.getInt(1));
	}

	Map<String, Integer> activeCountByNode() {
		Map<String, Integer> counts = new TreeMap<>();
		this.jdbc.query(
				"SELECT assigned_worker, COUNT(*) FROM job WHERE state IN (:active) "
						+ "AND assigned_worker IS NOT NULL GROUP BY assigned_worker",
				Map.of("active", ACTIVE), (rs) -> {
					counts.put(rs.getString(1), rs.getInt(2));
				});
		return counts;
	}

	Map<String, String> activeNodeByStartUrl() {
		Map<String, String> nodes = new HashMap<>();
		this.jdbc.query(
				"SELECT start_url, assigned_worker FROM job WHERE state IN (:active) AND assigned_worker IS NOT NULL",
				Map.of("active", ACTIVE), (rs) -> {
					nodes.putIfAbsent(rs.getString(1), rs.getString(2));
				});
		return nodes;
	}

	List<Job> findActiveOn(String node) {
		return this.jdbc.query("SELECT " + COLUMNS + " FROM job WHERE state IN (:active) AND assigned_worker = :node",
				Map.of("active", ACTIVE, "node", node), JOB);
	}

	List<Job> findLeaseExpired(Instant now) {
		return this.jdbc.query("SELECT " + COLUMNS + " FROM job WHERE state IN (:active) AND lease_expires_at < :now",
				new MapSqlParameterSource("active", ACTIVE).addValue("now", timestamp(now)), JOB);
	}

	List<Job> findBudgetEndedBefore(Instant cutoff) {
		return this.jdbc.query("SELECT " + COLUMNS + " FROM job WHERE state IN (:active) AND budget_ends_at < :cutoff",
				new MapSqlParameterSource("active", ACTIVE).addValue("cutoff", timestamp(cutoff)), JOB);
	}

	/**
	 * Jobs in the given states, newest first. Each form of the query reads an index in
	 * order: {@code (created_at, seq)} for every state, {@code (state, created_at, seq)}
	 * for one.
	 */
	List<Job> list(Collection<JobState> states, int limit, int offset) {
		MapSqlParameterSource params = new MapSqlParameterSource("states", states.stream().map(Enum::name).toList())
			.addValue("limit", limit)
			.addValue("offset", offset);
		String where;
		String order;
		if (states.containsAll(EnumSet.allOf(JobState.class))) {
			where = "";
			order = "created_at DESC, seq DESC";
		}
		else if (states.size() == 1) {
			where = "WHERE state IN (:states) ";
			order = "state DESC, created_at DESC, seq DESC";
		}
		else {
			where = "WHERE state IN (:states) ";
			order = "created_at DESC, seq DESC";
		}
		return this.jdbc.query(
				"SELECT " + COLUMNS + " FROM job " + where + "ORDER BY " + order + " LIMIT :limit OFFSET :offset",
				params, JOB);
	}

	/** How many jobs workers hold (dispatched or running). */
	long countActive() {
		Long count = this.jdbc.queryForObject("SELECT COUNT(*) FROM job WHERE state IN (:active)",
				Map.of("active", ACTIVE), Long.class);
		return (count != null) ? count : 0;
	}

	/** The last finished jobs of a worker, most recently finished first. */
	List<Job> recentFinishedOn(String node, int limit) {
		String sql = "SELECT " + COLUMNS + " FROM job WHERE assigned_worker = :node AND state IN (:finished) "
				+ "ORDER BY completed_at DESC, seq DESC LIMIT :limit";
		return this.jdbc.query(sql, Map.of("node", node, "finished", FINISHED, "limit", limit), JOB);
	}

	Map<JobState, Long> countByState() {
		Map<JobState, Long> counts = new EnumMap<>(JobState.class);
		for (JobState state : JobState.values()) {
			counts.put(state, 0L);
		}
		this.jdbc.query("SELECT state, COUNT(*) FROM job GROUP BY state", Map.of(),
				(RowCallbackHandler) (rs) -> counts.put(JobState.valueOf(rs.getString(1)), rs.getLong(2)));
		return counts;
	}

	Map<Integer, Long> countQueuedByPriority() {
		Map<Integer, Long> counts = new TreeMap<>();
		this.jdbc.query("SELECT priority, COUNT(*) FROM job WHERE state = 'QUEUED' GROUP BY priority", Map.of(),
				(RowCallbackHandler) (rs) -> counts.put(rs.getInt(1), rs.getLong(2)));
		return counts;
	}

	@Nullable Double averageDurationMs() {
		return this.jdbc
			.queryForObject("SELECT AVG(CAST(duration_ms AS DOUBLE PRECISION)) FROM job WHERE state = 'SUCCEEDED' "
					+ "AND duration_ms IS NOT NULL", Map.of(), Double.class);
	}

	List<JobEvent> history(JobId id) {
		return this.jdbc.query(
				"SELECT occurred_at, from_state, to_state, attempt, node, reason FROM job_event "
						+ "WHERE job_id = :id ORDER BY id",
				Map.of("id", id.value()),
				(rs, n) -> new JobEvent(instant(rs, "occurred_at"), state(rs.getString("from_state")),
						JobState.valueOf(rs.getString("to_state")), rs.getInt("attempt"), rs.getString("node"),
						rs.getString("reason")));
	}

	/**
	 * Which of the given jobs have a stored result: one look at the primary key, so that
	 * a list reads only the results there are.
	 */
	Set<JobId> withResult(Collection<JobId> ids) {
		if (ids.isEmpty()) {
			return Set.of();
		}
		Set<JobId> found = new HashSet<>();
		this.jdbc.query("SELECT job_id FROM job_result WHERE job_id IN (:ids)",
				Map.of("ids", ids.stream().map(JobId::value).toList()),
				(RowCallbackHandler) (rs) -> found.add(new JobId(rs.getString(1))));
		return found;
	}

	/**
	 * Reads a job's stored result as a character stream, from a copy taken first (see
	 * {@link ResultSpool}): the database connection is back in the pool before the reader
	 * runs, however slowly it writes the result to a client.
	 * @param id the job
	 * @param reader what to do with the stream
	 * @param <T> what the reader returns
	 * @return the reader's value, or empty if the job has no result
	 */
	<T> Optional<T> readResult(JobId id, Function<Reader, T> reader) {
		Optional<ResultSpool> copy = readStoredResult(id, ResultSpool::copy);
		if (copy.isEmpty()) {
			return Optional.empty();
		}
		try (ResultSpool spool = copy.get(); Reader stream = spool.reader()) {
			return Optional.of(reader.apply(stream));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Reads a job's stored result as a character stream straight from the database,
	 * without loading it whole: H2 streams its CLOB, and on PostgreSQL it is read in
	 * pieces ({@link ResultChunks}). The connection is held until the reader returns.
	 * @param id the job
	 * @param reader what to do with the stream
	 * @param <T> what the reader returns
	 * @return the reader's value, or empty if the job has no result
	 */
	<T> Optional<T> readStoredResult(JobId id, Function<Reader, T> reader) {
		if (chunkedResults()) {
			return this.jdbc.getJdbcTemplate()
				.execute((ConnectionCallback<Optional<T>>) (connection) -> ResultChunks.read(connection, id.value(),
						reader));
		}
		return this.jdbc
			.query("SELECT result_json FROM job_result WHERE job_id = :id", Map.of("id", id.value()),
					(rs, n) -> reader.apply(rs.getCharacterStream(1)))
			.stream()
			.findFirst();
	}

	/**
	 * Whether results are stored as bytes and read in pieces: on PostgreSQL, whose driver
	 * reads a value whole (see {@link ResultChunks}).
	 */
	private boolean chunkedResults() {
		Boolean chunked = this.chunkedResults;
		if (chunked == null) {
			chunked = this.jdbc.getJdbcTemplate()
				.execute((ConnectionCallback<Boolean>) (connection) -> "PostgreSQL"
					.equals(connection.getMetaData().getDatabaseProductName()));
			this.chunkedResults = chunked;
		}
		return Boolean.TRUE.equals(chunked);
	}

	/** Deletes finished jobs (with their history and result) completed before a time. */
	int deleteFinishedBefore(Instant cutoff) {
		return this.jdbc.update("DELETE FROM job WHERE state IN (:finished) AND completed_at < :cutoff",
				new MapSqlParameterSource("finished", FINISHED).addValue("cutoff", timestamp(cutoff)));
	}

	private void insertEvents(List<Job> jobs) {
		SqlParameterSource[] events = jobs.stream()
			.flatMap((job) -> job.unsavedEvents().stream().map((event) -> eventParams(job.id(), event)))
			.toArray(SqlParameterSource[]::new);
		if (events.length > 0) {
			this.jdbc.batchUpdate("INSERT INTO job_event (job_id, occurred_at, from_state, to_state, attempt, node, "
					+ "reason) VALUES (:jobId, :at, :from, :to, :attempt, :node, :reason)", events);
		}
	}

	private static SqlParameterSource eventParams(JobId id, JobEvent event) {
		return new MapSqlParameterSource("jobId", id.value()).addValue("at", timestamp(event.at()))
			.addValue("from", (event.from() != null) ? event.from().name() : null, Types.VARCHAR)
			.addValue("to", event.to().name())
			.addValue("attempt", event.attempt())
			.addValue("node", event.node(), Types.VARCHAR)
			.addValue("reason", event.reason());
	}

	private static SqlParameterSource params(Job job) {
		JobRow row = job.toRow();
		JobSpec spec = row.spec();
		return new MapSqlParameterSource("id", row.id()).addValue("batchId", row.batchId(), Types.VARCHAR)
			.addValue("startUrl", spec.startUrl())
			.addValue("maxPages", spec.maxPages())
			.addValue("sameOriginOnly", spec.sameOriginOnly())
			.addValue("timeoutS", spec.timeoutS())
			.addValue("maxDurationS", spec.maxDurationS())
			.addValue("priority", spec.priority())
			.addValue("crawlOptions", CrawlOptionsJson.write(spec.options()), Types.VARCHAR)
			.addValue("nodeLabels", NodeLabels.toJson(spec.nodeLabels()), Types.VARCHAR)
			.addValue("requestId", row.requestId(), Types.VARCHAR)
			.addValue("state", row.state().name())
			.addValue("createdAt", timestamp(row.createdAt()))
			.addValue("queueRank", row.queueRank())
			.addValue("notBefore", timestamp(row.notBefore()))
			.addValue("attempt", row.attempt())
			.addValue("lostAttempts", row.lostAttempts())
			.addValue("assignedWorker", row.assignedWorker(), Types.VARCHAR)
			.addValue("startedAt", timestamp(row.startedAt()), Types.TIMESTAMP_WITH_TIMEZONE)
			.addValue("leaseExpiresAt", timestamp(row.leaseExpiresAt()), Types.TIMESTAMP_WITH_TIMEZONE)
			.addValue("budgetEndsAt", timestamp(row.budgetEndsAt()), Types.TIMESTAMP_WITH_TIMEZONE)
			.addValue("completedAt", timestamp(row.completedAt()), Types.TIMESTAMP_WITH_TIMEZONE)
			.addValue("durationMs", row.durationMs(), Types.BIGINT)
			.addValue("pagesCrawled", row.pagesCrawled())
			.addValue("currentUrl", row.currentUrl(), Types.VARCHAR)
			.addValue("error", row.error(), Types.VARCHAR)
			.addValue("version", row.version());
	}

	private static Job mapJob(ResultSet rs, int rowNum) throws SQLException {
		JobSpec spec = new JobSpec(rs.getString("start_url"), rs.getInt("max_pages"), rs.getBoolean("same_origin_only"),
				rs.getInt("timeout_s"), rs.getInt("priority"), rs.getInt("max_duration_s"),
				CrawlOptionsJson.read(rs.getString("crawl_options")), NodeLabels.fromJson(rs.getString("node_labels")));
		long duration = rs.getLong("duration_ms");
		Long durationMs = rs.wasNull() ? null : duration;
		return new Job(new JobRow(rs.getString("id"), rs.getLong("seq"), rs.getString("batch_id"), spec,
				JobState.valueOf(rs.getString("state")), instant(rs, "created_at"), rs.getLong("queue_rank"),
				instant(rs, "not_before"), rs.getInt("attempt"), rs.getInt("lost_attempts"),
				rs.getString("assigned_worker"), nullableInstant(rs, "started_at"),
				nullableInstant(rs, "lease_expires_at"), nullableInstant(rs, "budget_ends_at"),
				nullableInstant(rs, "completed_at"), durationMs, rs.getInt("pages_crawled"),
				rs.getString("current_url"), rs.getString("error"), rs.getLong("version"), rs.getString("request_id")));
	}

	private static @Nullable JobState state(@Nullable String name) {
		return (name != null) ? JobState.valueOf(name) : null;
	}

	static @Nullable OffsetDateTime timestamp(@Nullable Instant instant) {
		return (instant != null) ? instant.atOffset(ZoneOffset.UTC) : null;
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Instant instant = nullableInstant(rs, column);
		if (instant == null) {
			throw new SQLException("Column " + column + " is null");
		}
		return instant;
	}

	private static @Nullable Instant nullableInstant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

}

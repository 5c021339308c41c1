package io.dispycluster.scheduler.task;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import io.dispycluster.scheduler.history.RunStatus;
import io.dispycluster.scheduler.history.RunTable;
import io.dispycluster.scheduler.scrape.ScrapeState;
import io.dispycluster.scheduler.system.Sql;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code task_run} table: the history of the tasks.
 */
@Repository
class TaskRunRepository extends RunTable {

	TaskRunRepository(JdbcClient jdbc) {
		super(jdbc, "task_run");
	}

	void insert(long id, StoredTask task, @Nullable Integer runNumber, RunTrigger trigger,
			@Nullable Instant scheduledFor, RunStatus status, Instant now, @Nullable Long scrapeId,
			@Nullable String error) {
		this.jdbc.sql("""
				INSERT INTO task_run (id, task_id, task_name, run_number, trigger_kind, scheduled_for, status,
				                      started_at, finished_at, scrape_id, error)
				VALUES (:id, :taskId, :taskName, :runNumber, :trigger, :scheduledFor, :status, :now, :finishedAt,
				        :scrapeId, :error)""")
			.param("id", id)
			.param("taskId", task.id())
			.param("taskName", task.name())
			.param("runNumber", runNumber)
			.param("trigger", trigger.name())
			.param("scheduledFor", Sql.timestamp(scheduledFor))
			.param("status", status.name())
			.param("now", Sql.timestamp(now))
			.param("finishedAt", (status == RunStatus.RUNNING) ? null : Sql.timestamp(now))
			.param("scrapeId", scrapeId)
			.param("error", Sql.fit(error, ERROR_LENGTH))
			.update();
	}

	/** The run of a task in progress, if any (the latest when several are). */
	Optional<Long> running(String taskId) {
		return this.jdbc.sql("SELECT id FROM task_run WHERE task_id = :taskId AND status = 'RUNNING' ORDER BY id DESC")
			.param("taskId", taskId)
			.query(Long.class)
			.stream()
			.findFirst();
	}

	/** Runs in progress whose scrape has finished. */
	List<FinishedScrape> withFinishedScrape() {
		return this.jdbc.sql("""
				SELECT r.id, r.task_id, s.state, s.error, s.jobs_completed, s.jobs_failed, s.pages_crawled
				FROM task_run r JOIN scrape s ON s.id = r.scrape_id
				WHERE r.status = 'RUNNING' AND s.state IN ('COMPLETED', 'FAILED')
				ORDER BY r.id""")
			.query((rs, n) -> new FinishedScrape(rs.getLong("id"), rs.getString("task_id"),
					ScrapeState.valueOf(rs.getString("state")) == ScrapeState.COMPLETED, rs.getString("error"),
					rs.getInt("jobs_completed"), rs.getInt("jobs_failed"), rs.getInt("pages_crawled")))
			.list();
	}

	/** The latest runs with what their scrapes did. */
	List<TaskRunEntry> latest(int limit) {
		List<Row> rows = this.jdbc.sql("""
				SELECT r.*, s.jobs_completed, s.jobs_failed, s.pages_crawled
				FROM task_run r LEFT JOIN scrape s ON s.id = r.scrape_id
				ORDER BY r.started_at DESC, r.id DESC FETCH FIRST :limit ROWS ONLY""")
			.param("limit", limit)
			.query((rs, n) -> new Row(rs.getLong("id"), rs.getString("task_id"), rs.getString("task_name"),
					Sql.requiredInstant(rs, "started_at"), Sql.instant(rs, "finished_at"),
					RunStatus.valueOf(rs.getString("status")), (Integer) rs.getObject("run_number", Integer.class),
					rs.getString("trigger_kind").toLowerCase(Locale.ROOT), Sql.instant(rs, "scheduled_for"),
					(Long) rs.getObject("scrape_id", Long.class), rs.getInt("jobs_completed"), rs.getInt("jobs_failed"),
					rs.getInt("pages_crawled"), rs.getString("error")))
			.list();
		Map<Long, List<String>> jobIds = jobIds(rows);
		List<TaskRunEntry> entries = new ArrayList<>();
		for (Row row : rows) {
			List<String> jobs = (row.scrapeId() != null) ? jobIds.getOrDefault(row.scrapeId(), List.of()) : List.of();
			entries.add(new TaskRunEntry("run_" + row.id(), row.taskId(), row.taskName(), row.startedAt(),
					row.finishedAt(), row.status(), row.runNumber(), row.trigger(), row.scheduledFor(), jobs,
					row.jobsCompleted(), row.jobsFailed(), row.pagesCrawled(), row.error()));
		}
		return entries;
	}

	private Map<Long, List<String>> jobIds(List<Row> rows) {
		List<Long> scrapes = rows.stream().map(Row::scrapeId).filter((id) -> id != null).toList();
		Map<Long, List<String>> jobIds = new LinkedHashMap<>();
		if (!scrapes.isEmpty()) {
			this.jdbc
				.sql("SELECT scrape_id, job_id FROM scrape_job WHERE scrape_id IN (:ids) "
						+ "ORDER BY scrape_id, position")
				.param("ids", scrapes)
				.query((rs) -> {
					jobIds.computeIfAbsent(rs.getLong("scrape_id"), (id) -> new ArrayList<>())
						.add(rs.getString("job_id"));
				});
		}
		return jobIds;
	}

	/**
	 * A run in progress whose scrape has finished.
	 */
	record FinishedScrape(long runId, String taskId, boolean completed, @Nullable String error, int jobsCompleted,
			int jobsFailed, int pagesCrawled) {
	}

	private record Row(long id, String taskId, String taskName, Instant startedAt, @Nullable Instant finishedAt,
			RunStatus status, @Nullable Integer runNumber, String trigger, @Nullable Instant scheduledFor,
			@Nullable Long scrapeId, int jobsCompleted, int jobsFailed, int pagesCrawled, @Nullable String error) {
	}

}

package io.dispycluster.scheduler.task;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import io.dispycluster.scheduler.definition.DefinitionTable;
import io.dispycluster.scheduler.scrape.CrawlFields;
import io.dispycluster.scheduler.system.Sql;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;
import org.springframework.stereotype.Repository;

/**
 * The {@code task} table.
 */
@Repository
class TaskRepository extends DefinitionTable<TaskDefinition, StoredTask> {

	private static final TypeReference<List<String>> URLS = new TypeReference<>() {
	};

	TaskRepository(JdbcClient jdbc, JsonMapper json) {
		super(jdbc, json, "task");
	}

	@Override
	public void insert(String id, TaskDefinition task, Instant now) {
		bindDefinition(this.jdbc.sql("""
				INSERT INTO task (id, name, description, urls, max_pages, same_origin_only, timeout_s, priority,
				                  crawl_fields, schedule_type, schedule_config, allow_concurrent_runs, enabled,
				                  status, created_at, updated_at, schedule_set_at, run_count, success_count,
				                  failure_count)
				VALUES (:id, :name, :description, :urls, :maxPages, :sameOriginOnly, :timeoutS, :priority,
				        :crawlFields, :scheduleType, :scheduleConfig, :allowConcurrentRuns, TRUE, 'SCHEDULED',
				        :now, :now, :now, 0, 0, 0)"""), task).param("id", id).param("now", Sql.timestamp(now)).update();
	}

	@Override
	public void update(String id, TaskDefinition task, Instant now) {
		bindDefinition(this.jdbc.sql("""
				UPDATE task SET name = :name, description = :description, urls = :urls, max_pages = :maxPages,
				                same_origin_only = :sameOriginOnly, timeout_s = :timeoutS, priority = :priority,
				                crawl_fields = :crawlFields,
				                schedule_type = :scheduleType, schedule_config = :scheduleConfig,
				                allow_concurrent_runs = :allowConcurrentRuns, updated_at = :now
				WHERE id = :id"""), task).param("id", id).param("now", Sql.timestamp(now)).update();
	}

	private StatementSpec bindDefinition(StatementSpec statement, TaskDefinition task) {
		return bindSchedule(statement, task.schedule()).param("name", task.name())
			.param("description", task.description())
			.param("urls", this.json.writeValueAsString(task.urls()))
			.param("maxPages", task.maxPages())
			.param("sameOriginOnly", task.sameOriginOnly())
			.param("timeoutS", task.timeoutS())
			.param("priority", task.priority())
			.param("crawlFields", crawlFields(task.crawl()))
			.param("allowConcurrentRuns", task.allowConcurrentRuns());
	}

	private @Nullable String crawlFields(CrawlFields crawl) {
		return crawl.equals(CrawlFields.none()) ? null : this.json.writeValueAsString(crawl);
	}

	// stored once checked: read as written, without checking again
	private CrawlFields crawlFields(@Nullable String stored) {
		return (stored != null) ? this.json.readValue(stored, CrawlFields.class) : CrawlFields.none();
	}

	/**
	 * A run ended: count its outcome; the status is the outcome unless another run is on.
	 */
	void runFinished(String id, boolean succeeded, boolean othersRunning) {
		countFinishedRun(id, succeeded, othersRunning ? "RUNNING" : succeeded ? "COMPLETED" : "FAILED");
	}

	@Override
	protected StoredTask row(ResultSet rs, int rowNum) throws SQLException {
		return new StoredTask(rs.getString("id"), rs.getString("name"), rs.getString("description"),
				this.json.readValue(rs.getString("urls"), URLS), rs.getInt("max_pages"),
				rs.getBoolean("same_origin_only"), rs.getInt("timeout_s"), rs.getInt("priority"), scheduleType(rs),
				scheduleConfig(rs), rs.getBoolean("allow_concurrent_runs"), rs.getBoolean("enabled"),
				TaskStatus.valueOf(rs.getString("status")), Sql.requiredInstant(rs, "created_at"),
				Sql.requiredInstant(rs, "updated_at"), Sql.instant(rs, "last_run"), rs.getInt("run_count"),
				rs.getInt("success_count"), rs.getInt("failure_count"), crawlFields(rs.getString("crawl_fields")));
	}

}

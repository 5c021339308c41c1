package io.dispycluster.scheduler.workflow;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import io.dispycluster.scheduler.history.RunStatus;
import io.dispycluster.scheduler.history.RunTable;
import io.dispycluster.scheduler.system.Sql;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The {@code workflow_run} and {@code workflow_step_run} tables. Every change of state is
 * a conditional update, so that two scheduler instances sharing the database never start
 * the same step twice.
 */
@Repository
class WorkflowRunRepository extends RunTable {

	private final JsonMapper json;

	WorkflowRunRepository(JdbcClient jdbc, JsonMapper json) {
		super(jdbc, "workflow_run");
		this.json = json;
	}

	/** Stores a run; a running one gets its steps, all pending. */
	@Transactional
	void insert(long id, StoredWorkflow workflow, @Nullable Integer runNumber, String trigger,
			@Nullable Instant scheduledFor, RunStatus status, Instant now, @Nullable String error) {
		this.jdbc.sql("""
				INSERT INTO workflow_run (id, workflow_id, workflow_name, run_number, trigger_kind, scheduled_for,
				                          status, error_policy, steps, started_at, finished_at, error)
				VALUES (:id, :workflowId, :name, :runNumber, :trigger, :scheduledFor, :status, :policy, :steps,
				        :now, :finishedAt, :error)""")
			.param("id", id)
			.param("workflowId", workflow.id())
			.param("name", workflow.name())
			.param("runNumber", runNumber)
			.param("trigger", trigger)
			.param("scheduledFor", Sql.timestamp(scheduledFor))
			.param("status", status.name())
			.param("policy", workflow.errorPolicy().name())
			.param("steps", this.json.writeValueAsString(workflow.steps()))
			.param("now", Sql.timestamp(now))
			.param("finishedAt", (status == RunStatus.RUNNING) ? null : Sql.timestamp(now))
			.param("error", Sql.fit(error, ERROR_LENGTH))
			.update();
		if (status != RunStatus.RUNNING) {
			return;
		}
		for (int i = 0; i < workflow.steps().size(); i++) {
			this.jdbc.sql("""
					INSERT INTO workflow_step_run (run_id, step_id, position, state, attempts)
					VALUES (:id, :stepId, :position, 'PENDING', 0)""")
				.param("id", id)
				.param("stepId", workflow.steps().get(i).stepId())
				.param("position", i)
				.update();
		}
	}

	/** The run of a workflow in progress, if any. */
	Optional<Long> running(String workflowId) {
		return this.jdbc.sql("SELECT id FROM workflow_run WHERE workflow_id = :id AND status = 'RUNNING' ORDER BY id")
			.param("id", workflowId)
			.query(Long.class)
			.stream()
			.findFirst();
	}

	/** The runs in progress after a run id, oldest first. */
	List<StoredRun> active(long afterId, int limit) {
		return this.jdbc
			.sql("SELECT * FROM workflow_run WHERE status = 'RUNNING' AND id > :after ORDER BY id "
					+ "FETCH FIRST :limit ROWS ONLY")
			.param("after", afterId)
			.param("limit", limit)
			.query(this::run)
			.list();
	}

	Optional<StoredRun> find(long id) {
		return this.jdbc.sql("SELECT * FROM workflow_run WHERE id = :id").param("id", id).query(this::run).optional();
	}

	/** The runs of a workflow, newest first. */
	List<StoredRun> runsOf(String workflowId, int limit) {
		return this.jdbc.sql("""
				SELECT * FROM workflow_run WHERE workflow_id = :id ORDER BY started_at DESC, id DESC
				FETCH FIRST :limit ROWS ONLY""").param("id", workflowId).param("limit", limit).query(this::run).list();
	}

	/** The latest runs of all workflows. */
	List<StoredRun> latest(int limit) {
		return this.jdbc
			.sql("SELECT * FROM workflow_run ORDER BY started_at DESC, id DESC FETCH FIRST :limit ROWS ONLY")
			.param("limit", limit)
			.query(this::run)
			.list();
	}

	List<StepRun> steps(long runId) {
		return this.jdbc.sql("SELECT * FROM workflow_step_run WHERE run_id = :id ORDER BY position")
			.param("id", runId)
			.query(this::step)
			.list();
	}

	/**
	 * Starts a pending step; false if it is no longer pending (another instance took it).
	 */
	boolean claim(long runId, String stepId, Instant now, @Nullable Instant deadline) {
		return this.jdbc.sql("""
				UPDATE workflow_step_run
				SET state = 'RUNNING', attempts = attempts + 1, started_at = :now, deadline = :deadline,
				    not_before = NULL, finished_at = NULL, output = NULL, scrape_id = NULL
				WHERE run_id = :runId AND step_id = :stepId AND state = 'PENDING'""")
			.param("runId", runId)
			.param("stepId", stepId)
			.param("now", Sql.timestamp(now))
			.param("deadline", Sql.timestamp(deadline))
			.update() == 1;
	}

	void setScrape(long runId, String stepId, long scrapeId) {
		this.jdbc.sql("UPDATE workflow_step_run SET scrape_id = :scrapeId WHERE run_id = :runId AND step_id = :stepId")
			.param("runId", runId)
			.param("stepId", stepId)
			.param("scrapeId", scrapeId)
			.update();
	}

	/** Ends a running step. */
	boolean finish(long runId, String stepId, StepState state, @Nullable Object output, @Nullable String error,
			Instant now) {
		return this.jdbc.sql("""
				UPDATE workflow_step_run SET state = :state, output = :output, error = :error, finished_at = :now
				WHERE run_id = :runId AND step_id = :stepId AND state = 'RUNNING'""")
			.param("runId", runId)
			.param("stepId", stepId)
			.param("state", state.name())
			.param("output", (output != null) ? this.json.writeValueAsString(output) : null)
			.param("error", Sql.fit(error, ERROR_LENGTH))
			.param("now", Sql.timestamp(now))
			.update() == 1;
	}

	/** Puts a failed running step back to pending, to be tried again from a time. */
	boolean retry(long runId, String stepId, Instant notBefore, String error) {
		return this.jdbc.sql("""
				UPDATE workflow_step_run SET state = 'PENDING', not_before = :notBefore, error = :error
				WHERE run_id = :runId AND step_id = :stepId AND state = 'RUNNING'""")
			.param("runId", runId)
			.param("stepId", stepId)
			.param("notBefore", Sql.timestamp(notBefore))
			.param("error", Sql.fit(error, ERROR_LENGTH))
			.update() == 1;
	}

	/** Skips a pending step. */
	boolean skip(long runId, String stepId, String reason, Instant now) {
		return this.jdbc.sql("""
				UPDATE workflow_step_run SET state = 'SKIPPED', error = :reason, finished_at = :now
				WHERE run_id = :runId AND step_id = :stepId AND state = 'PENDING'""")
			.param("runId", runId)
			.param("stepId", stepId)
			.param("reason", Sql.fit(reason, ERROR_LENGTH))
			.param("now", Sql.timestamp(now))
			.update() == 1;
	}

	private StoredRun run(ResultSet rs, int rowNum) throws SQLException {
		return new StoredRun(rs.getLong("id"), rs.getString("workflow_id"), rs.getString("workflow_name"),
				rs.getObject("run_number", Integer.class), rs.getString("trigger_kind").toLowerCase(Locale.ROOT),
				Sql.instant(rs, "scheduled_for"), RunStatus.valueOf(rs.getString("status")),
				ErrorPolicy.valueOf(rs.getString("error_policy")),
				this.json.readValue(rs.getString("steps"), WorkflowRepository.STEPS),
				Sql.requiredInstant(rs, "started_at"), Sql.instant(rs, "finished_at"), rs.getString("error"));
	}

	private StepRun step(ResultSet rs, int rowNum) throws SQLException {
		return new StepRun(rs.getLong("run_id"), rs.getString("step_id"), rs.getInt("position"),
				StepState.valueOf(rs.getString("state")), rs.getInt("attempts"), Sql.instant(rs, "not_before"),
				Sql.instant(rs, "deadline"), Sql.instant(rs, "started_at"), Sql.instant(rs, "finished_at"),
				rs.getObject("scrape_id", Long.class), rs.getString("output"), rs.getString("error"));
	}

}

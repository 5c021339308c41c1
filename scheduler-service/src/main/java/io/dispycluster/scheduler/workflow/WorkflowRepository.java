package io.dispycluster.scheduler.workflow;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import io.dispycluster.scheduler.definition.DefinitionTable;
import io.dispycluster.scheduler.system.Sql;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;
import org.springframework.stereotype.Repository;

/**
 * The {@code workflow} table.
 */
@Repository
class WorkflowRepository extends DefinitionTable<WorkflowDefinition, StoredWorkflow> {

	static final TypeReference<List<StepDefinition>> STEPS = new TypeReference<>() {
	};

	WorkflowRepository(JdbcClient jdbc, JsonMapper json) {
		super(jdbc, json, "workflow");
	}

	@Override
	public void insert(String id, WorkflowDefinition workflow, Instant now) {
		bind(this.jdbc.sql("""
				INSERT INTO workflow (id, name, description, steps, error_policy, schedule_type, schedule_config,
				                      enabled, status, created_at, updated_at, schedule_set_at, run_count,
				                      success_count, failure_count)
				VALUES (:id, :name, :description, :steps, :errorPolicy, :scheduleType, :scheduleConfig,
				        TRUE, 'SCHEDULED', :now, :now, :now, 0, 0, 0)"""), workflow).param("id", id)
			.param("now", Sql.timestamp(now))
			.update();
	}

	@Override
	public void update(String id, WorkflowDefinition workflow, Instant now) {
		bind(this.jdbc.sql("""
				UPDATE workflow SET name = :name, description = :description, steps = :steps,
				                    error_policy = :errorPolicy, schedule_type = :scheduleType,
				                    schedule_config = :scheduleConfig, updated_at = :now
				WHERE id = :id"""), workflow).param("id", id).param("now", Sql.timestamp(now)).update();
	}

	private StatementSpec bind(StatementSpec statement, WorkflowDefinition workflow) {
		return bindSchedule(statement, workflow.schedule()).param("name", workflow.name())
			.param("description", workflow.description())
			.param("steps", this.json.writeValueAsString(workflow.steps()))
			.param("errorPolicy", workflow.errorPolicy().name());
	}

	/** A run ended: count its outcome, which becomes the status. */
	void runFinished(String id, boolean succeeded) {
		countFinishedRun(id, succeeded, succeeded ? "COMPLETED" : "FAILED");
	}

	@Override
	protected StoredWorkflow row(ResultSet rs, int rowNum) throws SQLException {
		return new StoredWorkflow(rs.getString("id"), rs.getString("name"), rs.getString("description"),
				this.json.readValue(rs.getString("steps"), STEPS), ErrorPolicy.valueOf(rs.getString("error_policy")),
				scheduleType(rs), scheduleConfig(rs), rs.getBoolean("enabled"),
				rs.getString("status").toLowerCase(java.util.Locale.ROOT), Sql.requiredInstant(rs, "created_at"),
				Sql.requiredInstant(rs, "updated_at"), Sql.instant(rs, "last_run"), rs.getInt("run_count"),
				rs.getInt("success_count"), rs.getInt("failure_count"));
	}

}

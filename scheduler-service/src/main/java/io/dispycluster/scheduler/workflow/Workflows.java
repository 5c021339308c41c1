package io.dispycluster.scheduler.workflow;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.dispycluster.scheduler.definition.DefinitionLifecycle;
import io.dispycluster.scheduler.schedule.Schedules;
import io.dispycluster.scheduler.system.Ids;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates, changes and removes workflows, each with its Quartz triggers in one
 * transaction.
 */
@Service
public class Workflows {

	private static final Logger LOG = LoggerFactory.getLogger(Workflows.class);

	private final DefinitionLifecycle<WorkflowDefinition, StoredWorkflow> lifecycle;

	private final WorkflowRepository repository;

	private final Clock clock;

	Workflows(WorkflowRepository repository, Schedules schedules, Ids ids, Clock clock) {
		this.lifecycle = new DefinitionLifecycle<>(Schedules.WORKFLOW_GROUP, WorkflowFireJob.class, repository,
				WorkflowNotFoundException::new, schedules, ids, clock);
		this.repository = repository;
		this.clock = clock;
	}

	@Transactional
	Workflow create(WorkflowRequest request) {
		Instant now = this.clock.instant();
		WorkflowDefinition definition = request.toDefinition(now);
		String id = this.lifecycle.create(definition, now);
		LOG.info("Workflow created: workflow={} steps={} schedule={}", id, definition.steps().size(),
				definition.schedule().describe());
		return get(id);
	}

	@Transactional
	Workflow update(String id, WorkflowRequest request) {
		this.lifecycle.update(id, request::toDefinition);
		LOG.info("Workflow updated: workflow={}", id);
		return get(id);
	}

	@Transactional(readOnly = true)
	List<Workflow> list() {
		return this.repository.findAll().stream().map(this::view).toList();
	}

	/** Checks that a workflow exists: {@link WorkflowNotFoundException} otherwise. */
	@Transactional(readOnly = true)
	void requireExists(String id) {
		this.lifecycle.find(id);
	}

	@Transactional(readOnly = true)
	Workflow get(String id) {
		return view(this.lifecycle.find(id));
	}

	@Transactional
	void delete(String id) {
		this.lifecycle.delete(id);
		LOG.info("Workflow deleted: workflow={}", id);
	}

	/**
	 * Enables a workflow; a no-op when enabled. A once workflow that already ran is not
	 * run again.
	 */
	@Transactional
	Workflow enable(String id) {
		if (this.lifecycle.enable(id)) {
			LOG.info("Workflow enabled: workflow={}", id);
		}
		return get(id);
	}

	/** Disables a workflow: it fires no more; a run in progress goes on. */
	@Transactional
	Workflow disable(String id) {
		if (this.lifecycle.disable(id)) {
			LOG.info("Workflow disabled: workflow={}", id);
		}
		return get(id);
	}

	/** How many workflows are enabled. */
	public long enabledCount() {
		return this.repository.countEnabled();
	}

	private Workflow view(StoredWorkflow workflow) {
		return workflow.view(this.lifecycle.nextRun(workflow));
	}

}

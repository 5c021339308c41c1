package io.dispycluster.scheduler.workflow;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.quartz.JobKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.dispycluster.scheduler.schedule.ScheduleType;
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

	private final WorkflowRepository repository;

	private final Schedules schedules;

	private final Ids ids;

	private final Clock clock;

	Workflows(WorkflowRepository repository, Schedules schedules, Ids ids, Clock clock) {
		this.repository = repository;
		this.schedules = schedules;
		this.ids = ids;
		this.clock = clock;
	}

	@Transactional
	Workflow create(WorkflowRequest request) {
		Instant now = this.clock.instant();
		WorkflowDefinition definition = request.toDefinition(now);
		String id = this.ids.next("workflow");
		this.repository.insert(id, definition, now);
		this.schedules.schedule(key(id), WorkflowFireJob.class, definition.schedule(), now);
		LOG.info("Workflow created: workflow={} steps={} schedule={}", id, definition.steps().size(),
				definition.schedule().describe());
		return get(id);
	}

	@Transactional
	Workflow update(String id, WorkflowRequest request) {
		StoredWorkflow workflow = find(id);
		Instant now = this.clock.instant();
		WorkflowDefinition definition = request.toDefinition(now);
		this.repository.update(id, definition, now);
		if (workflow.enabled()) {
			this.schedules.schedule(key(id), WorkflowFireJob.class, definition.schedule(), now);
		}
		LOG.info("Workflow updated: workflow={}", id);
		return get(id);
	}

	@Transactional(readOnly = true)
	List<Workflow> list() {
		return this.repository.findAll().stream().map(this::view).toList();
	}

	@Transactional(readOnly = true)
	Workflow get(String id) {
		return view(find(id));
	}

	@Transactional
	void delete(String id) {
		find(id);
		this.schedules.remove(key(id));
		this.repository.delete(id);
		LOG.info("Workflow deleted: workflow={}", id);
	}

	/**
	 * Enables a workflow; a no-op when enabled. A once workflow that already ran is not
	 * run again.
	 */
	@Transactional
	Workflow enable(String id) {
		StoredWorkflow workflow = find(id);
		if (!workflow.enabled()) {
			Instant now = this.clock.instant();
			this.repository.setEnabled(id, true, now);
			if (workflow.scheduleType() != ScheduleType.ONCE || workflow.runCount() == 0) {
				this.schedules.schedule(key(id), WorkflowFireJob.class, workflow.schedule(now), now);
			}
			LOG.info("Workflow enabled: workflow={}", id);
		}
		return get(id);
	}

	/** Disables a workflow: it fires no more; a run in progress goes on. */
	@Transactional
	Workflow disable(String id) {
		StoredWorkflow workflow = find(id);
		if (workflow.enabled()) {
			this.schedules.remove(key(id));
			this.repository.setEnabled(id, false, this.clock.instant());
			LOG.info("Workflow disabled: workflow={}", id);
		}
		return get(id);
	}

	/** How many workflows are enabled. */
	public long enabledCount() {
		return this.repository.countEnabled();
	}

	private StoredWorkflow find(String id) {
		return this.repository.find(id).orElseThrow(() -> new WorkflowNotFoundException(id));
	}

	private Workflow view(StoredWorkflow workflow) {
		return workflow.view(workflow.enabled() ? this.schedules.nextFireTime(key(workflow.id())) : null);
	}

	private static JobKey key(String id) {
		return JobKey.jobKey(id, Schedules.WORKFLOW_GROUP);
	}

}

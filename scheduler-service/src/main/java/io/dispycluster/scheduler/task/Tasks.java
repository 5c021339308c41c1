package io.dispycluster.scheduler.task;

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
 * Creates, changes and removes tasks. Each change writes the task and its Quartz triggers
 * in one transaction: nothing is half-created.
 */
@Service
class Tasks {

	private static final Logger LOG = LoggerFactory.getLogger(Tasks.class);

	private final DefinitionLifecycle<TaskDefinition, StoredTask> lifecycle;

	private final TaskRepository repository;

	private final Clock clock;

	Tasks(TaskRepository repository, Schedules schedules, Ids ids, Clock clock) {
		this.lifecycle = new DefinitionLifecycle<>(Schedules.TASK_GROUP, TaskFireJob.class, repository,
				TaskNotFoundException::new, schedules, ids, clock);
		this.repository = repository;
		this.clock = clock;
	}

	@Transactional
	Task create(TaskRequest request) {
		Instant now = this.clock.instant();
		TaskDefinition definition = request.toDefinition(now);
		String id = this.lifecycle.create(definition, now);
		LOG.info("Task created: task={} schedule={}", id, definition.schedule().describe());
		return get(id);
	}

	@Transactional
	Task update(String id, TaskRequest request) {
		TaskDefinition definition = this.lifecycle.update(id, request::toDefinition);
		LOG.info("Task updated: task={} schedule={}", id, definition.schedule().describe());
		return get(id);
	}

	@Transactional(readOnly = true)
	List<Task> list() {
		return this.repository.findAll().stream().map(this::view).toList();
	}

	/** Checks that a task exists: {@link TaskNotFoundException} otherwise. */
	@Transactional(readOnly = true)
	void requireExists(String id) {
		this.lifecycle.find(id);
	}

	@Transactional(readOnly = true)
	Task get(String id) {
		return view(this.lifecycle.find(id));
	}

	@Transactional
	void delete(String id) {
		this.lifecycle.delete(id);
		LOG.info("Task deleted: task={}", id);
	}

	/**
	 * Enables a task; enabling an enabled task changes nothing. A once task that already
	 * ran is not run again (update it with a new date to do so).
	 */
	@Transactional
	Task enable(String id) {
		if (this.lifecycle.enable(id)) {
			LOG.info("Task enabled: task={}", id);
		}
		return get(id);
	}

	/** Disables a task: it fires no more; a run in progress goes on. */
	@Transactional
	Task disable(String id) {
		if (this.lifecycle.disable(id)) {
			LOG.info("Task disabled: task={}", id);
		}
		return get(id);
	}

	private Task view(StoredTask task) {
		return task.view(this.lifecycle.nextRun(task));
	}

}

package io.dispycluster.scheduler.task;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.quartz.JobKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.dispycluster.scheduler.schedule.ScheduleType;
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

	private final TaskRepository repository;

	private final Schedules schedules;

	private final Ids ids;

	private final Clock clock;

	Tasks(TaskRepository repository, Schedules schedules, Ids ids, Clock clock) {
		this.repository = repository;
		this.schedules = schedules;
		this.ids = ids;
		this.clock = clock;
	}

	@Transactional
	Task create(TaskRequest request) {
		Instant now = this.clock.instant();
		TaskDefinition definition = request.toDefinition(now);
		String id = this.ids.next("task");
		this.repository.insert(id, definition, now);
		this.schedules.schedule(key(id), TaskFireJob.class, definition.schedule(), now);
		LOG.info("Task created: task={} schedule={}", id, definition.schedule().describe());
		return get(id);
	}

	@Transactional
	Task update(String id, TaskRequest request) {
		StoredTask task = find(id);
		Instant now = this.clock.instant();
		TaskDefinition definition = request.toDefinition(now);
		this.repository.update(id, definition, now);
		if (task.enabled()) {
			this.schedules.schedule(key(id), TaskFireJob.class, definition.schedule(), now);
		}
		LOG.info("Task updated: task={} schedule={}", id, definition.schedule().describe());
		return get(id);
	}

	@Transactional(readOnly = true)
	List<Task> list() {
		return this.repository.findAll().stream().map(this::view).toList();
	}

	@Transactional(readOnly = true)
	Task get(String id) {
		return view(find(id));
	}

	@Transactional
	void delete(String id) {
		find(id);
		this.schedules.remove(key(id));
		this.repository.delete(id);
		LOG.info("Task deleted: task={}", id);
	}

	/**
	 * Enables a task; enabling an enabled task changes nothing. A once task that already
	 * ran is not run again (update it with a new date to do so).
	 */
	@Transactional
	Task enable(String id) {
		StoredTask task = find(id);
		if (!task.enabled()) {
			Instant now = this.clock.instant();
			this.repository.setEnabled(id, true, now);
			if (task.scheduleType() != ScheduleType.ONCE || task.runCount() == 0) {
				this.schedules.schedule(key(id), TaskFireJob.class, task.definition(now).schedule(), now);
			}
			LOG.info("Task enabled: task={}", id);
		}
		return get(id);
	}

	/** Disables a task: it fires no more; a run in progress goes on. */
	@Transactional
	Task disable(String id) {
		StoredTask task = find(id);
		if (task.enabled()) {
			this.schedules.remove(key(id));
			this.repository.setEnabled(id, false, this.clock.instant());
			LOG.info("Task disabled: task={}", id);
		}
		return get(id);
	}

	private StoredTask find(String id) {
		return this.repository.find(id).orElseThrow(() -> new TaskNotFoundException(id));
	}

	private Task view(StoredTask task) {
		@Nullable Instant next = task.enabled() ? this.schedules.nextFireTime(key(task.id())) : null;
		return task.view(next);
	}

	private static JobKey key(String id) {
		return JobKey.jobKey(id, Schedules.TASK_GROUP);
	}

}

package io.dispycluster.scheduler.definition;

import java.time.Clock;
import java.time.Instant;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.quartz.Job;
import org.quartz.JobKey;

import io.dispycluster.scheduler.schedule.ScheduleSpec;
import io.dispycluster.scheduler.schedule.Schedules;
import io.dispycluster.scheduler.system.Ids;

/**
 * Keeps a scheduled definition's row and its Quartz job in step through its life: created
 * enabled and scheduled, rescheduled when changed while enabled, unscheduled when
 * disabled or deleted. Call it inside the caller's transaction: Quartz's job store takes
 * part in it, so a definition and its triggers change together or not at all.
 *
 * @param <D> the definition written
 * @param <S> the row read
 */
public final class DefinitionLifecycle<D extends ScheduledDefinition, S extends StoredDefinition> {

	private final String group;

	private final Class<? extends Job> fireJob;

	private final DefinitionTable<D, S> table;

	private final Function<String, ? extends RuntimeException> notFound;

	private final Schedules schedules;

	private final Ids ids;

	private final Clock clock;

	/**
	 * @param group the Quartz group of the jobs ({@link Schedules#TASK_GROUP} or
	 * {@link Schedules#WORKFLOW_GROUP}), also the prefix of the ids ({@code task_...})
	 * @param fireJob what Quartz runs when a definition fires
	 * @param table where the definitions are stored
	 * @param notFound the exception for an id that names no definition
	 */
	public DefinitionLifecycle(String group, Class<? extends Job> fireJob, DefinitionTable<D, S> table,
			Function<String, ? extends RuntimeException> notFound, Schedules schedules, Ids ids, Clock clock) {
		this.group = group;
		this.fireJob = fireJob;
		this.table = table;
		this.notFound = notFound;
		this.schedules = schedules;
		this.ids = ids;
		this.clock = clock;
	}

	/** Stores and schedules a new definition, enabled; returns its new id. */
	public String create(D definition, Instant now) {
		String id = this.ids.next(this.group);
		this.table.insert(id, definition, now);
		this.schedules.schedule(key(id), this.fireJob, definition.schedule(), now);
		return id;
	}

	/**
	 * Changes a definition; a new schedule applies at once if it is enabled, and one left
	 * as it was keeps its fires.
	 * @param definition the new definition as of a time, made once the definition is
	 * known to exist (an unknown id is a not-found before any invalid field)
	 * @return the new definition
	 */
	public D update(String id, Function<Instant, D> definition) {
		S stored = lock(id);
		Instant now = this.clock.instant();
		D changed = definition.apply(now);
		this.table.update(id, changed, now);
		// Scheduled again from now, a once date that has passed would fire again, and an
		// interval would start its period over: renaming a task that ran once ran it
		// again. An update sends every field, the schedule too: the same schedule sent
		// back means "leave when it runs as it is".
		if (!changed.schedule().isSameAs(stored.schedule(now))) {
			this.table.scheduleSet(id, now);
			if (stored.enabled()) {
				this.schedules.schedule(key(id), this.fireJob, changed.schedule(), now);
			}
		}
		return changed;
	}

	/** The definition with this id, or the feature's not-found exception. */
	public S find(String id) {
		return this.table.find(id).orElseThrow(() -> this.notFound.apply(id));
	}

	/**
	 * The definition with this id, locked until the end of the transaction, or the
	 * feature's not-found exception. Every change takes the lock first, so that changes
	 * of one definition made at once take turns, each seeing the one before: two disables
	 * both read it enabled, and the second failed to remove from Quartz the triggers the
	 * first had just removed (a 500).
	 */
	private S lock(String id) {
		return this.table.lock(id).orElseThrow(() -> this.notFound.apply(id));
	}

	/** When a definition fires next, or null if it is disabled or will not fire. */
	public @Nullable Instant nextRun(S stored) {
		return stored.enabled() ? this.schedules.nextFireTime(key(stored.id())) : null;
	}

	public void delete(String id) {
		lock(id);
		this.schedules.remove(key(id));
		this.table.delete(id);
	}

	/**
	 * Enables a definition; enabling an enabled one changes nothing. A once schedule
	 * whose date has passed and that ran since it was set is not run again (update it
	 * with a new date to do so).
	 * @return whether it was disabled
	 */
	public boolean enable(String id) {
		S stored = lock(id);
		if (stored.enabled()) {
			return false;
		}
		Instant now = this.clock.instant();
		this.table.setEnabled(id, true, now);
		ScheduleSpec schedule = stored.schedule(now);
		if (!isSpent(id, schedule, now)) {
			this.schedules.schedule(key(id), this.fireJob, schedule, now);
		}
		return true;
	}

	// A once date still to come has not fired: the runs counted were started by hand and
	// must not cancel it. One that has passed fired, unless no run started since it was
	// set: the runs before were for another date (it was moved while disabled), and a
	// date set in the past means now.
	private boolean isSpent(String id, ScheduleSpec schedule, Instant now) {
		return schedule instanceof ScheduleSpec.Once once && !once.at().isAfter(now)
				&& this.table.ranSinceScheduleSet(id);
	}

	/**
	 * Disables a definition: it fires no more; a run in progress goes on.
	 * @return whether it was enabled
	 */
	public boolean disable(String id) {
		S stored = lock(id);
		if (!stored.enabled()) {
			return false;
		}
		this.schedules.remove(key(id));
		this.table.setEnabled(id, false, this.clock.instant());
		return true;
	}

	private JobKey key(String id) {
		return JobKey.jobKey(id, this.group);
	}

}

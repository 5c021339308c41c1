package io.dispycluster.scheduler.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.impl.matchers.GroupMatcher;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Deals with the fires missed while the service was down, then starts Quartz (which does
 * not start by itself: on its start it would handle the missed fires its own way, by
 * firing them, and Spring starts it before this bean, which depends on it).
 * <p>
 * For each job whose triggers should have fired more than a minute ago, only the latest
 * missed fire matters (a task never runs once per missed fire): if it is within
 * {@code misfire-grace} it runs once now, through a one-off catch-up trigger; otherwise
 * it is skipped and the owner is told, to record it. The job's triggers then continue
 * with their next fire after now, keeping their rhythm.
 */
@Component
class MissedFires implements SmartLifecycle {

	private static final Logger LOG = LoggerFactory.getLogger(MissedFires.class);

	/** Later than this, a fire counts as missed (Quartz's own misfire threshold). */
	private static final Duration LATE = Duration.ofMinutes(1);

	private static final int MAX_SLOTS = 1_000_000;

	private final Scheduler quartz;

	private final ScheduleProperties properties;

	private final List<MissedFireListener> listeners;

	private final Clock clock;

	private volatile boolean running;

	MissedFires(Scheduler quartz, ScheduleProperties properties, List<MissedFireListener> listeners, Clock clock) {
		this.quartz = quartz;
		this.properties = properties;
		this.listeners = List.copyOf(listeners);
		this.clock = clock;
	}

	@Override
	public void start() {
		try {
			reconcile(this.clock.instant());
			this.quartz.start();
		}
		catch (SchedulerException ex) {
			throw new IllegalStateException("Could not check Quartz for missed fires and start it", ex);
		}
		this.running = true;
	}

	void reconcile(Instant now) throws SchedulerException {
		for (String group : List.of(Schedules.TASK_GROUP, Schedules.WORKFLOW_GROUP)) {
			for (JobKey job : this.quartz.getJobKeys(GroupMatcher.jobGroupEquals(group))) {
				reconcile(job, now);
			}
		}
	}

	private void reconcile(JobKey job, Instant now) throws SchedulerException {
		List<Trigger> missed = new ArrayList<>();
		for (Trigger trigger : this.quartz.getTriggersOfJob(job)) {
			Date next = trigger.getNextFireTime();
			if (next != null && next.toInstant().isBefore(now.minus(LATE))) {
				missed.add(trigger);
			}
		}
		if (missed.isEmpty()) {
			return;
		}
		Instant latest = null;
		for (Trigger trigger : missed) {
			Instant slot = latestSlot(trigger, now);
			latest = (latest == null || slot.isAfter(latest)) ? slot : latest;
			resume(trigger, now);
		}
		if (Duration.between(latest, now).compareTo(this.properties.misfireGrace()) <= 0) {
			LOG.info("Missed fire caught up: job={} missed_at={}", job, latest);
			this.quartz.scheduleJob(TriggerBuilder.newTrigger()
				.withIdentity(job.getName() + "#catch-up-" + latest.toEpochMilli(), job.getGroup())
				.forJob(job)
				.usingJobData(Schedules.MISSED_AT, Long.toString(latest.toEpochMilli()))
				.startNow()
				.withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
				.build());
		}
		else {
			LOG.info("Missed fire skipped (older than the {} grace): job={} missed_at={}",
					this.properties.misfireGrace(), job, latest);
			for (MissedFireListener listener : this.listeners) {
				listener.skipped(job, latest, now);
			}
		}
	}

	/** The last time a trigger should have fired up to now. */
	private static Instant latestSlot(Trigger trigger, Instant now) {
		Date cursor = trigger.getNextFireTime();
		Date limit = Date.from(now);
		for (int i = 0; i < MAX_SLOTS; i++) {
			@Nullable Date next = trigger.getFireTimeAfter(cursor);
			if (next == null || next.after(limit)) {
				break;
			}
			cursor = next;
		}
		return cursor.toInstant();
	}

	/** Moves a trigger on to its first fire after now, or removes it if there is none. */
	private void resume(Trigger trigger, Instant now) throws SchedulerException {
		Date next = trigger.getFireTimeAfter(Date.from(now));
		if (next == null) {
			this.quartz.unscheduleJob(trigger.getKey());
		}
		else {
			this.quartz.rescheduleJob(trigger.getKey(), trigger.getTriggerBuilder().startAt(next).build());
		}
	}

	@Override
	public void stop() {
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		// the last phase, as Quartz's own start would be
		return Integer.MAX_VALUE;
	}

}

package io.dispycluster.scheduler.schedule;

import java.time.Instant;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /schedule}: what Quartz will fire, soonest first.
 */
@RestController
class ScheduleController {

	private final Schedules schedules;

	ScheduleController(Schedules schedules) {
		this.schedules = schedules;
	}

	@GetMapping("/schedule")
	ScheduleView schedule() {
		List<ScheduledJob> jobs = this.schedules.upcoming()
			.stream()
			.map((fire) -> new ScheduledJob(fire.job().getName(),
					Schedules.TASK_GROUP.equals(fire.job().getGroup()) ? "execute_task" : "execute_workflow",
					fire.nextRun(), fire.schedule()))
			.toList();
		return new ScheduleView(this.schedules.running(), jobs.size(), jobs);
	}

	/**
	 * The schedule.
	 *
	 * @param schedulerRunning whether Quartz is firing
	 * @param totalJobs how many jobs will fire
	 * @param jobs the jobs, soonest first
	 */
	record ScheduleView(boolean schedulerRunning, int totalJobs, List<ScheduledJob> jobs) {
	}

	/**
	 * A job that will fire.
	 *
	 * @param id the task's or workflow's id
	 * @param name {@code execute_task} or {@code execute_workflow}, as upstream
	 * @param nextRun when it fires next
	 * @param trigger its schedule, described
	 */
	record ScheduledJob(String id, String name, Instant nextRun, String trigger) {
	}

}

package io.dispycluster.scheduler.workflow;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.quartz.JobKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.dispycluster.scheduler.history.HistoryPurge;
import io.dispycluster.scheduler.history.HistorySource;
import io.dispycluster.scheduler.history.ManualRun;
import io.dispycluster.scheduler.history.RunCounter;
import io.dispycluster.scheduler.history.RunStatus;
import io.dispycluster.scheduler.schedule.Fire;
import io.dispycluster.scheduler.schedule.MissedFireListener;
import io.dispycluster.scheduler.schedule.Schedules;
import io.dispycluster.scheduler.scrape.Scrapes;
import io.dispycluster.scheduler.system.Ids;
import io.dispycluster.scheduler.system.RunAdvancer;
import io.dispycluster.scheduler.system.RunLoop;
import io.dispycluster.scheduler.system.RunProperties;
import io.dispycluster.scheduler.workflow.WorkflowRunView.StepView;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts the runs of workflows (on a fire or on request), records skipped fires, and
 * shows runs; the {@link WorkflowEngine} carries them out. A workflow never runs twice at
 * once: a fire during a run is skipped and recorded, and a request to run it gets the run
 * in progress.
 */
@Component
@Order(40)
class WorkflowRuns implements MissedFireListener, HistorySource, RunAdvancer {

	private static final Logger LOG = LoggerFactory.getLogger(WorkflowRuns.class);

	private final WorkflowRepository workflows;

	private final WorkflowRunRepository runs;

	private final Ids ids;

	private final RunLoop loop;

	private final JsonMapper json;

	private final HistoryPurge purge;

	private final RunCounter counter;

	private final Clock clock;

	private final Scrapes scrapes;

	WorkflowRuns(WorkflowRepository workflows, WorkflowRunRepository runs, Ids ids, RunLoop loop,
			RunProperties properties, JsonMapper json, MeterRegistry meters, Clock clock, Scrapes scrapes) {
		this.workflows = workflows;
		this.runs = runs;
		this.scrapes = scrapes;
		this.ids = ids;
		this.loop = loop;
		this.json = json;
		this.purge = new HistoryPurge("workflow runs", runs, properties.historyRetention());
		this.counter = new RunCounter(meters, "workflow");
		this.clock = clock;
	}

	/** The workflow's schedule fired. */
	@Transactional
	public void fired(Fire fire) {
		String workflowId = fire.id();
		Optional<StoredWorkflow> found = this.workflows.lock(workflowId);
		if (found.isEmpty() || !found.get().enabled()) {
			LOG.info("Fire ignored, the workflow is gone or disabled: workflow={}", workflowId);
			return;
		}
		String trigger = fire.catchUp() ? "CATCH_UP" : "SCHEDULE";
		Instant now = this.clock.instant();
		if (this.runs.running(workflowId).isPresent()) {
			LOG.info("Fire skipped, the previous run is still running: workflow={}", workflowId);
			this.runs.insert(this.ids.nextNumber(), found.get(), null, trigger, fire.scheduledFor(), RunStatus.SKIPPED,
					now, "la précédente exécution est encore en cours");
			this.counter.count(RunStatus.SKIPPED);
			return;
		}
		start(found.get(), trigger, fire.scheduledFor(), now);
	}

	/**
	 * A user asked to run the workflow now.
	 * @return the run, and whether it was already in progress
	 */
	@Transactional
	public ManualRun runNow(String workflowId) {
		StoredWorkflow workflow = this.workflows.lock(workflowId)
			.orElseThrow(() -> new WorkflowNotFoundException(workflowId));
		if (!workflow.enabled()) {
			throw new WorkflowDisabledException(workflowId);
		}
		Optional<Long> running = this.runs.running(workflowId);
		if (running.isPresent()) {
			return new ManualRun(running.get(), true);
		}
		return new ManualRun(start(workflow, "MANUAL", null, this.clock.instant()), false);
	}

	private long start(StoredWorkflow workflow, String trigger, @Nullable Instant scheduledFor, Instant now) {
		long runId = this.ids.nextNumber();
		this.runs.insert(runId, workflow, workflow.runCount() + 1, trigger, scheduledFor, RunStatus.RUNNING, now, null);
		this.workflows.runStarted(workflow.id(), now);
		LOG.info("Workflow run started: workflow={} run=run_{} trigger={} steps={}", workflow.id(), runId,
				trigger.toLowerCase(), workflow.steps().size());
		this.loop.wakeUp();
		return runId;
	}

	@Override
	@Transactional
	public void skipped(JobKey job, Instant missedAt, Instant now) {
		if (!Schedules.WORKFLOW_GROUP.equals(job.getGroup())) {
			return;
		}
		this.workflows.find(job.getName()).ifPresent((workflow) -> {
			this.runs.insert(this.ids.nextNumber(), workflow, null, "CATCH_UP", missedAt, RunStatus.SKIPPED, now,
					"exécution manquée pendant l'arrêt du service, au-delà du délai de grâce");
			this.counter.count(RunStatus.SKIPPED);
		});
	}

	/** Purges old runs now and then. */
	@Override
	public void advance(Instant now) {
		this.purge.purgeIfDue(now);
	}

	@Override
	public List<WorkflowRunEntry> latest(int limit) {
		return this.runs.latest(limit).stream().map(WorkflowRuns::entry).toList();
	}

	/** The runs of a workflow, newest first. */
	List<WorkflowRunEntry> runsOf(String workflowId, int limit) {
		return this.runs.runsOf(workflowId, limit).stream().map(WorkflowRuns::entry).toList();
	}

	/** A run with the state of its steps. */
	WorkflowRunView run(String workflowId, String runId) {
		StoredRun run = parseRunId(runId).flatMap(this.runs::find)
			.filter((found) -> found.workflowId().equals(workflowId))
			.orElseThrow(() -> new WorkflowNotFoundException(workflowId, runId));
		List<StepView> steps = new ArrayList<>();
		List<StepRun> states = this.runs.steps(run.id());
		for (StepDefinition definition : run.steps()) {
			StepRun state = states.stream()
				.filter((step) -> step.stepId().equals(definition.stepId()))
				.findFirst()
				.orElse(null);
			steps.add((state != null) ? view(definition, state)
					: new StepView(definition.stepId(), definition.name(), definition.action(), definition.dependsOn(),
							StepState.SKIPPED, 0, null, null, null, null, null, run.error()));
		}
		return new WorkflowRunView("run_" + run.id(), run.workflowId(), run.workflowName(), run.status(), run.trigger(),
				run.scheduledFor(), run.errorPolicy(), run.startedAt(), run.finishedAt(), run.error(), steps);
	}

	private StepView view(StepDefinition definition, StepRun state) {
		boolean waiting = state.state() == StepState.PENDING;
		return new StepView(definition.stepId(), definition.name(), definition.action(), definition.dependsOn(),
				state.state(), state.attempts(), state.startedAt(), state.finishedAt(),
				(state.state() == StepState.RUNNING) ? state.deadline() : null, waiting ? state.notBefore() : null,
				output(state), state.error());
	}

	/**
	 * What a step produced. A scrape step still waiting for its jobs shows them and what
	 * they have done so far: without their ids, a user could not follow them at the
	 * controller, nor cancel one, until the step ended.
	 */
	private @Nullable JsonNode output(StepRun state) {
		if (state.state() == StepState.RUNNING && state.scrapeId() != null) {
			return this.scrapes.find(state.scrapeId())
				.<JsonNode>map((scrape) -> this.json.valueToTree(WorkflowEngine.output(scrape)))
				.orElse(null);
		}
		return (state.output() != null) ? this.json.readTree(state.output()) : null;
	}

	private static Optional<Long> parseRunId(String runId) {
		try {
			return Optional.of(Long.parseLong(runId.startsWith("run_") ? runId.substring(4) : runId));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

	private static WorkflowRunEntry entry(StoredRun run) {
		return new WorkflowRunEntry("run_" + run.id(), run.workflowId(), run.workflowName(), run.startedAt(),
				run.finishedAt(), run.status(), run.runNumber(), run.trigger(), run.scheduledFor(), run.error());
	}

}

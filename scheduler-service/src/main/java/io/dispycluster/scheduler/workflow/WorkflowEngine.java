package io.dispycluster.scheduler.workflow;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import io.dispycluster.scheduler.history.RunCounter;
import io.dispycluster.scheduler.history.RunStatus;
import io.dispycluster.scheduler.scrape.ScrapeState;
import io.dispycluster.scheduler.scrape.ScrapeView;
import io.dispycluster.scheduler.scrape.Scrapes;
import io.dispycluster.scheduler.system.RunAdvancer;
import io.dispycluster.scheduler.system.RunLoop;
import io.dispycluster.scheduler.workflow.ActionConfig.Condition;
import io.dispycluster.scheduler.workflow.ActionConfig.OnFalse;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves workflow runs forward on each tick: finishes the steps that are done (jobs
 * finished, wait over, timeout passed), retries or fails what failed, skips what can no
 * longer run, and starts every step whose dependencies are met, so independent steps run
 * side by side. Nothing blocks: a webhook call is made beside the loop
 * ({@link WebhookCalls}), and a wait is only a deadline in the database, so it survives a
 * restart.
 */
@Component
@Order(30)
class WorkflowEngine implements RunAdvancer {

	private static final Logger LOG = LoggerFactory.getLogger(WorkflowEngine.class);

	private static final int MAX_RUNS = 50;

	private final WorkflowRunRepository runs;

	private final WorkflowRepository workflows;

	private final Scrapes scrapes;

	private final WebhookCalls webhooks;

	private final WorkflowProperties properties;

	private final JsonMapper json;

	private final RunLoop loop;

	private final TransactionTemplate transaction;

	private final RunCounter counter;

	private final Clock clock;

	WorkflowEngine(WorkflowRunRepository runs, WorkflowRepository workflows, Scrapes scrapes, WebhookCalls webhooks,
			WorkflowProperties properties, JsonMapper json, RunLoop loop, TransactionTemplate transaction,
			MeterRegistry meters, Clock clock) {
		this.runs = runs;
		this.workflows = workflows;
		this.scrapes = scrapes;
		this.webhooks = webhooks;
		this.properties = properties;
		this.json = json;
		this.loop = loop;
		this.transaction = transaction;
		this.counter = new RunCounter(meters, "workflow");
		this.clock = clock;
	}

	@Override
	public void advance(Instant now) {
		// every run, a page at a time: the runs after the first page would otherwise
		// wait for as long as older runs go on (waits of hours, slow crawls)
		long after = -1;
		List<StoredRun> page;
		do {
			page = this.runs.active(after, MAX_RUNS);
			for (StoredRun run : page) {
				// a webhook call of an earlier run may have taken a while
				advance(run, later(now, this.clock.instant()));
				after = run.id();
			}
		}
		while (page.size() == MAX_RUNS);
	}

	private void advance(StoredRun run, Instant now) {
		Map<String, StepDefinition> definitions = new LinkedHashMap<>();
		run.steps().forEach((step) -> definitions.put(step.stepId(), step));
		// Each pass may unblock further steps (a condition, a skip): repeat until nothing
		// moves.
		for (int pass = 0; pass <= definitions.size() * 2 + 1; pass++) {
			now = later(now, this.clock.instant());
			List<StepRun> steps = this.runs.steps(run.id());
			boolean moved = false;
			for (StepRun step : steps) {
				if (step.state() == StepState.RUNNING) {
					moved |= checkRunning(run, step, definitions.get(step.stepId()), now);
				}
			}
			if (moved) {
				continue;
			}
			Map<String, StepRun> byId = new HashMap<>();
			steps.forEach((step) -> byId.put(step.stepId(), step));
			// Every ready step is started before any does its work: a webhook or
			// condition that fails at once must not skip a step beside it only because
			// that one is listed later.
			List<Runnable> work = new ArrayList<>();
			for (StepRun step : steps) {
				if (step.state() == StepState.PENDING) {
					moved |= startIfReady(run, step, definitions.get(step.stepId()), byId, now, work);
				}
			}
			doAll(work);
			if (!moved) {
				finishIfDone(run, steps, now);
				return;
			}
		}
	}

	/**
	 * Does the work of the steps started, each even if one before it fails: a webhook
	 * step's call holds a place reserved for it, which only its call gives back.
	 */
	private static void doAll(List<Runnable> work) {
		RuntimeException failure = null;
		for (Runnable item : work) {
			try {
				item.run();
			}
			catch (RuntimeException ex) {
				if (failure == null) {
					failure = ex;
				}
				else {
					failure.addSuppressed(ex);
				}
			}
		}
		if (failure != null) {
			throw failure;
		}
	}

	/** Ends a running step whose work is over. */
	private boolean checkRunning(StoredRun run, StepRun step, StepDefinition definition, Instant now) {
		boolean timedOut = step.deadline() != null && !now.isBefore(step.deadline());
		switch (definition.action()) {
			case SCRAPE -> {
				if (step.scrapeId() == null && !timedOut) {
					// claimed without its scrape by an earlier version stopped between
					// the two: ask for it now rather than wait on nothing until the
					// timeout
					LOG.info("Workflow step without its scrape, requested now: workflow={} run=run_{} step={}",
							run.workflowId(), run.id(), step.stepId());
					requestScrape(run, step.stepId(), (ActionConfig.Scrape) definition.actionConfig(), now);
					this.loop.wakeUp();
					return false;
				}
				Optional<ScrapeView> scrape = (step.scrapeId() != null) ? this.scrapes.find(step.scrapeId())
						: Optional.empty();
				ScrapeOutput output = scrape.map(WorkflowEngine::output).orElse(null);
				if (scrape.isPresent() && scrape.get().state().isFinished()) {
					if (scrape.get().state() == ScrapeState.COMPLETED) {
						return succeed(run, step, output, now);
					}
					return fail(run, step, definition, output, String.valueOf(scrape.get().error()), now);
				}
				if (!timedOut) {
					return false;
				}
				String error = "délai dépassé (" + timeout(definition).toSeconds() + " s) avant la fin des jobs";
				if (step.scrapeId() != null) {
					// a retry submits new jobs: those still queued or crawling are
					// cancelled
					this.scrapes.fail(step.scrapeId(), error, now);
				}
				return fail(run, step, definition, output, error, now);
			}
			case WAIT -> {
				return timedOut && succeed(run, step,
						Map.of("waited_s", ((ActionConfig.Wait) definition.actionConfig()).seconds()), now);
			}
			default -> {
				// A condition is done within the tick that starts it, and a webhook when
				// its call, under way here, ends: one still running otherwise was
				// interrupted (the service stopped); try it again once it is late.
				return timedOut && !this.webhooks.isUnderWay(WebhookCalls.key(run.id(), step.stepId()))
						&& fail(run, step, definition, null, "interrompu avant la fin", now);
			}
		}
	}

	static ScrapeOutput output(ScrapeView view) {
		return new ScrapeOutput(view.jobIds(), view.batchId(), view.jobsCompleted(), view.jobsFailed(),
				view.pagesCrawled());
	}

	/**
	 * Claims a step whose dependencies are met, and adds what it does to {@code work}.
	 */
	private boolean startIfReady(StoredRun run, StepRun step, StepDefinition definition, Map<String, StepRun> steps,
			Instant now, List<Runnable> work) {
		for (String dependency : definition.dependsOn()) {
			StepState state = steps.get(dependency).state();
			if (state == StepState.SKIPPED) {
				return this.runs.skip(run.id(), step.stepId(), "dépendance ignorée : " + dependency, now);
			}
			if (state == StepState.FAILED && run.errorPolicy() == ErrorPolicy.STOP_ON_ERROR) {
				return this.runs.skip(run.id(), step.stepId(), "arrêté : l'étape " + dependency + " a échoué", now);
			}
			if (!state.isFinished()) {
				return false;
			}
		}
		if (step.notBefore() != null && now.isBefore(step.notBefore())) {
			return false;
		}
		ActionConfig config = definition.actionConfig();
		Instant deadline = switch (definition.action()) {
			case WAIT -> now.plusSeconds(((ActionConfig.Wait) config).seconds());
			case SCRAPE -> now.plus(timeout(definition));
			// the call never outlasts webhook-timeout: one cut by a crash is tried again
			// then, not after the hour of the default step-timeout
			case WEBHOOK -> now.plus(callTimeout(definition));
			case CONDITION -> now.plusSeconds(60);
		};
		// a webhook step waits, pending, for a place among the calls under way
		boolean calls = config instanceof ActionConfig.Webhook;
		if (calls && !this.webhooks.reserve()) {
			return false;
		}
		// A scrape step is claimed together with its scrape: a stop between the two would
		// leave it running on nothing until its timeout (an hour by default).
		boolean claimed = (config instanceof ActionConfig.Scrape scrape)
				? Boolean.TRUE
					.equals(this.transaction.execute((tx) -> this.runs.claim(run.id(), step.stepId(), now, deadline)
							&& requestScrape(run, step.stepId(), scrape, now)))
				: this.runs.claim(run.id(), step.stepId(), now, deadline);
		if (!claimed) {
			if (calls) {
				this.webhooks.release();
			}
			return false;
		}
		LOG.info("Workflow step started: workflow={} run=run_{} step={} action={} attempt={}", run.workflowId(),
				run.id(), step.stepId(), definition.action().name().toLowerCase(), step.attempts() + 1);
		StepRun started = new StepRun(step.runId(), step.stepId(), step.position(), StepState.RUNNING,
				step.attempts() + 1, null, deadline, now, null, null, null, null);
		if (config instanceof ActionConfig.Scrape) {
			this.loop.wakeUp();
		}
		else if (config instanceof ActionConfig.Webhook webhook) {
			work.add(() -> this.webhooks.start(WebhookCalls.key(run.id(), step.stepId()),
					() -> callWebhook(run, started, definition, webhook, now)));
		}
		else if (config instanceof Condition condition) {
			work.add(() -> check(run, started, definition, condition, steps, now));
		}
		// A wait has nothing to do now: a later tick ends it at its deadline.
		return true;
	}

	private boolean requestScrape(StoredRun run, String stepId, ActionConfig.Scrape scrape, Instant now) {
		long scrapeId = this.scrapes.request(run.workflowId() + "/run_" + run.id() + "/" + stepId, scrape.batch(), now);
		this.runs.setScrape(run.id(), stepId, scrapeId);
		return true;
	}

	private void callWebhook(StoredRun run, StepRun step, StepDefinition definition, ActionConfig.Webhook webhook,
			Instant started) {
		byte[] body = this.json.writeValueAsString(summary(run, step.stepId())).getBytes(StandardCharsets.UTF_8);
		Instant now = started;
		try {
			int status = this.webhooks.sender().post(webhook.url(), body, callTimeout(definition));
			now = later(started, this.clock.instant());
			if (status >= 200 && status < 300) {
				succeed(run, step, Map.of("status_code", status), now);
			}
			else {
				fail(run, step, definition, Map.of("status_code", status), "le webhook a répondu HTTP " + status, now);
			}
		}
		catch (IOException ex) {
			now = later(started, this.clock.instant());
			fail(run, step, definition, null, "webhook injoignable : " + ex.getMessage(), now);
		}
	}

	private void check(StoredRun run, StepRun step, StepDefinition definition, Condition condition,
			Map<String, StepRun> steps, Instant now) {
		StepRun checked = steps.get(condition.step());
		ScrapeOutput output = (checked.output() != null) ? this.json.readValue(checked.output(), ScrapeOutput.class)
				: new ScrapeOutput(List.of(), null, 0, 0, 0);
		List<String> failed = condition.failedChecks(output);
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("result", failed.isEmpty());
		result.put("failed_checks", failed);
		if (failed.isEmpty()) {
			succeed(run, step, result, now);
		}
		else if (condition.onFalse() == OnFalse.SKIP) {
			this.runs.finish(run.id(), step.stepId(), StepState.SKIPPED, result,
					"Condition non remplie : " + String.join(", ", failed), now);
		}
		else {
			fail(run, step, definition, result, "Condition non remplie : " + String.join(", ", failed), now);
		}
	}

	private boolean succeed(StoredRun run, StepRun step, Object output, Instant now) {
		boolean done = this.runs.finish(run.id(), step.stepId(), StepState.SUCCEEDED, output, null, now);
		if (done) {
			LOG.info("Workflow step succeeded: workflow={} run=run_{} step={}", run.workflowId(), run.id(),
					step.stepId());
		}
		return done;
	}

	/**
	 * A failed attempt: tried again if retries are left, else failed (and, under
	 * stop_on_error, the run stops).
	 */
	private boolean fail(StoredRun run, StepRun step, StepDefinition definition, @Nullable Object output, String error,
			Instant now) {
		if (step.attempts() <= definition.retries()) {
			Duration backoff = this.properties.retryBackoff().multipliedBy(1L << Math.min(step.attempts() - 1, 16));
			LOG.info("Workflow step failed, retrying in {}: workflow={} run=run_{} step={} error={}", backoff,
					run.workflowId(), run.id(), step.stepId(), error);
			return this.runs.retry(run.id(), step.stepId(), now.plus(backoff), error);
		}
		boolean done = this.runs.finish(run.id(), step.stepId(), StepState.FAILED, output, error, now);
		if (done) {
			LOG.info("Workflow step failed: workflow={} run=run_{} step={} error={}", run.workflowId(), run.id(),
					step.stepId(), error);
		}
		if (done && run.errorPolicy() == ErrorPolicy.STOP_ON_ERROR) {
			for (StepRun other : this.runs.steps(run.id())) {
				if (other.state() == StepState.PENDING) {
					this.runs.skip(run.id(), other.stepId(), "arrêté : l'étape " + step.stepId() + " a échoué", now);
				}
			}
		}
		return done;
	}

	private void finishIfDone(StoredRun run, List<StepRun> steps, Instant now) {
		if (!steps.stream().allMatch((step) -> step.state().isFinished())) {
			return;
		}
		List<String> failed = steps.stream()
			.filter((step) -> step.state() == StepState.FAILED)
			.map(StepRun::stepId)
			.toList();
		RunStatus status = failed.isEmpty() ? RunStatus.COMPLETED : RunStatus.FAILED;
		String error = failed.isEmpty() ? null : "étape(s) en échec : " + String.join(", ", failed);
		this.transaction.executeWithoutResult((tx) -> {
			if (this.runs.finishRun(run.id(), status, error, now)) {
				this.workflows.runFinished(run.workflowId(), failed.isEmpty());
				this.counter.count(status);
				LOG.info("Workflow run finished: workflow={} run=run_{} status={}", run.workflowId(), run.id(),
						status.name().toLowerCase());
			}
		});
	}

	private static Instant later(Instant one, Instant other) {
		return one.isAfter(other) ? one : other;
	}

	private Duration timeout(StepDefinition definition) {
		return (definition.timeoutS() != null) ? Duration.ofSeconds(definition.timeoutS())
				: this.properties.stepTimeout();
	}

	private Duration callTimeout(StepDefinition definition) {
		Duration timeout = timeout(definition);
		return (timeout.compareTo(this.properties.webhookTimeout()) < 0) ? timeout : this.properties.webhookTimeout();
	}

	/** What a webhook receives: the run so far. */
	private Map<String, Object> summary(StoredRun run, String stepId) {
		Map<String, Object> summary = new LinkedHashMap<>();
		summary.put("workflow_id", run.workflowId());
		summary.put("workflow_name", run.workflowName());
		summary.put("run_id", "run_" + run.id());
		summary.put("step_id", stepId);
		summary.put("started_at", run.startedAt().toString());
		List<Map<String, Object>> steps = new ArrayList<>();
		for (StepRun step : this.runs.steps(run.id())) {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("step_id", step.stepId());
			entry.put("state", step.state().name().toLowerCase());
			entry.put("output", (step.output() != null) ? this.json.readTree(step.output()) : null);
			entry.put("error", step.error());
			steps.add(entry);
		}
		summary.put("steps", steps);
		return summary;
	}

}

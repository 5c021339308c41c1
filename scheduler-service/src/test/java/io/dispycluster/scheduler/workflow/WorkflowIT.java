package io.dispycluster.scheduler.workflow;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import io.dispycluster.scheduler.RunningScheduler;
import io.dispycluster.scheduler.StubController;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Workflows end to end against a stub controller and a local webhook receiver:
 * dependencies, parallel steps, error policies, conditions, webhooks, retries and
 * timeouts.
 */
class WorkflowIT {

	@TempDir
	static Path dataDir;

	private static StubController controller;

	private static HttpServer receiver;

	private static final ConcurrentLinkedQueue<Map<String, Object>> received = new ConcurrentLinkedQueue<>();

	private static final List<Integer> receiverAnswers = Collections.synchronizedList(new ArrayList<>());

	private static final AtomicInteger receiverCalls = new AtomicInteger();

	private static RunningScheduler scheduler;

	// the resolver of the scheduler hangs on the names of hangs.test until the tests end
	private static final CountDownLatch resolverAnswers = new CountDownLatch(1);

	@BeforeAll
	static void start() throws Exception {
		controller = new StubController();
		receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		receiver.createContext("/hook", (exchange) -> {
			received.add(JsonMapper.builder().build().readValue(exchange.getRequestBody(), Map.class));
			int call = receiverCalls.getAndIncrement();
			int status = (call < receiverAnswers.size()) ? receiverAnswers.get(call) : 200;
			exchange.sendResponseHeaders(status, -1);
			exchange.close();
		});
		receiver.createContext("/slow", (exchange) -> {
			// answers well within the webhook timeout (10 s), but after the step's own
			try {
				Thread.sleep(4000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			exchange.sendResponseHeaders(200, -1);
			exchange.close();
		});
		receiver.setExecutor(Executors.newCachedThreadPool());
		receiver.start();
		HostLookup resolver = (host) -> {
			if (host.endsWith("hangs.test")) {
				try {
					resolverAnswers.await();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				throw new UnknownHostException(host);
			}
			return HostLookup.SYSTEM.addressesOf(host);
		};
		scheduler = RunningScheduler.startWith(dataDir, controller.url(), Map.of("hostLookup", resolver),
				"--dispycluster.scheduler.workflow.retry-backoff=100ms");
	}

	@AfterAll
	static void stop() {
		resolverAnswers.countDown();
		scheduler.close();
		receiver.stop(0);
		controller.close();
	}

	@BeforeEach
	void reset() {
		controller.pollsBeforeDone = 1;
		received.clear();
		receiverAnswers.clear();
		receiverCalls.set(0);
	}

	@Test
	void runsTheUpstreamExampleOnceWithItsStepsInOrder() {
		Map<String, Object> created = scheduler.post("/workflows", """
				{"name":"Workflow de test","description":"Workflow simple pour tester le système",
				 "steps":[
				   {"step_id":"step1","name":"Scraping initial","action":"scrape",
				    "config":{"urls":["https://example.org/html"],"max_pages":1}},
				   {"step_id":"step2","name":"Attente","action":"wait","config":{"seconds":1},"depends_on":["step1"]},
				   {"step_id":"step3","name":"Scraping final","action":"scrape",
				    "config":{"urls":["https://example.org/json"],"max_pages":1},"depends_on":["step2"]}],
				 "schedule_type":"once","schedule_config":{}}""");
		assertThat(created).containsEntry("message", "Workflow créé avec succès");
		String id = (String) created.get("workflow_id");
		assertThat(id).matches("workflow_\\d+_\\d+");
		assertThat(scheduler.post("/workflows/" + id + "/run").get("message")).asString().startsWith("Workflow");

		Map<String, Object> run = awaitRun(id);
		assertThat(run).containsEntry("status", "completed");
		Map<String, Map<String, Object>> steps = steps(run);
		assertThat(steps.values()).allSatisfy((step) -> assertThat(step).containsEntry("state", "succeeded"));
		assertThat(instant(steps.get("step2"), "started_at"))
			.isAfterOrEqualTo(instant(steps.get("step1"), "finished_at"));
		assertThat(instant(steps.get("step2"), "finished_at"))
			.isAfterOrEqualTo(instant(steps.get("step2"), "started_at").plusSeconds(1));
		assertThat(instant(steps.get("step3"), "started_at"))
			.isAfterOrEqualTo(instant(steps.get("step2"), "finished_at"));
		assertThat((Map<String, Object>) steps.get("step1").get("output")).containsEntry("jobs_completed", 1)
			.containsKey("job_ids");
		List<Map<String, Object>> runs = scheduler.historyOf(id);
		assertThat(runs.stream().filter((entry) -> !"skipped".equals(entry.get("status")))).hasSize(1);
		assertThat(scheduler.getObject("/workflows/" + id)).containsEntry("status", "completed")
			.containsEntry("run_count", 1)
			.containsEntry("success_count", 1);
	}

	@Test
	void runsIndependentStepsInParallelAndJoinsThem() {
		controller.pollsBeforeDone = 3;
		String id = create(diamond("https://site.example/b", "stop_on_error"));
		Map<String, Object> run = runAndAwait(id);
		assertThat(run).containsEntry("status", "completed");
		Map<String, Map<String, Object>> steps = steps(run);
		Instant bStart = instant(steps.get("b"), "started_at");
		Instant cStart = instant(steps.get("c"), "started_at");
		Instant bEnd = instant(steps.get("b"), "finished_at");
		Instant cEnd = instant(steps.get("c"), "finished_at");
		assertThat(bStart).isBefore(cEnd);
		assertThat(cStart).isBefore(bEnd);
		assertThat(instant(steps.get("d"), "started_at")).isAfterOrEqualTo(bEnd).isAfterOrEqualTo(cEnd);
		assertThat(bStart).isAfterOrEqualTo(instant(steps.get("a"), "finished_at"));
	}

	@Test
	void stopsTheDependantsOfAFailedStepUnderStopOnError() {
		String id = create(diamond("https://site.example/fail", "stop_on_error"));
		Map<String, Object> run = runAndAwait(id);
		assertThat(run).containsEntry("status", "failed");
		assertThat((String) run.get("error")).contains("b");
		Map<String, Map<String, Object>> steps = steps(run);
		assertThat(steps.get("b")).containsEntry("state", "failed");
		assertThat(steps.get("d")).containsEntry("state", "skipped").containsEntry("attempts", 0);
		assertThat((String) steps.get("d").get("error")).contains("arrêté");
	}

	@Test
	void runsTheDependantsOfAFailedStepUnderContinueOnError() {
		String id = create(diamond("https://site.example/fail", "continue_on_error"));
		Map<String, Object> run = runAndAwait(id);
		Map<String, Map<String, Object>> steps = steps(run);
		assertThat(steps.get("b")).containsEntry("state", "failed");
		assertThat(steps.get("c")).containsEntry("state", "succeeded");
		assertThat(steps.get("d")).containsEntry("state", "succeeded");
		assertThat(run).containsEntry("status", "failed");
	}

	@Test
	void skipsWhatDependsOnAFalseCondition() {
		String id = create(conditional(10));
		Map<String, Object> run = runAndAwait(id);
		assertThat(run).containsEntry("status", "completed");
		Map<String, Map<String, Object>> steps = steps(run);
		assertThat(steps.get("check")).containsEntry("state", "skipped");
		assertThat((String) steps.get("check").get("error")).contains("Condition non remplie").contains("min_pages 10");
		assertThat(steps.get("after")).containsEntry("state", "skipped");

		String passing = create(conditional(3));
		Map<String, Map<String, Object>> passed = steps(runAndAwait(passing));
		assertThat(passed.get("check")).containsEntry("state", "succeeded");
		assertThat(passed.get("after")).containsEntry("state", "succeeded");
	}

	@Test
	void postsTheRunSoFarToAWebhookAndRetriesIt() {
		receiverAnswers.add(500);
		String id = create("""
				{"name":"hook","schedule_type":"cron","schedule_config":{"cron":"0 0 1 1 *"},
				 "steps":[
				   {"step_id":"a","name":"a","action":"scrape","config":{"urls":["https://hook.example/"]}},
				   {"step_id":"notify","name":"notify","action":"webhook","retries":1,
				    "config":{"url":"%s"},"depends_on":["a"]}]}""".formatted(hookUrl()));
		Map<String, Object> run = runAndAwait(id);
		assertThat(run).containsEntry("status", "completed");
		Map<String, Object> notify = steps(run).get("notify");
		assertThat(notify).containsEntry("state", "succeeded").containsEntry("attempts", 2);
		assertThat((Map<String, Object>) notify.get("output")).containsEntry("status_code", 200);
		assertThat(received).hasSize(2);
		Map<String, Object> body = received.peek();
		assertThat(body).containsEntry("workflow_id", id).containsEntry("step_id", "notify").containsKey("run_id");
		Map<String, Object> a = ((List<Map<String, Object>>) body.get("steps")).get(0);
		assertThat(a).containsEntry("step_id", "a").containsEntry("state", "succeeded");
		assertThat((Map<String, Object>) a.get("output")).containsEntry("pages_crawled", 3);
	}

	@Test
	void failsAWebhookStepThatOutlivesItsOwnTimeoutAndShowsWhenItEnded() {
		String id = create("""
				{"name":"hook lent","schedule_type":"cron","schedule_config":{"cron":"0 0 1 1 *"},
				 "steps":[{"step_id":"notify","name":"notify","action":"webhook","timeout_s":1,
				           "config":{"url":"%s"}}]}""".formatted(hookUrl().replace("/hook", "/slow")));
		Map<String, Object> run = runAndAwait(id);
		Map<String, Object> notify = steps(run).get("notify");
		assertThat(notify).containsEntry("state", "failed");
		assertThat((String) notify.get("error")).contains("webhook injoignable");
		// the step and the run ended when the call gave up, not when it began
		assertThat(instant(notify, "finished_at")).isAfterOrEqualTo(instant(notify, "started_at").plusSeconds(1));
		assertThat(instant(run, "finished_at")).isAfterOrEqualTo(instant(notify, "finished_at"));
	}

	@Test
	void failsAWebhookStepWhoseHostLookupHangsAtItsTimeoutNamingIt() {
		String id = create("""
				{"name":"dns muet","schedule_type":"cron","schedule_config":{"cron":"0 0 1 1 *"},
				 "steps":[{"step_id":"notify","name":"notify","action":"webhook","timeout_s":1,
				           "config":{"url":"http://hook.hangs.test/hook"}}]}""");
		// the lookup never ends while the test runs: the run ends all the same
		Map<String, Object> run = runAndAwait(id);
		assertThat(run).containsEntry("status", "failed");
		Map<String, Object> notify = steps(run).get("notify");
		assertThat(notify).containsEntry("state", "failed");
		assertThat((String) notify.get("error")).isEqualTo("webhook injoignable : pas de réponse en 1 s : "
				+ "la résolution DNS de hook.hangs.test n'a pas abouti à temps");
	}

	@Test
	void aSlowWebhookHoldsUpNoOtherRun() {
		String slow = create("""
				{"name":"hook lent","schedule_type":"cron","schedule_config":{"cron":"0 0 1 1 *"},
				 "steps":[{"step_id":"notify","name":"notify","action":"webhook",
				           "config":{"url":"%s"}}]}""".formatted(hookUrl().replace("/hook", "/slow")));
		String quick = create("""
				{"name":"rapide","schedule_type":"cron","schedule_config":{"cron":"0 0 1 1 *"},
				 "steps":[{"step_id":"a","name":"a","action":"wait","config":{"seconds":0}},
				          {"step_id":"b","name":"b","action":"wait","config":{"seconds":0},"depends_on":["a"]}]}""");
		scheduler.post("/workflows/" + slow + "/run");
		await().atMost(Duration.ofSeconds(5))
			.until(() -> scheduler.historyOf(slow).stream().anyMatch((entry) -> "running".equals(entry.get("status"))));
		Instant asked = Instant.now();
		Map<String, Object> run = runAndAwait(quick);
		// the slow webhook answers after 4 s; the other run goes on meanwhile
		assertThat(run).containsEntry("status", "completed");
		assertThat(instant(run, "finished_at")).isBefore(asked.plusSeconds(3));
		Map<String, Object> slowRun = scheduler.historyOf(slow).get(0);
		assertThat(slowRun).containsEntry("status", "running");
		// its call lasts 10 s (webhook-timeout) at most: if the service died during it,
		// the step would be tried again then, not after the hour of step-timeout
		Map<String, Object> calling = steps(
				scheduler.getObject("/workflows/" + slow + "/runs/" + slowRun.get("run_id")))
			.get("notify");
		assertThat(instant(calling, "deadline")).isEqualTo(instant(calling, "started_at").plusSeconds(10));
		assertThat(steps(awaitRun(slow)).get("notify")).containsEntry("state", "succeeded");
	}

	@Test
	void startsEveryReadyStepBeforeAFailingWebhookStopsTheRun() {
		receiverAnswers.add(500);
		// listed first, the webhook fails within the tick that starts it: the scrape
		// beside it, ready at the same time, starts all the same
		String id = create(
				"""
						{"name":"côte à côte","schedule_type":"cron","schedule_config":{"cron":"0 0 1 1 *"},
						 "steps":[
						   {"step_id":"notify","name":"notify","action":"webhook","config":{"url":"%s"}},
						   {"step_id":"crawl","name":"crawl","action":"scrape","config":{"urls":["https://side.example/"]}},
						   {"step_id":"after","name":"after","action":"wait","config":{"seconds":0},"depends_on":["notify"]}]}"""
					.formatted(hookUrl()));
		Map<String, Object> run = runAndAwait(id);
		assertThat(run).containsEntry("status", "failed");
		Map<String, Map<String, Object>> steps = steps(run);
		assertThat(steps.get("notify")).containsEntry("state", "failed");
		assertThat(steps.get("crawl")).containsEntry("state", "succeeded");
		assertThat(steps.get("after")).containsEntry("state", "skipped");
	}

	@Test
	void refusesAWebhookToAnInternalAddress() {
		String id = create("""
				{"name":"ssrf","schedule_type":"cron","schedule_config":{"cron":"0 0 1 1 *"},
				 "steps":[{"step_id":"steal","name":"steal","action":"webhook",
				           "config":{"url":"http://169.254.169.254/latest/meta-data/"}}]}""");
		Map<String, Object> steal = steps(runAndAwait(id)).get("steal");
		assertThat(steal).containsEntry("state", "failed");
		assertThat((String) steal.get("error")).contains("adresse bloquée").contains("169.254.169.254");
	}

	@Test
	void failsAStepThatOutlivesItsTimeoutAndCancelsItsJobs() {
		controller.pollsBeforeDone = 1_000_000;
		String id = create("""
				{"name":"lent","schedule_type":"cron","schedule_config":{"cron":"0 0 1 1 *"},
				 "steps":[{"step_id":"slow","name":"slow","action":"scrape","timeout_s":1,
				           "config":{"urls":["https://slow.example/","https://slower.example/"]}}]}""");
		Map<String, Object> slow = steps(runAndAwait(id)).get("slow");
		assertThat(slow).containsEntry("state", "failed");
		assertThat((String) slow.get("error")).contains("délai dépassé");
		// the run keeps what was submitted, and nothing is left running on the cluster
		List<String> jobIds = (List<String>) ((Map<String, Object>) slow.get("output")).get("job_ids");
		assertThat(jobIds).hasSize(2);
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(controller.cancelled).containsAll(jobIds));
	}

	@Test
	@SuppressWarnings("unchecked")
	void showsTheJobsOfAScrapeStepWhileItWaitsForThem() throws Exception {
		String id = create("""
				{"name":"visible","schedule_type":"cron","schedule_config":{"cron":"0 0 1 1 *"},
				 "steps":[{"step_id":"crawl","name":"crawl","action":"scrape",
				           "config":{"urls":["https://forever.visible.example/"]}}]}""");
		String runId = (String) scheduler.post("/workflows/" + id + "/run").get("run_id");
		// while the job runs (once the controller took the batch), the step names it, so
		// that a user can follow it or cancel it
		Map<String, Object> output = await().atMost(Duration.ofSeconds(30))
			.until(() -> (Map<String, Object>) steps(scheduler.getObject("/workflows/" + id + "/runs/" + runId))
				.get("crawl")
				.get("output"), (found) -> found != null && !((List<?>) found.get("job_ids")).isEmpty());
		List<String> jobIds = (List<String>) output.get("job_ids");
		assertThat(jobIds).hasSize(1);
		assertThat(output).containsEntry("jobs_completed", 0).containsEntry("jobs_failed", 0);
		assertThat((String) output.get("batch_id")).startsWith("batch_");
		assertThat(steps(scheduler.getObject("/workflows/" + id + "/runs/" + runId)).get("crawl"))
			.containsEntry("state", "running");

		// cancelled at the controller, the job fails the step, which keeps its output
		HttpResponse<Void> cancel = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(controller.url() + "/jobs/" + jobIds.get(0) + "/cancel"))
				.POST(HttpRequest.BodyPublishers.noBody())
				.build(), HttpResponse.BodyHandlers.discarding());
		assertThat(cancel.statusCode()).isEqualTo(200);
		Map<String, Object> crawl = steps(awaitRun(id)).get("crawl");
		assertThat(crawl).containsEntry("state", "failed");
		assertThat((String) crawl.get("error")).contains(jobIds.get(0) + ": cancelled");
		assertThat((Map<String, Object>) crawl.get("output")).containsEntry("job_ids", jobIds)
			.containsEntry("jobs_failed", 1);
	}

	@Test
	@SuppressWarnings("unchecked")
	void requestsTheScrapeOfAStepLeftRunningWithoutOne() {
		controller.pollsBeforeDone = 1_000_000;
		String id = create("""
				{"name":"sans scrape","schedule_type":"cron","schedule_config":{"cron":"0 0 1 1 *"},
				 "steps":[{"step_id":"crawl","name":"crawl","action":"scrape",
				           "config":{"urls":["https://lost-scrape.example/"]}}]}""");
		String runId = (String) scheduler.post("/workflows/" + id + "/run").get("run_id");
		await().atMost(Duration.ofSeconds(30))
			.until(() -> controller.batchesFor(List.of("https://lost-scrape.example/")) == 1);
		// as left by a stop between the step's start and the storing of its scrape
		JdbcClient jdbc = scheduler.context().getBean(JdbcClient.class);
		jdbc.sql("UPDATE workflow_step_run SET scrape_id = NULL WHERE run_id = :run AND step_id = 'crawl'")
			.param("run", Long.parseLong(runId.substring("run_".length())))
			.update();
		controller.pollsBeforeDone = 1;

		Map<String, Object> crawl = steps(awaitRun(id)).get("crawl");
		assertThat(crawl).containsEntry("state", "succeeded").containsEntry("attempts", 1);
		assertThat(controller.batchesFor(List.of("https://lost-scrape.example/"))).isEqualTo(2);
	}

	@Test
	@SuppressWarnings("unchecked")
	void takesTheBooleansOfAScrapeStepWrittenAsStringsAsATaskDoes() {
		String id = create("""
				{"name":"strings","schedule_type":"cron","schedule_config":{"cron":"0 0 1 1 *"},
				 "steps":[{"step_id":"a","name":"A","action":"scrape",
				           "config":{"urls":["https://strings.example/"],"same_origin_only":" False "}},
				          {"step_id":"b","name":"B","action":"scrape",
				           "config":{"urls":["https://strings.example/b"],"same_origin_only":"true"}}]}""");
		List<Map<String, Object>> steps = (List<Map<String, Object>>) scheduler.getObject("/workflows/" + id)
			.get("steps");
		assertThat((Map<String, Object>) steps.get(0).get("config")).containsEntry("same_origin_only", false);
		assertThat((Map<String, Object>) steps.get(1).get("config")).containsEntry("same_origin_only", true);
		assertThat(scheduler.invalidMessages("/workflows", """
				{"name":"bad","steps":[{"step_id":"a","name":"A","action":"scrape",
				  "config":{"urls":["https://strings.example/"],"same_origin_only":"yes"}}]}"""))
			.containsExactly(Map.entry("steps[0].config.same_origin_only", "must be true or false"));
	}

	@Test
	void refusesInvalidWorkflowsNamingEachProblem() {
		assertInvalid("""
				{"name":"cycle","steps":[
				   {"step_id":"a","name":"a","action":"wait","config":{},"depends_on":["b"]},
				   {"step_id":"b","name":"b","action":"wait","config":{},"depends_on":["a"]}]}""",
				"steps[0].depends_on");
		assertInvalid(
				"""
						{"name":"bad","steps":[
						   {"step_id":"a","name":"a","action":"shell","config":{"cmd":"rm -rf /"}},
						   {"step_id":"b","name":"b","action":"wait","config":{},"depends_on":["nope"]},
						   {"step_id":"c","name":"c","action":"condition","config":{"condition":"1 == 1"},"depends_on":["b"]}]}""",
				"steps[0].action", "steps[1].depends_on", "steps[2].config.condition", "steps[2].config.step",
				"steps[2].config.min_pages");
		assertInvalid("""
				{"name":"empty","steps":[]}""", "steps");
		StringBuilder many = new StringBuilder("{\"name\":\"many\",\"steps\":[");
		for (int i = 0; i < 21; i++) {
			many.append(i > 0 ? "," : "")
				.append("{\"step_id\":\"s")
				.append(i)
				.append("\",\"name\":\"s\",\"action\":\"wait\"}");
		}
		assertInvalid(many.append("]}").toString(), "steps");
		// an integer out of range is told the range
		assertThat(scheduler.invalidMessages("/workflows", """
				{"name":"r","steps":[{"step_id":"a","name":"a","action":"wait","retries":-1,"timeout_s":0}]}"""))
			.containsExactlyInAnyOrderEntriesOf(Map.of("steps[0].retries", "must be between 0 and 10",
					"steps[0].timeout_s", "must be between 1 and 86400"));
		// a field of the wrong type is named with those out of range
		assertInvalid("""
				{"steps":[{"step_id":"a b","name":"","action":"wait"}],"schedule_type":"cron",
				 "schedule_config":{"cron":"* *"},"error_policy":"ignore"}""", "error_policy", "name",
				"steps[0].step_id", "steps[0].name", "schedule_config.cron");
		assertInvalid("""
				{"name":7,"steps":[{"step_id":5,"name":"a","action":"wait","timeout_s":"x","retries":1.5},
				                   {"step_id":"b","name":"b","action":"wait","config":"none","depends_on":[5]},
				                   {"step_id":"c","name":"c","action":"wait","depends_on":"b"}, 3],
				 "schedule_type":"weekly","schedule_config":{"cron":"* *"}}""", "name", "steps[0].step_id",
				"steps[0].timeout_s", "steps[0].retries", "steps[1].config", "steps[1].depends_on[0]",
				"steps[2].depends_on", "steps[3]", "schedule_type");
		assertInvalid("""
				{"steps":[{"step_id":"a b","name":"","action":"wait"}],"schedule_type":"cron",
				 "schedule_config":{"cron":"* *"}}""", "name", "steps[0].step_id", "steps[0].name",
				"schedule_config.cron");
		assertInvalid("""
				{"name":"options","steps":[{"step_id":"a","name":"a","action":"scrape",
				 "config":{"urls":["https://a.example/"],"exclude_patterns":["[a-"],
				 "extract":{"title":{"selector":"h1["}},"node_labels":"eu"}}]}""", "steps[0].config.exclude_patterns.0",
				"steps[0].config.extract.title.selector", "steps[0].config.node_labels");
		// the webhook client refuses a user name and password in a URL: every run would
		// fail
		assertInvalid("""
				{"name":"secret","steps":[{"step_id":"a","name":"a","action":"webhook",
				 "config":{"url":"https://user:password@hooks.example/notify"}}]}""", "steps[0].config.url");
	}

	@Test
	@SuppressWarnings("unchecked")
	void passesTheCrawlFieldsOfAScrapeStepToItsBatch() {
		String id = create("""
				{"name":"options","schedule_type":"cron","schedule_config":{"cron":"0 0 1 1 *"},
				 "steps":[{"step_id":"a","name":"A","action":"scrape","config":{"urls":["https://options.example/"],
				   "max_depth":1,"extract":{"title":{"selector":"h1"}},"node_labels":{"zone":"eu"}}}]}""");
		Map<String, Object> workflow = scheduler.getObject("/workflows/" + id);
		Map<String, Object> config = (Map<String, Object>) ((List<Map<String, Object>>) workflow.get("steps")).get(0)
			.get("config");
		assertThat(config).containsEntry("max_depth", 1)
			.containsEntry("extract", Map.of("title", Map.of("selector", "h1")))
			.containsEntry("node_labels", Map.of("zone", "eu"));

		assertThat(runAndAwait(id)).containsEntry("status", "completed");
		Map<String, Object> batch = controller.batches.stream()
			.filter((b) -> b.get("urls").equals(List.of("https://options.example/")))
			.findFirst()
			.orElseThrow();
		assertThat(batch).containsEntry("max_depth", 1).containsEntry("node_labels", Map.of("zone", "eu"));
		assertThat((Map<String, Map<String, Object>>) batch.get("extract")).containsOnlyKeys("title")
			.extractingByKey("title")
			.satisfies((rule) -> assertThat(rule).containsEntry("selector", "h1"));
	}

	@Test
	void managesWorkflowsAndTheirRuns() {
		String id = create(conditional(1));
		assertThat(scheduler.getArray("/workflows")).extracting((w) -> w.get("id")).contains(id);
		Map<String, Object> workflow = scheduler.getObject("/workflows/" + id);
		assertThat(workflow).containsEntry("error_policy", "stop_on_error").containsEntry("enabled", true);
		assertThat((List<Map<String, Object>>) workflow.get("steps")).first()
			.satisfies((step) -> assertThat(step).containsEntry("step_id", "a")
				.containsEntry("action", "scrape")
				.containsEntry("depends_on", List.of()));

		assertThat(scheduler.post("/workflows/" + id + "/disable")).containsEntry("message", "Workflow désactivé");
		scheduler.http()
			.post()
			.uri("/workflows/" + id + "/run")
			.exchange()
			.expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:dispycluster:problem:workflow-disabled");
		assertThat(scheduler.post("/workflows/" + id + "/enable")).containsEntry("message", "Workflow activé");
		Map<String, Object> run = runAndAwait(id);
		String runId = (String) run.get("run_id");
		assertThat(scheduler.getArray("/workflows/" + id + "/runs")).extracting((r) -> r.get("run_id")).contains(runId);
		assertThat(scheduler.getArray("/workflows/" + id + "/runs?limit=1")).hasSize(1);
		// a limit out of range is told the range, however large
		for (String limit : List.of("0", "1001", "99999999999")) {
			assertBadLimit("/workflows/" + id + "/runs?limit=" + limit, "must be between 1 and 1000");
		}
		assertBadLimit("/workflows/" + id + "/runs?limit=abc", "must be an integer between 1 and 1000");
		// an unknown workflow is said so before its limit is judged
		assertWorkflowNotFound("/workflows/workflow_0_0/runs?limit=0");

		scheduler.http().put().uri("/workflows/" + id).contentType(MediaType.APPLICATION_JSON).body("""
				{"name":"renamed","steps":[{"step_id":"w","name":"w","action":"wait","config":{"seconds":0}}],
				 "schedule_type":"interval","schedule_config":{"seconds":7200}}""").exchange().expectStatus().isOk();
		assertThat(scheduler.getObject("/workflows/" + id)).containsEntry("name", "renamed")
			.containsEntry("schedule_config", Map.of("seconds", 7200));
		assertThat(scheduler.getObject("/workflows/" + id + "/runs/" + runId)).containsEntry("workflow_name",
				"conditional");

		assertThat(scheduler.http().delete().uri("/workflows/" + id).exchange().expectStatus().isOk());
		assertWorkflowNotFound("/workflows/" + id);
		// its runs go with it, as its list of runs does (history keeps them)
		assertWorkflowNotFound("/workflows/" + id + "/runs/" + runId);
		assertThat(scheduler.historyOf(id)).isNotEmpty();
	}

	@Test
	void answersAnUpdateOfAnUnknownWorkflowWithNotFoundWhateverItsBody() {
		for (String body : List.of("{}", "{\"name\":5,\"steps\":[{\"retries\":1.5}]}", "{\"steps\": ", "")) {
			scheduler.http()
				.put()
				.uri("/workflows/workflow_0_0")
				.contentType(MediaType.APPLICATION_JSON)
				.body(body)
				.exchange()
				.expectStatus()
				.isNotFound()
				.expectBody()
				.jsonPath("$.type")
				.isEqualTo("urn:dispycluster:problem:workflow-not-found")
				.jsonPath("$.workflow_id")
				.isEqualTo("workflow_0_0");
		}
		scheduler.http()
			.put()
			.uri("/workflows/" + create(conditional(1)))
			.contentType(MediaType.APPLICATION_JSON)
			.body("{}")
			.exchange()
			.expectStatus()
			.isEqualTo(422);
	}

	@Test
	void anUpdateThatKeepsTheDateOfAOnceWorkflowThatRanDoesNotRunItAgain() {
		String body = """
				{"name":"%s","schedule_type":"once","schedule_config":{"datetime":"2020-01-01T00:00:00Z"},
				 "steps":[{"step_id":"w","name":"w","action":"wait","config":{"seconds":0}}]}""";
		String id = create(body.formatted("avant"));
		awaitRun(id);
		Map<String, Object> updated = scheduler.http()
			.put()
			.uri("/workflows/" + id)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body.formatted("après"))
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.getResponseBody();
		assertThat(updated).containsEntry("next_run", null);
		assertThat(scheduler.getObject("/workflows/" + id)).containsEntry("name", "après")
			.containsEntry("next_run", null)
			.containsEntry("run_count", 1);
	}

	private static void assertBadLimit(String uri, String message) {
		scheduler.http()
			.get()
			.uri(uri)
			.exchange()
			.expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("limit")
			.jsonPath("$.errors[0].message")
			.isEqualTo(message);
	}

	private static void assertWorkflowNotFound(String uri) {
		scheduler.http()
			.get()
			.uri(uri)
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("Workflow non trouvé");
	}

	private static String diamond(String bUrl, String policy) {
		return """
				{"name":"diamond","error_policy":"%s","schedule_type":"cron","schedule_config":{"cron":"0 0 1 1 *"},
				 "steps":[
				   {"step_id":"a","name":"A","action":"scrape","config":{"urls":["https://site.example/a"]}},
				   {"step_id":"b","name":"B","action":"scrape","config":{"urls":["%s"]},"depends_on":["a"]},
				   {"step_id":"c","name":"C","action":"scrape","config":{"urls":["https://site.example/c"]},
				    "depends_on":["a"]},
				   {"step_id":"d","name":"D","action":"scrape","config":{"urls":["https://site.example/d"]},
				    "depends_on":["b","c"]}]}""".formatted(policy, bUrl);
	}

	private static String conditional(int minPages) {
		return """
				{"name":"conditional","schedule_type":"cron","schedule_config":{"cron":"0 0 1 1 *"},
				 "steps":[
				   {"step_id":"a","name":"A","action":"scrape","config":{"urls":["https://site.example/a"]}},
				   {"step_id":"check","name":"enough pages?","action":"condition",
				    "config":{"step":"a","min_pages":%d},"depends_on":["a"]},
				   {"step_id":"after","name":"after","action":"scrape","config":{"urls":["https://site.example/z"]},
				    "depends_on":["check"]}]}""".formatted(minPages);
	}

	private static String hookUrl() {
		return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
	}

	private static String create(String body) {
		return (String) scheduler.post("/workflows", body).get("workflow_id");
	}

	private static Map<String, Object> runAndAwait(String id) {
		scheduler.post("/workflows/" + id + "/run");
		return awaitRun(id);
	}

	private static Map<String, Object> awaitRun(String id) {
		String runId = await().atMost(Duration.ofSeconds(30))
			.until(() -> scheduler.historyOf(id)
				.stream()
				.filter((entry) -> entry.get("finished_at") != null && !"skipped".equals(entry.get("status")))
				.map((entry) -> (String) entry.get("run_id"))
				.findFirst()
				.orElse(null), (found) -> found != null);
		return scheduler.getObject("/workflows/" + id + "/runs/" + runId);
	}

	private static Map<String, Map<String, Object>> steps(Map<String, Object> run) {
		return ((List<Map<String, Object>>) run.get("steps")).stream()
			.collect(Collectors.toMap((step) -> (String) step.get("step_id"), (step) -> step));
	}

	private static Instant instant(Map<String, Object> step, String key) {
		return Instant.parse((String) step.get(key));
	}

	private static void assertInvalid(String body, String... fields) {
		assertThat(scheduler.invalidFields("/workflows", body)).containsExactlyInAnyOrder(fields);
	}

}

package io.dispycluster.scheduler.task;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.dispycluster.scheduler.RunningScheduler;
import io.dispycluster.scheduler.SchedulerSuiteDatabase;
import io.dispycluster.scheduler.StubController;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static java.time.DayOfWeek.SUNDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tasks end to end: the API, Quartz firing, and runs that submit batches to a stub
 * controller and follow the jobs to their real outcome.
 */
class TaskSchedulingIT {

	// milliseconds at most, as every timestamp of the API
	private static final String ISO_UTC = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,3})?Z";

	@TempDir
	static Path dataDir;

	private static StubController controller;

	private static RunningScheduler scheduler;

	@BeforeAll
	static void start() throws Exception {
		controller = new StubController();
		scheduler = RunningScheduler.start(dataDir, controller.url());
	}

	@AfterAll
	static void stop() {
		scheduler.close();
		controller.close();
	}

	@BeforeEach
	void resetController() {
		controller.pollsBeforeDone = 1;
		controller.unavailable.set(0);
		controller.refuse = false;
	}

	@Test
	void createsTheUpstreamExampleTaskWithItsTrueNextRun() {
		Instant before = Instant.now();
		Map<String, Object> created = scheduler.post("/tasks", """
				{"name":"Test scraping quotidien","urls":["https://example.org/html","https://example.org/json"],
				 "max_pages":2,"same_origin_only":true,"timeout_s":15,"priority":1,"schedule_type":"interval",
				 "schedule_config":{"seconds":300},"description":"Tâche de test pour le scraping"}""");
		assertThat(created.get("message")).isEqualTo("Tâche créée avec succès");
		String id = (String) created.get("task_id");
		assertThat(id).matches("task_\\d+_\\d+");
		Instant nextRun = Instant.parse((String) created.get("next_run"));
		assertThat(nextRun).isBetween(before.plusSeconds(299), Instant.now().plusSeconds(301));

		Map<String, Object> task = scheduler.getObject("/tasks/" + id);
		assertThat(task).containsEntry("name", "Test scraping quotidien")
			.containsEntry("urls", List.of("https://example.org/html", "https://example.org/json"))
			.containsEntry("max_pages", 2)
			.containsEntry("timeout_s", 15)
			.containsEntry("schedule_type", "interval")
			.containsEntry("schedule_config", Map.of("seconds", 300))
			.containsEntry("status", "scheduled")
			.containsEntry("enabled", true)
			.containsEntry("run_count", 0)
			.containsEntry("next_run", created.get("next_run"))
			.containsEntry("allow_concurrent_runs", false);
		assertThat((String) task.get("created_at")).matches(ISO_UTC);
		assertThat(scheduler.getArray("/tasks")).extracting((t) -> t.get("id")).contains(id);

		Map<String, Object> schedule = scheduler.getObject("/schedule");
		assertThat(schedule).containsEntry("scheduler_running", true);
		assertThat((List<Map<String, Object>>) schedule.get("jobs"))
			.anySatisfy((job) -> assertThat(job).containsEntry("id", id)
				.containsEntry("name", "execute_task")
				.containsEntry("trigger", "interval[0:05:00]")
				.containsEntry("next_run", created.get("next_run")));
	}

	@Test
	void showsTheScheduleConfigInTheOrderOfTheDocs() {
		String id = (String) scheduler.post("/tasks", """
				{"name":"ordre","urls":["https://example.org/"],"schedule_type":"cron",
				 "schedule_config":{"timezone":"Europe/Paris","cron":"0 3 * * *"}}""").get("task_id");
		String body = scheduler.http()
			.get()
			.uri("/tasks/" + id)
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(String.class)
			.getResponseBody();
		assertThat(body).contains("\"schedule_config\":{\"cron\":\"0 3 * * *\",\"timezone\":\"Europe/Paris\"}");
	}

	@Test
	void schedulesCronOnUnixSundaysInTheGivenTimeZone() {
		ZoneId paris = ZoneId.of("Europe/Paris");
		ZonedDateTime now = ZonedDateTime.now(paris);
		ZonedDateTime expected = now.with(TemporalAdjusters.nextOrSame(SUNDAY))
			.truncatedTo(ChronoUnit.DAYS)
			.withHour(6);
		if (!expected.isAfter(now)) {
			expected = expected.plusWeeks(1);
		}
		for (String sunday : List.of("0", "7")) {
			Map<String, Object> created = scheduler.post("/tasks", """
					{"name":"dimanche","urls":["https://example.org/"],"schedule_type":"cron",
					 "schedule_config":{"cron":"0 6 * * %s","timezone":"Europe/Paris"}}""".formatted(sunday));
			assertThat(Instant.parse((String) created.get("next_run"))).isEqualTo(expected.toInstant());
		}
	}

	@Test
	void refusesInvalidTasksNamingEachFieldAndStoresNothing() {
		int before = scheduler.getArray("/tasks").size();
		scheduler.http()
			.post()
			.uri("/tasks")
			.contentType(MediaType.APPLICATION_JSON)
			.body("""
					{"urls":["ftp://example.org/","https://ok.example/"],"max_pages":0,"timeout_s":301,
					 "priority":11,"schedule_type":"cron","schedule_config":{"cron":"0 6 * *"}}""")
			.exchange()
			.expectStatus()
			.isEqualTo(422)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:dispycluster:problem:invalid-request")
			.jsonPath("$.errors[*].field")
			.value(List.class, (fields) -> assertThat(fields).containsExactlyInAnyOrder("name", "urls[0]", "max_pages",
					"timeout_s", "priority", "schedule_config.cron"));
		assertInvalid("""
				{"name":"x","urls":["https://a.example/"],"schedule_type":"weekly"}""", "schedule_type");
		assertInvalid("""
				{"name":"x","urls":[],"schedule_type":"interval","schedule_config":{"seconds":0}}""", "urls",
				"schedule_config.seconds");
		assertInvalid("""
				{"name":"x","urls":["https://a.example/"],"schedule_config":{"datetime":"demain"}}""",
				"schedule_config.datetime");
		assertInvalid("""
				{"name":"x","urls":["https://a.example/"],"schedule_type":"cron",
				 "schedule_config":{"cron":"0 6 * * *","timezone":"Nowhere/Land"}}""", "schedule_config.timezone");
		assertInvalid("""
				{"name":"x","urls":"https://a.example/"}""", "urls");
		// not JSON, whatever its first character (an array never closed is no array), or
		// nothing but blanks
		for (String malformed : List.of("{\"name\": ", "[1, 2", "[", "[" + "[".repeat(5000), "  \n ")) {
			scheduler.http()
				.post()
				.uri("/tasks")
				.contentType(MediaType.APPLICATION_JSON)
				.body(malformed)
				.exchange()
				.expectStatus()
				.isBadRequest()
				.expectBody()
				.jsonPath("$.type")
				.isEqualTo("urn:dispycluster:problem:malformed-request");
		}
		assertThat(scheduler.getArray("/tasks")).hasSize(before);
	}

	@Test
	void refusesABodyTooLargeToHoldWithA413() {
		int before = scheduler.getArray("/tasks").size();
		String huge = "{\"name\":\"" + "x".repeat(3 * 1024 * 1024) + "\",\"urls\":[\"https://a.example/\"]}";
		for (String uri : List.of("/tasks", "/workflows")) {
			scheduler.http()
				.post()
				.uri(uri)
				.contentType(MediaType.APPLICATION_JSON)
				.body(huge)
				.exchange()
				.expectStatus()
				.isEqualTo(413)
				.expectHeader()
				.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody()
				.jsonPath("$.type")
				.isEqualTo("urn:dispycluster:problem:payload-too-large");
		}
		assertThat(scheduler.getArray("/tasks")).hasSize(before);
	}

	@Test
	void namesTheRangeOfAnIntegerOutOfIt() {
		// as POST /scrape names them, not one bound ("must be greater than or equal to
		// 1")
		assertThat(scheduler.invalidMessages("/tasks", """
				{"name":"x","urls":["https://a.example/"],"max_pages":0,"timeout_s":99999999999,"priority":"11"}"""))
			.containsExactlyInAnyOrderEntriesOf(Map.of("max_pages", "must be between 1 and 1000", "timeout_s",
					"must be between 1 and 300", "priority", "must be between 1 and 10"));
	}

	@Test
	void refusesEveryFieldOfTheWrongTypeInOneAnswer() {
		int before = scheduler.getArray("/tasks").size();
		assertInvalid("""
				{"name":123,"description":5,"urls":[["https://a.example/"],7],"max_pages":"ten","timeout_s":5.5,
				 "priority":true,"same_origin_only":"yes","allow_concurrent_runs":2,"schedule_type":5,
				 "schedule_config":"daily","node_labels":{"zone":5}}""", "name", "description", "urls[0]", "urls[1]",
				"max_pages", "timeout_s", "priority", "same_origin_only", "allow_concurrent_runs", "schedule_type",
				"schedule_config", "node_labels.zone");
		assertThat(scheduler.getArray("/tasks")).hasSize(before);
	}

	@Test
	void aNameWithANulCharacterIsStoredOrRefusedButNeverA500() {
		String body = """
				{"name":"nul\\u0000name","urls":["https://a.example/"],"schedule_type":"interval",
				 "schedule_config":{"seconds":3600}}""";
		if (SchedulerSuiteDatabase.isPostgresql()) {
			// PostgreSQL cannot hold the character in text: the client's value, a 400
			scheduler.http()
				.post()
				.uri("/tasks")
				.contentType(MediaType.APPLICATION_JSON)
				.body(body)
				.exchange()
				.expectStatus()
				.isBadRequest()
				.expectBody()
				.jsonPath("$.type")
				.isEqualTo("urn:dispycluster:problem:bad-request");
		}
		else {
			String id = (String) scheduler.post("/tasks", body).get("task_id");
			assertThat(scheduler.getObject("/tasks/" + id)).containsEntry("name", "nul\0name");
			scheduler.http().delete().uri("/tasks/" + id).exchange().expectStatus().isOk();
		}
	}

	@Test
	void namesTheFieldsOutOfRangeAlongWithThoseOfTheWrongType() {
		// the example of the API documentation
		scheduler.http()
			.post()
			.uri("/tasks")
			.contentType(MediaType.APPLICATION_JSON)
			.body("""
					{"name": "", "urls": ["ftp://example.org/"], "schedule_type": "hourly"}""")
			.exchange()
			.expectStatus()
			.isEqualTo(422)
			.expectBody()
			.json("""
					{"errors": [{"field": "name", "message": "must not be blank"},
					            {"field": "schedule_type", "message": "must be one of: once, interval, cron"},
					            {"field": "urls[0]", "message": "must be an http or https URL"}]}""");
		assertInvalid("""
				{"name":5,"urls":["https://a.example/"],"max_pages":5000,"priority":0}""", "name", "max_pages",
				"priority");
		// a schedule is read by its type: a bad type leaves its configuration unjudged
		assertInvalid("""
				{"name":"x","urls":[],"schedule_type":"weekly","schedule_config":{"datetime":"demain"}}""", "urls",
				"schedule_type");
	}

	@Test
	void refusesNumbersTooLargeForTheirFieldAsOutOfRange() {
		assertInvalid("""
				{"name":"x","urls":["https://a.example/"],"max_pages":99999999999,"priority":1e30,
				 "timeout_s":"-99999999999"}""", "max_pages", "priority", "timeout_s");
		assertInvalid("""
				{"name":"x","urls":["https://a.example/"],
				 "schedule_config":{"datetime":"+999999999-12-31T23:59:59Z"}}""", "schedule_config.datetime");
	}

	@Test
	void acceptsTheLaxFormsOfTheUpstream() {
		Map<String, Object> created = scheduler.post("/tasks", """
				{"name":"lax","urls":["https://lax.example/"],"max_pages":"5","priority":2.0,"timeout_s":" 7 ",
				 "same_origin_only":"false","schedule_type":"CRON","schedule_config":{"cron":"0 0 1 1 *"},
				 "max_depth":"2"}""");
		assertThat(scheduler.getObject("/tasks/" + created.get("task_id"))).containsEntry("max_pages", 5)
			.containsEntry("priority", 2)
			.containsEntry("timeout_s", 7)
			.containsEntry("same_origin_only", false)
			.containsEntry("schedule_type", "cron")
			.containsEntry("max_depth", 2);
	}

	@Test
	void passesTheCrawlFieldsAndNodeLabelsOfATaskToEveryRun() {
		Map<String, Object> created = scheduler.post("/tasks",
				"""
						{"name":"prix","urls":["https://shop.example/"],"schedule_type":"cron",
						 "schedule_config":{"cron":"0 6 * * *"},"max_depth":2,"include_patterns":["/produits/"],
						 "exclude_patterns":["\\\\.pdf$"],"delay_ms":1500,"user_agent":"PrixBot/1.0",
						 "extract":{"price":{"selector":".price","attribute":"text"},"links":{"selector":"a","attribute":"href","all":true}},
						 "node_labels":{"zone":"eu"}}""");
		String id = (String) created.get("task_id");

		assertHasThePriceCrawlFields(scheduler.getObject("/tasks/" + id));

		scheduler.post("/tasks/" + id + "/run");
		assertThat(scheduler.awaitFinishedRun(id)).containsEntry("status", "completed");
		Map<String, Object> batch = controller.batches.stream()
			.filter((b) -> b.get("urls").equals(List.of("https://shop.example/")))
			.findFirst()
			.orElseThrow();
		assertHasThePriceCrawlFields(batch);
	}

	// the fields of the "prix" task, as shown by the scheduler or sent to the controller
	@SuppressWarnings("unchecked")
	private static void assertHasThePriceCrawlFields(Map<String, Object> fields) {
		assertThat(fields).containsEntry("max_depth", 2)
			.containsEntry("include_patterns", List.of("/produits/"))
			.containsEntry("exclude_patterns", List.of("\\.pdf$"))
			.containsEntry("delay_ms", 1500)
			.containsEntry("user_agent", "PrixBot/1.0")
			.containsEntry("node_labels", Map.of("zone", "eu"));
		Map<String, Map<String, Object>> rules = (Map<String, Map<String, Object>>) fields.get("extract");
		assertThat(rules).containsOnlyKeys("price", "links");
		assertThat(rules.get("price")).containsEntry("selector", ".price").containsEntry("attribute", "text");
		assertThat(rules.get("links")).containsEntry("selector", "a")
			.containsEntry("attribute", "href")
			.containsEntry("all", true);
	}

	@Test
	void aTaskWithoutCrawlFieldsShowsNoneAndSendsNone() {
		String id = createTask("https://plain.example/");
		assertThat(scheduler.getObject("/tasks/" + id)).doesNotContainKeys("max_depth", "include_patterns",
				"exclude_patterns", "delay_ms", "user_agent", "extract", "node_labels");
	}

	@Test
	void refusesCrawlFieldsTheControllerWouldRefuse() {
		int before = scheduler.getArray("/tasks").size();
		assertInvalid("""
				{"name":"x","urls":["https://a.example/"],"max_depth":-1,"include_patterns":["("],
				 "delay_ms":600000,"user_agent":"robot é","extract":{"price":{"selector":"div[","attribute":"text"},
				 "name":{"attribute":"text"}},"node_labels":{"Zone!":"eu"}}""", "max_depth", "include_patterns.0",
				"delay_ms", "user_agent", "extract.price.selector", "extract.name.selector", "node_labels");
		assertThat(scheduler.getArray("/tasks")).hasSize(before);
	}

	@Test
	void updatingATaskReplacesItsCrawlFields() {
		String id = createTask("https://update.example/");
		scheduler.http()
			.put()
			.uri("/tasks/" + id)
			.contentType(MediaType.APPLICATION_JSON)
			.body("""
					{"name":"test","urls":["https://update.example/"],"schedule_type":"cron",
					 "schedule_config":{"cron":"0 0 1 1 *"},"max_depth":1,"node_labels":{"zone":"lan"}}""")
			.exchange()
			.expectStatus()
			.isOk();
		assertThat(scheduler.getObject("/tasks/" + id)).containsEntry("max_depth", 1)
			.containsEntry("node_labels", Map.of("zone", "lan"))
			.doesNotContainKey("extract");
	}

	private static void assertInvalid(String body, String... fields) {
		assertThat(scheduler.invalidFields("/tasks", body)).containsExactlyInAnyOrder(fields);
	}

	@Test
	void runCompletesFromTheJobsRealOutcome() {
		String id = createTask("https://site.example/a", "https://site.example/b");
		Map<String, Object> started = scheduler.post("/tasks/" + id + "/run");
		assertThat(started).containsEntry("message", "Tâche lancée immédiatement").containsKey("run_id");

		Map<String, Object> run = scheduler.awaitFinishedRun(id);
		assertThat(run).containsEntry("status", "completed")
			.containsEntry("trigger", "manual")
			.containsEntry("run_count", 1)
			.containsEntry("run_id", started.get("run_id"))
			.containsEntry("jobs_completed", 2)
			.containsEntry("jobs_failed", 0)
			.containsEntry("pages_crawled", 6);
		assertThat((List<String>) run.get("job_ids")).hasSize(2).allMatch((job) -> job.startsWith("job_"));
		assertThat(List.of(run.get("executed_at"), run.get("finished_at")))
			.allMatch((at) -> ((String) at).matches(ISO_UTC));
		Map<String, Object> task = scheduler.getObject("/tasks/" + id);
		assertThat(List.of(task.get("created_at"), task.get("updated_at"), task.get("last_run")))
			.allMatch((at) -> ((String) at).matches(ISO_UTC));
		assertThat(task).containsEntry("status", "completed")
			.containsEntry("run_count", 1)
			.containsEntry("success_count", 1)
			.containsEntry("failure_count", 0);
		Map<String, Object> batch = controller.batches.stream()
			.filter((b) -> b.get("urls").equals(List.of("https://site.example/a", "https://site.example/b")))
			.findFirst()
			.orElseThrow();
		assertThat(batch).containsEntry("max_pages", 10)
			.containsEntry("same_origin_only", true)
			.containsEntry("timeout_s", 30)
			.containsEntry("priority", 1);
		assertThat(scheduler.metrics())
			.contains("dispycluster_scheduler_runs_total{kind=\"task\",outcome=\"completed\"}");
	}

	@Test
	@SuppressWarnings("unchecked")
	void cancelsTheJobsOfARunStillUnfinishedAtTheFollowTimeout(@TempDir Path otherDataDir) {
		controller.pollsBeforeDone = 1_000_000;
		try (RunningScheduler impatient = RunningScheduler.start(otherDataDir, controller.url(),
				"--dispycluster.scheduler.runs.follow-timeout=2s",
				// its own Quartz scheduler: one of that name is shared by the whole JVM
				"--spring.quartz.scheduler-name=impatient-scheduler")) {
			String id = (String) impatient.post("/tasks", """
					{"name":"slow","urls":["https://never-done.example/"]}""").get("task_id");

			Map<String, Object> run = impatient.awaitFinishedRun(id);

			assertThat(run).containsEntry("status", "failed");
			List<String> jobIds = (List<String>) run.get("job_ids");
			assertThat(jobIds).hasSize(1);
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(controller.cancelled).containsAll(jobIds));
		}
	}

	@Test
	void failsTheRunSayingWhyTheControllerIsUnreachable(@TempDir Path otherDataDir) throws Exception {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		try (RunningScheduler alone = RunningScheduler.start(otherDataDir, "http://127.0.0.1:" + closedPort,
				"--dispycluster.scheduler.runs.submit-attempts=1", "--spring.quartz.scheduler-name=alone-scheduler")) {
			String id = (String) alone.post("/tasks", """
					{"name":"seule","urls":["https://alone.example/"]}""").get("task_id");

			Map<String, Object> run = alone.awaitFinishedRun(id);

			assertThat(run).containsEntry("status", "failed");
			assertThat((String) run.get("error")).startsWith("the controller is unreachable: ")
				.contains("http://127.0.0.1:" + closedPort)
				.endsWith("(after 1 attempt)")
				.doesNotContain("null");
		}
	}

	@Test
	void runFailsWhenAJobFails() {
		String id = createTask("https://site.example/ok", "https://site.example/fail");
		scheduler.post("/tasks/" + id + "/run");
		Map<String, Object> run = scheduler.awaitFinishedRun(id);
		assertThat(run).containsEntry("status", "failed")
			.containsEntry("jobs_completed", 1)
			.containsEntry("jobs_failed", 1)
			.containsEntry("pages_crawled", 3);
		assertThat((String) run.get("error")).contains("1 of 2 jobs did not complete").contains("HTTP 500");
		assertThat(scheduler.getObject("/tasks/" + id)).containsEntry("status", "failed")
			.containsEntry("failure_count", 1);
	}

	@Test
	@SuppressWarnings("unchecked")
	void runFailsNamingAJobCancelledByAUserWithItsWireStatus() throws Exception {
		controller.pollsBeforeDone = 1_000_000;
		String id = createTask("https://cancelled.example/");
		scheduler.post("/tasks/" + id + "/run");
		String jobId = await().until(() -> scheduler.historyOf(id)
			.stream()
			.flatMap((run) -> ((List<String>) run.get("job_ids")).stream())
			.findFirst()
			.orElse(null), (job) -> job != null);
		// A user cancels the job through the gateway, which adds the internal token.
		HttpRequest cancel = HttpRequest.newBuilder(URI.create(controller.url() + "/jobs/" + jobId + "/cancel"))
			.header("X-Internal-Token", RunningScheduler.INTERNAL_TOKEN)
			.POST(HttpRequest.BodyPublishers.noBody())
			.build();
		assertThat(HttpClient.newHttpClient().send(cancel, HttpResponse.BodyHandlers.discarding()).statusCode())
			.isEqualTo(200);

		Map<String, Object> run = scheduler.awaitFinishedRun(id);
		assertThat(run).containsEntry("status", "failed");
		assertThat((String) run.get("error")).isEqualTo("1 of 1 jobs did not complete; " + jobId + ": cancelled");
	}

	@Test
	void retriesTheSubmissionWhileTheControllerIsUnavailable() {
		String id = createTask("https://retry.example/");
		controller.unavailable.set(2);
		scheduler.post("/tasks/" + id + "/run");
		assertThat(scheduler.awaitFinishedRun(id)).containsEntry("status", "completed");
		List<String> keys = controller.idempotencyKeys.stream().filter((key) -> key.startsWith(id)).toList();
		assertThat(keys).hasSize(3).containsOnly(keys.get(0));
		assertThat(controller.batchesFor(List.of("https://retry.example/"))).isEqualTo(1);
	}

	@Test
	void failsTheRunWithTheControllersReasonWhenItRefusesTheBatch() {
		String id = createTask("https://refused.example/");
		controller.refuse = true;
		scheduler.post("/tasks/" + id + "/run");
		Map<String, Object> run = scheduler.awaitFinishedRun(id);
		assertThat(run).containsEntry("status", "failed").containsEntry("job_ids", List.of());
		assertThat((String) run.get("error")).contains("422").contains("blocked address");
	}

	@Test
	void refusesToRunADisabledTaskAndEnablingTwiceChangesNothing() {
		String id = createTask("https://disabled.example/");
		assertThat(scheduler.post("/tasks/" + id + "/disable")).containsEntry("message", "Tâche désactivée");
		assertThat(scheduler.getObject("/tasks/" + id)).containsEntry("enabled", false).containsEntry("next_run", null);
		assertThat(scheduler.getObject("/schedule").toString()).doesNotContain(id);
		scheduler.http()
			.post()
			.uri("/tasks/" + id + "/run")
			.exchange()
			.expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:dispycluster:problem:task-disabled");

		Map<String, Object> enabled = scheduler.post("/tasks/" + id + "/enable");
		assertThat(enabled).containsEntry("message", "Tâche activée");
		assertThat(enabled.get("next_run")).isNotNull();
		assertThat(scheduler.post("/tasks/" + id + "/enable")).isEqualTo(enabled);
	}

	@Test
	void keepsTheDateOfAOnceTaskRunByHandAcrossADisableAndEnable() {
		Map<String, Object> created = scheduler.post("/tasks", """
				{"name":"plus tard","urls":["https://later.example/"],"schedule_type":"once",
				 "schedule_config":{"datetime":"2099-06-01T00:00:00Z"}}""");
		String id = (String) created.get("task_id");
		scheduler.post("/tasks/" + id + "/run");
		scheduler.awaitFinishedRun(id);

		scheduler.post("/tasks/" + id + "/disable");
		// its date has not come: the run by hand was no fire of its schedule
		assertThat(scheduler.post("/tasks/" + id + "/enable")).containsEntry("next_run", "2099-06-01T00:00:00Z");
		assertThat(scheduler.getObject("/tasks/" + id)).containsEntry("next_run", "2099-06-01T00:00:00Z");
	}

	@Test
	void anUpdateThatKeepsTheDateOfAOnceTaskThatRanDoesNotRunItAgain() {
		String body = """
				{"name":"%s","urls":["https://once-updated.example/"],"schedule_type":"once",
				 "schedule_config":{"datetime":"2020-01-01T00:00:00Z"}}""";
		String id = (String) scheduler.post("/tasks", body.formatted("avant")).get("task_id");
		scheduler.awaitFinishedRun(id);
		assertThat(scheduler.getObject("/tasks/" + id)).containsEntry("schedule_config",
				Map.of("datetime", "2020-01-01T00:00:00Z"));

		assertThat(put("/tasks/" + id, body.formatted("après"))).containsEntry("next_run", null);
		assertThat(scheduler.getObject("/tasks/" + id)).containsEntry("name", "après")
			.containsEntry("next_run", null)
			.containsEntry("run_count", 1);
		// the same once task given another date in the past: that means now, as on create
		Map<String, Object> moved = put("/tasks/" + id, body.formatted("encore").replace("2020-", "2021-"));
		assertThat(moved.get("next_run")).isNotNull();
		await().atMost(Duration.ofSeconds(20))
			.until(() -> scheduler.historyOf(id).stream().filter((run) -> run.get("finished_at") != null).count(),
					(count) -> count == 2);
	}

	@Test
	void aOnceTaskThatRanGivenANewPastDateWhileDisabledRunsWhenEnabled() {
		String body = """
				{"name":"déplacée","urls":["https://moved-while-disabled.example/"],"schedule_type":"once",
				 "schedule_config":{"datetime":"%s"}}""";
		String id = (String) scheduler.post("/tasks", body.formatted("2020-01-01T00:00:00Z")).get("task_id");
		scheduler.awaitFinishedRun(id);
		scheduler.post("/tasks/" + id + "/disable");

		assertThat(put("/tasks/" + id, body.formatted("2021-01-01T00:00:00Z"))).containsEntry("next_run", null);
		// the run before was for the old date; the new one has passed: it means now
		assertThat(scheduler.post("/tasks/" + id + "/enable").get("next_run")).isNotNull();
		await().atMost(Duration.ofSeconds(20))
			.until(() -> scheduler.historyOf(id).stream().filter((run) -> run.get("finished_at") != null).count(),
					(count) -> count == 2);
		// and once it ran for that date, enabling it again does not run it again
		scheduler.post("/tasks/" + id + "/disable");
		assertThat(scheduler.post("/tasks/" + id + "/enable")).containsEntry("next_run", null);
	}

	@Test
	void anUpdateThatKeepsTheScheduleOfAnIntervalTaskKeepsItsRhythm() {
		String body = """
				{"name":"%s","urls":["https://rhythm.example/"],"schedule_type":"interval",
				 "schedule_config":{"seconds":3600}}""";
		Map<String, Object> created = scheduler.post("/tasks", body.formatted("avant"));
		String id = (String) created.get("task_id");
		assertThat(put("/tasks/" + id, body.formatted("après"))).containsEntry("next_run", created.get("next_run"));
		Map<String, Object> changed = put("/tasks/" + id, body.formatted("après").replace("3600", "7200"));
		assertThat(Instant.parse((String) changed.get("next_run")))
			.isAfter(Instant.parse((String) created.get("next_run")));
	}

	private static Map<String, Object> put(String uri, String body) {
		return scheduler.http()
			.put()
			.uri(uri)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.getResponseBody();
	}

	@Test
	void answersUnknownTasksWithTheUpstreamNotFound() {
		for (String path : List.of("/tasks/task_0_0", "/tasks/task_0_0/run", "/tasks/task_0_0/enable")) {
			var request = path.endsWith("0") ? scheduler.http().get().uri(path) : scheduler.http().post().uri(path);
			request.exchange()
				.expectStatus()
				.isNotFound()
				.expectBody()
				.jsonPath("$.detail")
				.isEqualTo("Tâche non trouvée")
				.jsonPath("$.type")
				.isEqualTo("urn:dispycluster:problem:task-not-found");
		}
	}

	@Test
	void answersAnUpdateOfAnUnknownTaskWithNotFoundWhateverItsBody() {
		Map<MediaType, List<String>> bodies = Map.of(MediaType.APPLICATION_JSON,
				List.of("{}", "{\"name\":5,\"max_pages\":0}", "{\"name\": ", "[]", ""), MediaType.TEXT_PLAIN,
				List.of("name"));
		bodies.forEach((type,
				list) -> list.forEach((body) -> scheduler.http()
					.put()
					.uri("/tasks/task_0_0")
					.contentType(type)
					.body(body)
					.exchange()
					.expectStatus()
					.isNotFound()
					.expectBody()
					.jsonPath("$.type")
					.isEqualTo("urn:dispycluster:problem:task-not-found")
					.jsonPath("$.task_id")
					.isEqualTo("task_0_0")));
		// a task that exists still has its body judged
		scheduler.http()
			.put()
			.uri("/tasks/" + createTask("https://known.example/"))
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"name\":5,\"max_pages\":0}")
			.exchange()
			.expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.errors[*].field")
			.value(List.class, (fields) -> assertThat(fields).containsExactly("max_pages", "name", "urls"));
	}

	@Test
	void deletesATaskAndKeepsItsHistory() {
		String id = createTask("https://deleted.example/");
		scheduler.post("/tasks/" + id + "/run");
		scheduler.awaitFinishedRun(id);
		scheduler.http()
			.delete()
			.uri("/tasks/" + id)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.message")
			.isEqualTo("Tâche supprimée");
		scheduler.http().get().uri("/tasks/" + id).exchange().expectStatus().isNotFound();
		assertThat(scheduler.historyOf(id)).hasSize(1);
	}

	@Test
	void updatesATaskAndItsSchedule() {
		String id = createTask("https://before.example/");
		Map<String, Object> updated = scheduler.http()
			.put()
			.uri("/tasks/" + id)
			.contentType(MediaType.APPLICATION_JSON)
			.body("""
					{"name":"après","urls":["https://after.example/"],"priority":7,"schedule_type":"interval",
					 "schedule_config":{"seconds":7200}}""")
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(Map.class)
			.getResponseBody();
		assertThat(updated).containsEntry("message", "Tâche mise à jour avec succès");
		Map<String, Object> task = scheduler.getObject("/tasks/" + id);
		assertThat(task).containsEntry("name", "après")
			.containsEntry("priority", 7)
			.containsEntry("schedule_config", Map.of("seconds", 7200));
		assertThat(Instant.parse((String) task.get("next_run"))).isAfter(Instant.now().plusSeconds(7000));
	}

	@Test
	void firesAnIntervalTaskRepeatedly() {
		String id = (String) scheduler.post("/tasks", """
				{"name":"souvent","urls":["https://often.example/"],"schedule_type":"interval",
				 "schedule_config":{"seconds":1}}""").get("task_id");
		await().atMost(Duration.ofSeconds(20))
			.until(() -> scheduler.historyOf(id)
				.stream()
				.filter((run) -> "completed".equals(run.get("status")))
				.count(), (count) -> count >= 2);
		scheduler.post("/tasks/" + id + "/disable");
		assertThat(scheduler.historyOf(id)).allSatisfy((run) -> assertThat(run.get("trigger")).isEqualTo("schedule"));
	}

	@Test
	void firesAOnceTaskAtItsDate() {
		// far enough ahead that the date is still to come when the task is stored, on a
		// busy machine
		Instant at = Instant.now().plusSeconds(5).truncatedTo(ChronoUnit.SECONDS);
		Map<String, Object> created = scheduler.post("/tasks", """
				{"name":"une fois","urls":["https://once.example/"],"schedule_type":"once",
				 "schedule_config":{"datetime":"%s"}}""".formatted(at));
		String id = (String) created.get("task_id");
		assertThat(Instant.parse((String) created.get("next_run"))).isEqualTo(at);
		Map<String, Object> run = scheduler.awaitFinishedRun(id);
		assertThat(run).containsEntry("trigger", "schedule").containsEntry("scheduled_for", at.toString());
		assertThat(Instant.parse((String) run.get("executed_at"))).isAfterOrEqualTo(at);
		assertThat(List.of("executed_at", "finished_at"))
			.allSatisfy((field) -> assertThat((String) run.get(field)).matches(ISO_UTC));
		assertThat(scheduler.getObject("/tasks/" + id)).containsEntry("next_run", null);
		// its date has passed and it ran: enabling it again does not run it again
		scheduler.post("/tasks/" + id + "/disable");
		assertThat(scheduler.post("/tasks/" + id + "/enable")).containsEntry("next_run", null);
	}

	@Test
	void neverRunsATaskTwiceAtOnceUnlessAllowed() {
		controller.pollsBeforeDone = 1_000_000;
		String id = (String) scheduler.post("/tasks", """
				{"name":"long","urls":["https://slow.example/"],"schedule_type":"interval",
				 "schedule_config":{"seconds":1}}""").get("task_id");
		await().atMost(Duration.ofSeconds(20))
			.until(() -> scheduler.historyOf(id).stream().anyMatch((run) -> "skipped".equals(run.get("status"))));
		Map<String, Object> manual = scheduler.post("/tasks/" + id + "/run");
		scheduler.post("/tasks/" + id + "/disable");
		List<Map<String, Object>> runs = scheduler.historyOf(id);
		assertThat(runs.stream().filter((run) -> "running".equals(run.get("status")))).hasSize(1);
		assertThat(manual).containsEntry("message", "Tâche déjà en cours d'exécution")
			.containsEntry("run_id", runs.get(0).get("run_id"));
		assertThat(runs.stream().filter((run) -> "skipped".equals(run.get("status"))).findFirst().orElseThrow())
			.containsEntry("error", "la précédente exécution est encore en cours");
	}

	@Test
	void givesDistinctIdsToTasksCreatedAtTheSameTime() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Callable<String>> creations = new ArrayList<>();
			for (int i = 0; i < 24; i++) {
				creations.add(() -> (String) scheduler.post("/tasks", """
						{"name":"parallèle","urls":["https://parallel.example/"],"schedule_type":"cron",
						 "schedule_config":{"cron":"0 0 1 1 *"}}""").get("task_id"));
			}
			Set<String> ids = new HashSet<>();
			for (Future<String> id : pool.invokeAll(creations)) {
				ids.add(id.get());
			}
			assertThat(ids).hasSize(24);
		}
		finally {
			pool.shutdown();
		}
	}

	@Test
	void answersChangesOfOneTaskMadeAtTheSameTimeWithoutA500() throws Exception {
		// two disables at once both found the task enabled, and the second failed to
		// remove the triggers the first had just removed: 500
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			for (int round = 0; round < 3; round++) {
				String id = createTask("https://concurrent.example/");
				List<Callable<Integer>> changes = new ArrayList<>();
				for (int i = 0; i < 6; i++) {
					changes.add(() -> status("POST", "/tasks/" + id + "/disable", null));
					changes.add(() -> status("POST", "/tasks/" + id + "/enable", null));
					changes.add(() -> status("PUT", "/tasks/" + id, """
							{"name":"changed","urls":["https://concurrent.example/"],"schedule_type":"interval",
							 "schedule_config":{"seconds":%d}}""".formatted(600 + changes.size())));
				}
				changes.add(() -> status("DELETE", "/tasks/" + id, null));
				for (Future<Integer> status : pool.invokeAll(changes)) {
					assertThat(status.get()).isIn(200, 404);
				}
			}
		}
		finally {
			pool.shutdown();
		}
	}

	private static int status(String method, String uri, String body) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(scheduler.baseUrl() + uri))
			.header("X-Internal-Token", RunningScheduler.INTERNAL_TOKEN)
			.header("Content-Type", "application/json");
		request.method(method,
				(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	@Test
	void requiresTheInternalTokenAndSendsItToTheController() {
		RestTestClient anonymous = RestTestClient.bindToServer().baseUrl(scheduler.baseUrl()).build();
		anonymous.get()
			.uri("/tasks")
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:dispycluster:problem:unauthorized");
		anonymous.get()
			.uri("/tasks")
			.header("X-Internal-Token", "forged-token-forged")
			.exchange()
			.expectStatus()
			.isUnauthorized();
		anonymous.get().uri("/health").exchange().expectStatus().isOk();
		String id = createTask("https://token.example/");
		scheduler.post("/tasks/" + id + "/run");
		scheduler.awaitFinishedRun(id);
		assertThat(controller.internalTokens).isNotEmpty().containsOnly(RunningScheduler.INTERNAL_TOKEN);
	}

	@Test
	void validatesTheHistoryLimitNamingItsRange() {
		// an integer out of range is told the range, however large; not "an integer"
		for (String limit : List.of("0", "-1", "1001", "99999999999", "-99999999999", "1" + "0".repeat(40))) {
			assertInvalidLimit("/history?limit=" + limit, "must be between 1 and 1000");
		}
		for (String limit : List.of("abc", "1.5", "5,6")) {
			assertInvalidLimit("/history?limit=" + limit, "must be an integer between 1 and 1000");
		}
		assertThat(scheduler.getArray("/history?limit=")).hasSizeLessThanOrEqualTo(50);
		assertThat(scheduler.getArray("/history?limit=2.0")).hasSizeLessThanOrEqualTo(2);
	}

	static void assertInvalidLimit(String uri, String message) {
		scheduler.http()
			.get()
			.uri(uri)
			.exchange()
			.expectStatus()
			.isEqualTo(422)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.errors.length()")
			.isEqualTo(1)
			.jsonPath("$.errors[0].field")
			.isEqualTo("limit")
			.jsonPath("$.errors[0].message")
			.isEqualTo(message);
	}

	private static String createTask(String... urls) {
		String list = String.join("\",\"", urls);
		return (String) scheduler
			.post("/tasks",
					"""
							{"name":"test","urls":["%s"],"schedule_type":"cron","schedule_config":{"cron":"0 0 1 1 *"}}"""
						.formatted(list))
			.get("task_id");
	}

}

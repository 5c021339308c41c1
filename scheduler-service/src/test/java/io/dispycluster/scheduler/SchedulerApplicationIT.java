package io.dispycluster.scheduler;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole service on a temporary data directory, started the way the cluster starts it,
 * and restarted on the same data.
 */
class SchedulerApplicationIT {

	// milliseconds at most
	private static final String ISO_UTC = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,3})?Z";

	@TempDir
	static Path dataDir;

	private static ConfigurableApplicationContext app;

	private static RestTestClient http;

	@BeforeAll
	static void start() {
		startApp();
	}

	@AfterAll
	static void stop() {
		if (app != null) {
			app.close();
		}
	}

	private static void startApp() {
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--dispycluster.data-dir=" + dataDir,
				"--DISPYCLUSTER_CONFIG=" + dataDir.resolve("missing.yml")));
		args.addAll(SchedulerSuiteDatabase.args(dataDir));
		app = new SpringApplicationBuilder(SchedulerApplication.class).run(args.toArray(String[]::new));
		String port = app.getEnvironment().getProperty("local.server.port");
		http = RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
	}

	@Test
	void describesItselfAtTheRoot() {
		http.get().uri("/").exchange().expectStatus().isOk().expectBody().json("""
				{"service":"DispyCluster Scheduler","version":"1.0.0","status":"running","scheduler_running":true,
				 "endpoints":{"health":"/health","tasks":"/tasks","workflows":"/workflows","schedule":"/schedule"}}
				""");
	}

	@Test
	void reportsHealthFromQuartz() {
		http.get()
			.uri("/health")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("healthy")
			.jsonPath("$.timestamp")
			.value(String.class, (timestamp) -> assertThat(timestamp).matches(ISO_UTC))
			.jsonPath("$.scheduler_running")
			.isEqualTo(true)
			.jsonPath("$.scheduled_tasks")
			.isNumber()
			.jsonPath("$.active_workflows")
			.isNumber();
	}

	@Test
	void exposesActuatorHealthAndPrometheusMetrics() {
		http.get()
			.uri("/actuator/health")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP");
		String metrics = http.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(String.class)
			.getResponseBody();
		assertThat(metrics).contains("dispycluster_scheduler_running 1.0").contains("jvm_memory_used_bytes");
	}

	@Test
	void answersUnknownPathsWithANotFoundProblem() {
		http.get()
			.uri("/no/such/thing")
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:dispycluster:problem:not-found")
			.jsonPath("$.status")
			.isEqualTo(404)
			.jsonPath("$.trace")
			.doesNotExist();
	}

	@Test
	void publishesItsOpenApiDescription() {
		http.get()
			.uri("/v3/api-docs")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.paths['/health']")
			.exists()
			// the limits are read by hand from text, and described as the integers they
			// are
			.jsonPath("$.paths['/history'].get.parameters[0].schema.type")
			.isEqualTo("integer")
			.jsonPath("$.paths['/history'].get.parameters[0].schema.maximum")
			.isEqualTo(1000)
			.jsonPath("$.paths['/workflows/{workflowId}/runs'].get.parameters[1].schema.type")
			.isEqualTo("integer")
			.jsonPath("$.paths['/workflows/{workflowId}/runs'].get.parameters[1].schema.minimum")
			.isEqualTo(1);
	}

	@Test
	void followsTheJacksonConventions() {
		JsonMapper json = app.getBean(JsonMapper.class);
		Instant at = Instant.parse("2026-12-04T19:20:00Z");
		assertThat(json.writeValueAsString(new Sample("http://a/", Color.DARK_RED, at)))
			.isEqualTo("{\"start_url\":\"http://a/\",\"color\":\"dark_red\",\"created_at\":\"2026-12-04T19:20:00Z\"}");
		assertThat(json.readValue("{\"start_url\":\"http://b/\",\"color\":\"DARK_red\",\"extra\":1,"
				+ "\"created_at\":\"2026-12-04T19:20:00Z\"}", Sample.class))
			.isEqualTo(new Sample("http://b/", Color.DARK_RED, at));
	}

	@Test
	void keepsQuartzJobsAcrossARestart() throws Exception {
		Scheduler quartz = app.getBean(Scheduler.class);
		JobKey job = JobKey.jobKey("restart-probe", "test");
		Date fireAt = Date.from(Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS));
		quartz.scheduleJob(JobBuilder.newJob(ProbeJob.class).withIdentity(job).usingJobData("note", "kept").build(),
				TriggerBuilder.newTrigger().withIdentity("restart-probe", "test").startAt(fireAt).build());
		app.close();

		startApp();

		Scheduler restarted = app.getBean(Scheduler.class);
		assertThat(restarted.isStarted()).isTrue();
		assertThat(restarted.getJobDetail(job).getJobDataMap().getString("note")).isEqualTo("kept");
		Trigger trigger = restarted.getTrigger(TriggerKey.triggerKey("restart-probe", "test"));
		assertThat(trigger.getNextFireTime()).isEqualTo(fireAt);
		if (!SchedulerSuiteDatabase.isPostgresql()) {
			// Kept in the H2 file under the data directory, not in memory.
			assertThat(Files.exists(dataDir.resolve("scheduler.mv.db"))).isTrue();
		}
	}

	/** A job that is only stored, never run, by these tests. */
	public static class ProbeJob implements Job {

		@Override
		public void execute(JobExecutionContext context) {
		}

	}

	record Sample(String startUrl, Color color, Instant createdAt) {
	}

	enum Color {

		DARK_RED

	}

}

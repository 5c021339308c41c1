package io.dispycluster.deploy;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.dispycluster.deploy.LocalCluster.Service;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tasks and workflows of the scheduler, run against the real controller and worker on a
 * local site, all through the gateway: a run ends from its jobs' real outcome.
 */
class ScheduledScrapeEndToEndIT extends ClusterScenarios {

	/**
	 * Link-local, like a cloud metadata address: the worker refuses it in every profile.
	 */
	private static final String REFUSED_URL = "http://169.254.169.254/latest/meta-data/";

	@Override
	LocalCluster.Builder configure(LocalCluster.Builder cluster) {
		return cluster.args("--dispycluster.worker.crawl.politeness-delay=0s",
				"--dispycluster.scheduler.runs.poll-interval=500ms");
	}

	@Test
	void aTaskRunEndsCompletedWithTheJobsItSubmitted() {
		String taskId = createTask("Contact quotidien", this.site.url("/contact.html"), this.site.url("/about.html"));

		JsonNode run = runAndAwait(taskId);

		assertThat(run.get("status").asString()).as(run.toString()).isEqualTo("completed");
		List<String> jobIds = strings(run.get("job_ids"));
		assertThat(jobIds).hasSize(2);
		List<String> startUrls = new ArrayList<>();
		for (String jobId : jobIds) {
			JsonNode job = json(gateway("/jobs/" + jobId));
			assertThat(job.get("status").asString()).isEqualTo("completed");
			startUrls.add(job.get("start_url").asString());
		}
		assertThat(startUrls).containsExactlyInAnyOrder(this.site.url("/contact.html"), this.site.url("/about.html"));
		assertThat(run.get("pages_crawled").asInt()).isEqualTo(2);
		assertThat(json(gateway("/tasks/" + taskId)).get("success_count").asInt()).isEqualTo(1);
	}

	@Test
	void aTaskRunWhoseJobFailsEndsFailed() {
		String taskId = createTask("Adresse interdite", REFUSED_URL);

		JsonNode run = runAndAwait(taskId);

		assertThat(run.get("status").asString()).as(run.toString()).isEqualTo("failed");
		assertThat(run.get("jobs_failed").asInt()).isEqualTo(1);
		JsonNode job = json(gateway("/jobs/" + strings(run.get("job_ids")).get(0)));
		assertThat(job.get("status").asString()).isEqualTo("failed");
		assertThat(json(gateway("/tasks/" + taskId)).get("failure_count").asInt()).isEqualTo(1);
	}

	@Test
	void runsTheUpstreamExampleWorkflowStepAfterStep() {
		String body = JSON.writeValueAsString(Map.of("name", "Workflow de test", "schedule_type", "once",
				"schedule_config", Map.of("datetime", "2099-01-01T00:00:00Z"), "steps",
				List.of(Map.of("step_id", "step1", "name", "Scraping initial", "action", "scrape", "config",
						Map.of("urls", List.of(this.site.url("/contact.html")), "max_pages", 1)),
						Map.of("step_id", "step2", "name", "Attente", "action", "wait", "config", Map.of("seconds", 1),
								"depends_on", List.of("step1")),
						Map.of("step_id", "step3", "name", "Scraping final", "action", "scrape", "config",
								Map.of("urls", List.of(this.site.url("/about.html")), "max_pages", 1), "depends_on",
								List.of("step2")))));
		HttpResponse<String> created = this.cluster.postJson(this.cluster.url(Service.GATEWAY, "/workflows"), body);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
		String workflowId = json(created.body()).get("workflow_id").asString();

		HttpResponse<String> started = cluster
			.postJson(this.cluster.url(Service.GATEWAY, "/workflows/" + workflowId + "/run"), "");
		assertThat(started.statusCode()).as(started.body()).isEqualTo(200);

		String runId = await("workflow run").atMost(Duration.ofMinutes(2))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> json(gateway("/workflows/" + workflowId + "/runs")),
					(runs) -> runs.size() == 1 && finished(runs.get(0)))
			.get(0)
			.get("run_id")
			.asString();
		JsonNode run = json(gateway("/workflows/" + workflowId + "/runs/" + runId));
		assertThat(run.get("status").asString()).as(run.toString()).isEqualTo("completed");
		assertThat(run.get("steps").findValuesAsString("state")).containsOnly("succeeded");
		JsonNode steps = run.get("steps");
		assertThat(instantOf(steps.get(1).get("started_at")))
			.isAfterOrEqualTo(instantOf(steps.get(0).get("finished_at")));
		assertThat(instantOf(steps.get(2).get("started_at")))
			.isAfterOrEqualTo(instantOf(steps.get(1).get("finished_at")));
	}

	private static Instant instantOf(JsonNode value) {
		return Instant.parse(value.asString());
	}

	private String createTask(String name, String... urls) {
		String body = JSON.writeValueAsString(Map.of("name", name, "urls", List.of(urls), "max_pages", 1,
				"schedule_type", "interval", "schedule_config", Map.of("seconds", 3600)));
		HttpResponse<String> created = this.cluster.postJson(this.cluster.url(Service.GATEWAY, "/tasks"), body);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
		JsonNode answer = json(created.body());
		assertThat(answer.get("message").asString()).isEqualTo("Tâche créée avec succès");
		return answer.get("task_id").asString();
	}

	private JsonNode runAndAwait(String taskId) {
		HttpResponse<String> started = this.cluster
			.postJson(this.cluster.url(Service.GATEWAY, "/tasks/" + taskId + "/run"), "");
		assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
		assertThat(json(started.body()).get("message").asString()).isEqualTo("Tâche lancée immédiatement");
		return await("run of " + taskId).atMost(Duration.ofMinutes(2))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> runOf(taskId), (run) -> run != null && finished(run));
	}

	private static boolean finished(JsonNode run) {
		return List.of("completed", "failed").contains(run.get("status").asString());
	}

	private JsonNode runOf(String taskId) {
		for (JsonNode entry : json(gateway("/history?limit=100"))) {
			if (entry.has("task_id") && entry.get("task_id").asString().equals(taskId)) {
				return entry;
			}
		}
		return null;
	}

}

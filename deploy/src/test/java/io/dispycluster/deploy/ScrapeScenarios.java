package io.dispycluster.deploy;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.dispycluster.deploy.LocalCluster.Service;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

import static io.dispycluster.deploy.FixtureSite.articlePath;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole cluster, started from its jars, crawls a local site end to end: a batch
 * submitted to the gateway is stored by the controller, dispatched to the worker, crawled
 * and shown completed through the gateway, and survives a controller restart. Run on H2
 * ({@link ScrapeEndToEndIT}) and on PostgreSQL ({@link PostgresScrapeEndToEndIT}).
 */
abstract class ScrapeScenarios extends ClusterScenarios {

	@Override
	LocalCluster.Builder configure(LocalCluster.Builder cluster) {
		// No politeness delay against our own fixture site, so the test stays fast.
		return cluster.args("--dispycluster.worker.crawl.politeness-delay=0s",
				"--dispycluster.controller.health-check-interval=1s");
	}

	@Test
	void crawlsABatchOfThreeJobsSubmittedThroughTheGateway() {
		List<String> jobIds = submitBatch(this.site.url("/"), this.site.url("/contact.html"),
				this.site.url("/section/4.html"));

		JsonNode home = awaitFinished(jobIds.get(0));
		JsonNode contact = awaitFinished(jobIds.get(1));
		JsonNode section = awaitFinished(jobIds.get(2));

		assertCompleted(home, this.site.htmlPages());
		assertThat(errorsOf(home)).containsExactlyInAnyOrderEntriesOf(
				Map.of(this.site.url("/style.css"), "HTTP 200 / type text/css", this.site.url("/report.pdf"),
						"HTTP 200 / type application/pdf", this.site.url("/logo.png"), "HTTP 200 / type image/png",
						this.site.url("/missing.html"), "HTTP 404 / type text/html; charset=utf-8",
						this.site.url(articlePath(5, 6)), "HTTP 404 / type text/html; charset=utf-8"));
		assertPii(home, this.site.url("/"), List.of("direction@fixture.test", "info@fixture.test"), List.of());
		assertPii(home, this.site.url("/about.html"), List.of("alice@fixture.test"), List.of());
		assertPii(home, this.site.url("/section/1.html"), List.of(), List.of());

		assertCompleted(contact, List.of(this.site.url("/contact.html")));
		assertThat(errorsOf(contact)).isEmpty();
		assertPii(contact, this.site.url("/contact.html"), List.of("contact@fixture.test", "sales@fixture.test"),
				List.of("+33 1 23 45 67 89", "+33612345678"));

		List<String> sectionsFourAndFive = new ArrayList<>();
		for (int s = 4; s <= 5; s++) {
			sectionsFourAndFive.add(this.site.url("/section/" + s + ".html"));
			for (int a = 1; a <= FixtureSite.ARTICLES_PER_SECTION; a++) {
				sectionsFourAndFive.add(this.site.url(articlePath(s, a)));
			}
		}
		assertCompleted(section, sectionsFourAndFive);
		assertThat(errorsOf(section)).containsExactlyEntriesOf(
				Map.of(this.site.url(articlePath(5, 6)), "HTTP 404 / type text/html; charset=utf-8"));

		assertThat(jobIdsListedByTheGateway()).containsAll(jobIds);
	}

	@Test
	void reportsEachPageInDetailAndCountsEachFinalState() {
		String jobId = submitBatch(this.site.url("/section/4.html")).get(0);

		JsonNode result = awaitFinished(jobId).get("result");
		JsonNode pages = result.get("pages");
		assertThat(result.get("states").get("crawled").asInt()).isEqualTo(12);
		assertThat(result.get("states").get("http_error").asInt()).isEqualTo(1);

		JsonNode first = pages.get(0);
		assertThat(first.get("url").asString()).isEqualTo(this.site.url("/section/4.html"));
		assertThat(first.get("status").asInt()).isEqualTo(200);
		assertThat(first.get("title").asString()).isEqualTo("Section 4");
		assertThat(first.get("depth").asInt()).isZero();
		assertThat(first.get("links").asInt()).isEqualTo(6);
		assertThat(first.get("final_url").asString()).isEqualTo(this.site.url("/section/4.html"));
		assertThat(first.get("content_type").asString()).isEqualTo("text/html; charset=utf-8");
		assertThat(first.get("bytes").asLong()).isPositive();
		assertThat(first.get("fetch_ms").asLong()).isNotNegative();
		assertThat(pages.findValuesAsString("url")).contains(this.site.url(articlePath(5, 1)));
		int depthOfFifthSectionFirstArticle = -1;
		for (JsonNode page : pages) {
			if (page.get("url").asString().equals(this.site.url(articlePath(5, 1)))) {
				depthOfFifthSectionFirstArticle = page.get("depth").asInt();
			}
		}
		assertThat(depthOfFifthSectionFirstArticle).isEqualTo(2);
	}

	@Test
	void keepsItsJobsAcrossAControllerRestart() throws IOException {
		String jobId = submitBatch(this.site.url("/about.html")).get(0);
		awaitFinished(jobId);

		this.cluster.restart(Service.CONTROLLER);

		HttpResponse<String> job = this.cluster.get(this.cluster.url(Service.GATEWAY, "/jobs/" + jobId));
		assertThat(job.statusCode()).isEqualTo(200);
		assertThat(json(job.body()).get("status").asString()).isEqualTo("completed");
		assertThat(crawledOf(json(job.body()))).containsExactly(this.site.url("/about.html"));

		// The restarted controller still dispatches: the worker is known and a new job
		// runs.
		String afterRestart = submitBatch(this.site.url("/contact.html")).get(0);
		assertThat(awaitFinished(afterRestart).get("status").asString()).isEqualTo("completed");
	}

	@Test
	void theRequestIdGivenToTheGatewayIsInTheControllersLog() {
		String body = JSON.writeValueAsString(Map.of("start_url", this.site.url("/contact.html"), "max_pages", 1));
		HttpResponse<String> response = this.cluster.postJson(this.cluster.url(Service.GATEWAY, "/scrape"), body,
				"X-Request-Id", "e2e-request-4242");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(response.headers().firstValue("X-Request-Id")).hasValue("e2e-request-4242");
		String jobId = json(response.body()).get("job_id").asString();

		await("the controller's log line for " + jobId).atMost(Duration.ofSeconds(10))
			.until(() -> Files.readAllLines(this.cluster.log(Service.CONTROLLER))
				.stream()
				.anyMatch((line) -> line.contains("[e2e-request-4242]") && line.contains("job=" + jobId)));
	}

	@Test
	void answersBadInputWithProblemDetailsThroughTheGateway() {
		HttpResponse<String> invalid = this.cluster.postJson(this.cluster.url(Service.GATEWAY, "/scrape"),
				"{\"start_url\":\"ftp://example.org/\",\"max_pages\":0,\"timeout_s\":301,\"priority\":11}");
		assertThat(invalid.statusCode()).isEqualTo(422);
		assertThat(invalid.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(json(invalid.body()).get("errors").findValuesAsString("field"))
			.containsExactlyInAnyOrder("start_url", "max_pages", "timeout_s", "priority");

		HttpResponse<String> malformed = this.cluster.postJson(this.cluster.url(Service.GATEWAY, "/scrape"),
				"{\"start_url\":");
		assertThat(malformed.statusCode()).isEqualTo(400);

		HttpResponse<String> unknown = this.cluster.get(this.cluster.url(Service.GATEWAY, "/jobs/job_unknown"));
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(json(unknown.body()).get("detail").asString()).isEqualTo("Job non trouvé");
	}

	@ParameterizedTest
	@EnumSource(Service.class)
	void everyServiceAnswersItsRootHealthAndMetrics(Service service) {
		for (String path : List.of("/", "/health", "/actuator/health", "/actuator/prometheus")) {
			assertThat(this.cluster.get(this.cluster.url(service, path)).statusCode()).as("%s %s", service, path)
				.isEqualTo(200);
		}
	}

	@Test
	void gatewayHealthSeesEveryServiceHealthy() {
		JsonNode health = json(this.cluster.get(this.cluster.url(Service.GATEWAY, "/health")).body());

		assertThat(health.get("overall_status").asString()).isEqualTo("healthy");
		for (String name : List.of("cluster_controller", "monitoring", "scheduler")) {
			assertThat(health.get("services").get(name).get("status").asString()).as(name).isEqualTo("healthy");
		}
	}

	private List<String> submitBatch(String... urls) {
		String body = JSON.writeValueAsString(Map.of("urls", List.of(urls), "max_pages", 50, "timeout_s", 10));
		HttpResponse<String> response = this.cluster.postJson(this.cluster.url(Service.GATEWAY, "/scrape/batch"), body);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode created = json(response.body());
		assertThat(created.get("message").asString()).isEqualTo(urls.length + " jobs créés avec succès");
		List<String> ids = new ArrayList<>();
		created.get("job_ids").forEach((id) -> ids.add(id.asString()));
		return ids;
	}

	private JsonNode awaitFinished(String jobId) {
		return awaitFinished(Service.GATEWAY, jobId, Duration.ofMinutes(2));
	}

	private void assertCompleted(JsonNode job, List<String> expectedCrawled) {
		assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("completed");
		assertThat(job.get("assigned_worker").asString()).isEqualTo(LocalCluster.WORKER_NODE);
		List<String> crawled = crawledOf(job);
		assertThat(crawled).containsExactlyInAnyOrderElementsOf(expectedCrawled);
		assertThat(crawled.get(0)).isEqualTo(job.get("start_url").asString());
		assertThat(job.get("result").get("pii_by_url").propertyNames()).containsExactlyInAnyOrderElementsOf(crawled);
		assertThat(job.get("pages_crawled").asInt()).isEqualTo(crawled.size());
	}

	private void assertPii(JsonNode job, String url, List<String> emails, List<String> phones) {
		JsonNode pii = job.get("result").get("pii_by_url").get(url);
		assertThat(pii).as("PII of %s", url).isNotNull();
		assertThat(strings(pii.get("emails"))).as("emails of %s", url).containsExactlyElementsOf(emails);
		assertThat(strings(pii.get("phones"))).as("phones of %s", url).containsExactlyElementsOf(phones);
	}

	private List<String> crawledOf(JsonNode job) {
		return strings(job.get("result").get("crawled"));
	}

	private Map<String, String> errorsOf(JsonNode job) {
		Map<String, String> errors = new LinkedHashMap<>();
		job.get("result")
			.get("errors")
			.properties()
			.forEach((entry) -> errors.put(entry.getKey(), entry.getValue().asString()));
		return errors;
	}

	private List<String> jobIdsListedByTheGateway() {
		return json(this.cluster.get(this.cluster.url(Service.GATEWAY, "/jobs?limit=100")).body())
			.findValuesAsString("id");
	}

}

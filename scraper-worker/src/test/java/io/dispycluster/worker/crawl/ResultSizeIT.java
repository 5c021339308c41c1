package io.dispycluster.worker.crawl;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import io.dispycluster.worker.testsupport.FixtureSite;
import io.dispycluster.worker.testsupport.StubController;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The worker's {@code max-result-size} holds both ways a result leaves it: a job's report
 * to the controller and the answer of a synchronous {@code POST /scrape}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "dispycluster.worker.node-name=size-node", "dispycluster.worker.register=false",
				"dispycluster.worker.crawl.politeness-delay=0s", "dispycluster.worker.crawl.max-result-size=64KB",
				"dispycluster.worker.report.initial-backoff=50ms" })
@AutoConfigureRestTestClient
class ResultSizeIT {

	private static final int LIMIT = 64 * 1024;

	private static final StubController CONTROLLER = StubController.start();

	private static final FixtureSite SITE = FixtureSite.start();

	// Twenty pages of 11 KB of extracted text each, linked from the start page.
	private static final String OPTIONS = "\"max_pages\":100,\"max_duration_s\":60,"
			+ "\"extract\":{\"paragraphs\":{\"selector\":\"p\",\"all\":true}}";

	static {
		StringBuilder links = new StringBuilder();
		String paragraph = "<p>" + "a".repeat(1126) + "</p>";
		for (int i = 0; i < 20; i++) {
			links.append("<a href=\"p").append(i).append("\">p").append(i).append("</a>");
			SITE.page("/big/p" + i, "<html><body>" + paragraph.repeat(10) + "</body></html>");
		}
		SITE.page("/big/", "<html><body>" + links + "</body></html>");
	}

	@Autowired
	private RestTestClient client;

	@DynamicPropertySource
	static void controllerUrl(DynamicPropertyRegistry registry) {
		registry.add("dispycluster.services.controller", CONTROLLER::baseUrl);
	}

	@AfterAll
	static void stop() {
		CONTROLLER.close();
		SITE.close();
	}

	@Test
	void reportsAJobWhoseResultReachedTheLimitAsSucceededAndSaysSo() {
		this.client.post()
			.uri("/assignments")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"job_id\":\"job_big\",\"attempt\":1,\"spec\":{\"start_url\":\"" + SITE.url("/big/")
					+ "\",\"same_origin_only\":true,\"timeout_s\":30," + OPTIONS + "}}")
			.exchange()
			.expectStatus()
			.isAccepted();

		String path = "/internal/jobs/job_big/report";
		await().atMost(Duration.ofSeconds(20)).until(() -> !CONTROLLER.bodies(path).isEmpty());
		String report = CONTROLLER.bodies(path).get(0);
		assertThat(report.getBytes(StandardCharsets.UTF_8).length).isLessThan(LIMIT + 1024);
		assertThat(JsonPath.<String>read(report, "$.outcome")).isEqualTo("succeeded");
		assertTruncated(JsonPath.parse(report).read("$.result"));
	}

	@Test
	void reportsAJobWhoseResultTheControllerRefusesAsTooLargeAsFailedAndSaysWhy() {
		String path = "/internal/jobs/job_refused/report";
		CONTROLLER.refuseBodiesOver(path, 16 * 1024);
		this.client.post()
			.uri("/assignments")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"job_id\":\"job_refused\",\"attempt\":1,\"spec\":{\"start_url\":\"" + SITE.url("/big/")
					+ "\",\"same_origin_only\":true,\"timeout_s\":30," + OPTIONS + "}}")
			.exchange()
			.expectStatus()
			.isAccepted();

		await().atMost(Duration.ofSeconds(20)).until(() -> CONTROLLER.bodies(path).size() == 2);
		String failure = CONTROLLER.bodies(path).get(1);
		assertThat(JsonPath.<String>read(failure, "$.outcome")).isEqualTo("failed");
		assertThat(JsonPath.<Integer>read(failure, "$.attempt")).isEqualTo(1);
		assertThat(JsonPath.<Object>read(failure, "$.result")).isNull();
		assertThat(JsonPath.<String>read(failure, "$.error"))
			.matches("Result too large for the controller: the report of this attempt \\(6 pages, \\d+ bytes of JSON\\)"
					+ " is more than .*\\(Le corps de la requête dépasse 16 Ko\\).*");
		// the attempt is over: not listed as running or reporting any more
		await().atMost(Duration.ofSeconds(5))
			.until(() -> !this.client.get()
				.uri("/assignments")
				.exchange()
				.expectBody(String.class)
				.returnResult()
				.getResponseBody()
				.contains("job_refused"));
	}

	@Test
	void answersASynchronousScrapeWithinTheLimitAndSaysSo() {
		String body = this.client.post()
			.uri("/scrape")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"start_url\":\"" + SITE.url("/big/") + "\"," + OPTIONS + "}")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();

		assertThat(body).isNotNull();
		assertThat(body.strip().getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(LIMIT);
		assertTruncated(JsonPath.parse(body.strip()).read("$"));
	}

	private static void assertTruncated(Object result) {
		String json = JsonPath.parse(result).jsonString();
		assertThat(JsonPath.<String>read(json, "$.stop_reason")).isEqualTo("max_result_size");
		assertThat(JsonPath.<Integer>read(json, "$.states.result_full")).isEqualTo(1);
		assertThat(JsonPath.<String>read(json, "$.errors['" + SITE.url("/big/p5") + "']"))
			.startsWith("Crawled but not recorded: the result reached the worker's limit of 64 KB");
		assertThat(JsonPath.<List<String>>read(json, "$.crawled")).hasSize(6);
	}

}

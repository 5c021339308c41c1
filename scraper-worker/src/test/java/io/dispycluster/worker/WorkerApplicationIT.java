package io.dispycluster.worker;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.web.server.LocalServerPort;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The running worker: its own endpoints, actuator, a synchronous crawl, registration.
 */
class WorkerApplicationIT extends WorkerITSupport {

	@LocalServerPort
	private int port;

	@Test
	void answersRootAndHealthInTheContractsShapes() {
		this.client.get()
			.uri("/")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.service")
			.isEqualTo("DispyCluster Scraper Worker")
			.jsonPath("$.status")
			.isEqualTo("running");
		this.client.get()
			.uri("/health")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.json("{\"status\":\"ok\",\"node\":\"it-node\",\"capacity\":2,\"active_jobs\":0}")
			.jsonPath("$.system.memory_percent")
			.isNumber()
			.jsonPath("$.system.disk_percent")
			.isNumber()
			.jsonPath("$.system.uptime_s")
			.isNumber();
	}

	@Test
	void exposesActuatorHealthAndDomainMetrics() {
		this.client.get()
			.uri("/actuator/health")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP");
		String metrics = this.client.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(metrics).contains("dispycluster_worker_pages_total{", "dispycluster_worker_fetched_bytes_total",
				"dispycluster_worker_fetch_latency_seconds_bucket{", "dispycluster_worker_active_jobs ",
				"dispycluster_worker_robots_denials_total", "dispycluster_worker_blocked_addresses_total");
	}

	@Test
	void crawlsSynchronously() {
		SITE.page("/sync/",
				"<html><head><title>Sync</title></head><body>"
						+ "<a href='a.html'>a</a> <a href='missing.html'>m</a> sync@example.org</body></html>")
			.page("/sync/a.html", "<html><body>01 23 45 67 89</body></html>");

		this.client.post()
			.uri("/scrape")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"start_url\":\"" + SITE.url("/sync/") + "\",\"max_pages\":5,\"timeout_s\":5}")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.crawled.length()")
			.isEqualTo(2)
			.jsonPath("$.pii_by_url['" + SITE.url("/sync/") + "'].emails[0]")
			.isEqualTo("sync@example.org")
			.jsonPath("$.pii_by_url['" + SITE.url("/sync/a.html") + "'].phones[0]")
			.isEqualTo("01 23 45 67 89")
			.jsonPath("$.errors['" + SITE.url("/sync/missing.html") + "']")
			.isEqualTo("HTTP 404 / type text/html;charset=utf-8")
			.jsonPath("$.pages[0].title")
			.isEqualTo("Sync")
			.jsonPath("$.stop_reason")
			.isEqualTo("frontier_exhausted");
	}

	@Test
	void readsExtractionRulesIntoEachPagesData() {
		SITE.page("/extract/", "<html><body><h1>Shop</h1><ul><li><a href='a.html'>A</a></li>"
				+ "<li><a href='b.html'>B</a></li></ul></body></html>");

		this.client.post()
			.uri("/scrape")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"start_url\":\"" + SITE.url("/extract/") + "\",\"max_pages\":1,\"extract\":{"
					+ "\"heading\":{\"selector\":\"h1\"},\"items\":{\"selector\":\"li a\",\"attribute\":\"href\","
					+ "\"all\":true},\"missing\":{\"selector\":\".none\"}}}")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.pages[0].data.heading")
			.isEqualTo("Shop")
			.jsonPath("$.pages[0].data.items[1]")
			.isEqualTo(SITE.url("/extract/b.html"))
			.jsonPath("$.pages[0].data.missing")
			.doesNotExist();
	}

	@Test
	void answersProblemsAndNeverAStackTrace() {
		this.client.post()
			.uri("/scrape")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"start_url\":")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		this.client.post()
			.uri("/scrape")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"max_pages\":0}")
			.exchange()
			.expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.errors.length()")
			.isEqualTo(2);
	}

	@ParameterizedTest
	@ValueSource(booleans = { true, false })
	void refusesABodyOverItsLimitWithAProblemWithoutReadingItWhole(boolean declaredLength) throws Exception {
		// 64 KB in the tests; about 100 MB ran the worker out of memory before the limit
		byte[] body = ("{\"start_url\":\"" + SITE.url("/sync/") + "\",\"x\":\"" + "a".repeat(200 * 1024) + "\"}")
			.getBytes(StandardCharsets.UTF_8);
		HttpRequest.BodyPublisher publisher = declaredLength ? HttpRequest.BodyPublishers.ofByteArray(body)
				: HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body));
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/scrape"))
			.header("Content-Type", "application/json")
			.POST(publisher)
			.build();

		// well under the server's 2 MB of a refused body it reads on: the answer is not
		// lost to a connection closed while the body is still being sent
		HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.body()).contains("\"type\":\"urn:dispycluster:problem:payload-too-large\"",
				"Le corps de la requête dépasse 64 Ko");
	}

	@Test
	void registersWithTheControllerRetryingUntilItAnswers() {
		await().atMost(Duration.ofSeconds(10)).until(() -> CONTROLLER.bodies("/internal/workers/register").size() >= 2);

		assertThat(CONTROLLER.bodies("/internal/workers/register").get(1)).contains("\"node\":\"it-node\"")
			.contains("\"capacity\":2")
			.contains("\"url\":\"http://localhost:")
			.contains("\"labels\":{\"model\":\"pi4\",\"zone\":\"attic\"}")
			.containsPattern("\"instance_id\":\"[0-9a-f-]{36}\"");
		// One id per process: the controller takes a new one for a restart.
		assertThat(instanceId(CONTROLLER.bodies("/internal/workers/register").get(0)))
			.isEqualTo(instanceId(CONTROLLER.bodies("/internal/workers/register").get(1)));
	}

	private static String instanceId(String registration) {
		Matcher matcher = Pattern.compile("\"instance_id\":\"([^\"]+)\"").matcher(registration);
		assertThat(matcher.find()).as(registration).isTrue();
		return matcher.group(1);
	}

}

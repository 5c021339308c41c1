package io.dispycluster.worker.scrape;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import io.dispycluster.worker.WorkerITSupport;
import io.dispycluster.worker.testsupport.FixtureSite.Request;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A synchronous {@code POST /scrape} and its client: a client that waits through a long
 * crawl gets its result; one that goes away (killed, or tired of waiting) stops the crawl
 * instead of leaving it to fetch pages for a result nobody reads.
 */
@ExtendWith(OutputCaptureExtension.class)
class SynchronousScrapeClientIT extends WorkerITSupport {

	/** Far more pages than the tests wait for: a crawl that goes on is plain to see. */
	private static final int CHAIN = 300;

	private static final Duration PAGE_DELAY = Duration.ofMillis(200);

	@LocalServerPort
	private int port;

	@Test
	void stopsCrawlingWhenItsClientDisconnects(CapturedOutput output) throws Exception {
		String start = chainOfSlowPages("/gone-disconnect/");
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			OutputStream out = socket.getOutputStream();
			out.write(post(scrapeBody(start)).getBytes(StandardCharsets.UTF_8));
			out.flush();
			await().atMost(Duration.ofSeconds(10)).until(() -> requests("/gone-disconnect/").size() >= 2);
		}

		assertTheCrawlStops("/gone-disconnect/");
		await().atMost(Duration.ofSeconds(5))
			.until(() -> output.getOut().contains("Synchronous crawl of " + start + " abandoned: its client left"));
	}

	@Test
	void stopsCrawlingWhenItsClientGivesUpWaiting() throws Exception {
		String start = chainOfSlowPages("/gone-gave-up/");
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/scrape"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(scrapeBody(start)))
			.build();
		HttpResponse<InputStream> response = HttpClient.newHttpClient()
			.send(request, HttpResponse.BodyHandlers.ofInputStream());
		assertThat(response.statusCode()).isEqualTo(200);

		// Closed before its end, the body's stream closes the connection.
		try (InputStream body = response.body()) {
			await().atMost(Duration.ofSeconds(10)).until(() -> requests("/gone-gave-up/").size() >= 2);
		}

		assertTheCrawlStops("/gone-gave-up/");
	}

	@Test
	void answersAClientThatWaitsThroughALongCrawl() {
		SITE.slowPage("/long-wait/", Duration.ofMillis(1500), "<html><body><a href='a.html'>a</a></body></html>")
			.slowPage("/long-wait/a.html", Duration.ofMillis(1500), "<html><head><title>A</title></head></html>");

		String body = this.client.post()
			.uri("/scrape")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"start_url\":\"" + SITE.url("/long-wait/") + "\",\"timeout_s\":10,\"delay_ms\":0}")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType(MediaType.APPLICATION_JSON)
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();

		assertThat(body).as("kept alive with white space").startsWith(" ");
		assertThat(JsonPath.<List<String>>read(body, "$.crawled")).containsExactly(SITE.url("/long-wait/"),
				SITE.url("/long-wait/a.html"));
		assertThat(JsonPath.<String>read(body, "$.stop_reason")).isEqualTo("frontier_exhausted");
	}

	// Once the crawl has gone quiet, it must stay quiet, well short of the chain's end.
	private static void assertTheCrawlStops(String prefix) {
		await().atMost(Duration.ofSeconds(15)).until(() -> quietFor(prefix, Duration.ofSeconds(1)));
		int stoppedAt = requests(prefix).size();
		await().during(Duration.ofSeconds(2))
			.atMost(Duration.ofSeconds(5))
			.until(() -> requests(prefix).size() == stoppedAt);
		assertThat(stoppedAt).isLessThan(CHAIN);
	}

	private static String chainOfSlowPages(String prefix) {
		for (int i = 1; i <= CHAIN; i++) {
			SITE.slowPage(prefix + i, PAGE_DELAY, "<html><body><a href='" + (i + 1) + "'>next</a></body></html>");
		}
		return SITE.url(prefix + 1);
	}

	private static boolean quietFor(String prefix, Duration quiet) {
		List<Request> requests = requests(prefix);
		return !requests.isEmpty()
				&& System.nanoTime() - requests.get(requests.size() - 1).nanoTime() > quiet.toNanos();
	}

	private static List<Request> requests(String prefix) {
		return SITE.requests().stream().filter((request) -> request.path().startsWith(prefix)).toList();
	}

	private static String scrapeBody(String start) {
		return "{\"start_url\":\"" + start + "\",\"max_pages\":" + CHAIN + ",\"timeout_s\":5,\"delay_ms\":0}";
	}

	private String post(String body) {
		return "POST /scrape HTTP/1.1\r\nHost: 127.0.0.1:" + this.port + "\r\nContent-Type: application/json\r\n"
				+ "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
	}

}

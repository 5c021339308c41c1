package io.dispycluster.worker.assignment;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import io.dispycluster.worker.ScraperWorkerApplication;
import io.dispycluster.worker.testsupport.FixtureSite;
import io.dispycluster.worker.testsupport.StubController;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A job's first progress reaches the controller soon after its crawl starts, with the
 * default progress interval: until then the controller shows the job at 0 pages with no
 * current URL, however far the crawl has gone.
 */
class FirstProgressIT {

	private final StubController controller = StubController.start();

	private final FixtureSite site = FixtureSite.start();

	private ConfigurableApplicationContext worker;

	@AfterEach
	void stop() {
		if (this.worker != null) {
			this.worker.close();
		}
		this.controller.close();
		this.site.close();
	}

	@Test
	void sendsTheFirstProgressOfAJobWithinASecondOrTwoOfItsStart() throws Exception {
		this.site.page("/first/", "<html><body><a href='slow.html'>slow</a></body></html>")
			.slowPage("/first/slow.html", Duration.ofSeconds(30), "<html></html>");
		this.worker = new SpringApplicationBuilder(ScraperWorkerApplication.class).run("--server.port=0",
				"--spring.main.banner-mode=off", "--dispycluster.worker.register=false",
				"--dispycluster.worker.crawl.politeness-delay=0s", "--dispycluster.worker.report.progress-interval=5s",
				"--dispycluster.services.controller=" + this.controller.baseUrl());
		int port = ((WebServerApplicationContext) this.worker).getWebServer().getPort();

		assertThat(assign(port, "job_p1", "/first/")).isEqualTo(202);

		String progress = "/internal/jobs/job_p1/progress";
		await().atMost(Duration.ofMillis(2500))
			.until(() -> this.controller.bodies(progress)
				.stream()
				.anyMatch((body) -> body.contains("\"pages_done\":1")
						&& body.contains("\"current_url\":\"" + this.site.url("/first/slow.html") + "\"")));
	}

	private int assign(int port, String jobId, String path) throws Exception {
		String body = "{\"job_id\":\"" + jobId + "\",\"attempt\":1,\"spec\":{\"start_url\":\"" + this.site.url(path)
				+ "\",\"max_pages\":5,\"same_origin_only\":true,\"timeout_s\":60,\"max_duration_s\":120}}";
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/assignments"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
	}

}

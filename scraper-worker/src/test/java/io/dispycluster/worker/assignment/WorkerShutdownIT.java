package io.dispycluster.worker.assignment;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

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
 * A worker that is stopped hands its running jobs back before it exits: each gets a
 * {@code cancelled} report, so that the controller requeues it at once instead of waiting
 * for failed health checks to find the worker gone.
 */
class WorkerShutdownIT {

	private final StubController controller = StubController.start();

	private final FixtureSite site = FixtureSite.start();

	@AfterEach
	void stop() {
		this.controller.close();
		this.site.close();
	}

	@Test
	void reportsItsRunningJobsCancelledWhenItStops() throws Exception {
		this.site.slowPage("/slow-1/", Duration.ofSeconds(30), "<html></html>")
			.slowPage("/slow-2/", Duration.ofSeconds(30), "<html></html>");
		ConfigurableApplicationContext worker = new SpringApplicationBuilder(ScraperWorkerApplication.class).run(
				"--server.port=0", "--spring.main.banner-mode=off", "--dispycluster.worker.node-name=leaving-node",
				"--dispycluster.worker.capacity=2", "--dispycluster.services.controller=" + this.controller.baseUrl());
		int port = ((WebServerApplicationContext) worker).getWebServer().getPort();
		assertThat(assign(port, "job_s1", "/slow-1/")).isEqualTo(202);
		assertThat(assign(port, "job_s2", "/slow-2/")).isEqualTo(202);
		await().until(() -> this.site.requestedPaths().containsAll(List.of("/slow-1/", "/slow-2/")));

		worker.close();

		for (String job : new String[] { "job_s1", "job_s2" }) {
			assertThat(this.controller.bodies("/internal/jobs/" + job + "/report")).as(job)
				.singleElement()
				.satisfies((body) -> assertThat(body).contains("\"attempt\":1", "\"node\":\"leaving-node\"",
						"\"outcome\":\"cancelled\""));
		}
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

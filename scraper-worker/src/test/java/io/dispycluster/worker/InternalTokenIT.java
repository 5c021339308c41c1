package io.dispycluster.worker;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * A worker with the cluster's internal token refuses every call that does not carry it,
 * so that nothing on the LAN but the controller can make it crawl; its health stays open
 * for monitoring and load balancers.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "dispycluster.worker.register=false",
		"dispycluster.security.internal-token=" + InternalTokenIT.TOKEN })
class InternalTokenIT {

	static final String TOKEN = "worker-internal-token-0123456789";

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Test
	void refusesAnAssignmentWithoutTheToken() throws Exception {
		HttpResponse<String> response = post("/assignments", null);
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.body()).contains("urn:dispycluster:problem:unauthorized").doesNotContain(TOKEN);
	}

	@Test
	void refusesASynchronousScrapeWithAWrongToken() throws Exception {
		assertThat(post("/scrape", "not-the-token-0123456789").statusCode()).isEqualTo(401);
	}

	@Test
	void letsTheControllerThrough() throws Exception {
		// past the token check: the empty body is then refused as malformed
		assertThat(post("/assignments", TOKEN).statusCode()).isEqualTo(400);
	}

	@Test
	void keepsHealthOpen() throws Exception {
		HttpResponse<String> response = this.http.send(
				HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/health")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
	}

	@Test
	void productionRefusesToStartWithoutAToken() {
		assertThatException()
			.isThrownBy(() -> new SpringApplicationBuilder(ScraperWorkerApplication.class).run(
					"--spring.profiles.active=production", "--server.port=0", "--dispycluster.worker.register=false",
					"--DISPYCLUSTER_CONFIG=/nonexistent/dispycluster.yml"))
			.withStackTraceContaining("dispycluster.security.internal-token must be set");
	}

	private HttpResponse<String> post(String path, String token) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(""));
		if (token != null) {
			request.header("X-Internal-Token", token);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}

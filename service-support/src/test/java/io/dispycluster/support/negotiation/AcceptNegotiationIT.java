package io.dispycluster.support.negotiation;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service answers its JSON whatever {@code Accept} its client sends: a browser's
 * {@code text/html}, a health-check tool's {@code text/plain}, or a header that is not a
 * list of media types at all.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.jackson.property-naming-strategy=SNAKE_CASE", "spring.mvc.problemdetails.enabled=true" })
class AcceptNegotiationIT {

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@ParameterizedTest(name = "Accept: {0}")
	@ValueSource(strings = { "text/html", "text/plain", "application/xml",
			"text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "garbage", "application/json;q=abc" })
	void answersJsonWhateverTypeIsAsked(String accept) throws Exception {
		HttpResponse<String> response = get("/health", accept);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
		assertThat(response.body()).isEqualTo("{\"status\":\"healthy\",\"accept_seen\":true}");
	}

	@ParameterizedTest(name = "Accept: {0}")
	@ValueSource(strings = { "text/html", "garbage" })
	void answersProblemsWhateverTypeIsAsked(String accept) throws Exception {
		HttpResponse<String> response = get("/broken", accept);

		assertThat(response.statusCode()).isEqualTo(503);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.body()).contains("\"status\":503");
	}

	@ParameterizedTest(name = "Accept: {0}")
	@ValueSource(strings = { "text/plain", "text/html, text/plain;q=0.5" })
	void stillGivesATypeAskedForWhenTheEndpointProducesIt(String accept) throws Exception {
		HttpResponse<String> response = get("/text", accept);

		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/plain"));
	}

	private HttpResponse<String> get(String path, String accept) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.header("Accept", accept)
			.GET()
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	@SpringBootApplication
	static class TestApplication {

		@RestController
		static class Endpoints {

			@GetMapping("/health")
			Health health(@RequestHeader(name = "Accept", required = false) String accept) {
				return new Health("healthy", accept == null || !accept.contains("garbage"));
			}

			@GetMapping("/broken")
			Health broken() {
				throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "down for the test");
			}

			@GetMapping(path = "/text", produces = "text/plain")
			String text() {
				return "plain";
			}

		}

		record Health(String status, boolean acceptSeen) {
		}

	}

}

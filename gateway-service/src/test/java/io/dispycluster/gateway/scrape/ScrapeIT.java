package io.dispycluster.gateway.scrape;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;

import io.dispycluster.gateway.support.GatewayTestSupport;
import io.dispycluster.gateway.support.StubService.Recorded;
import io.dispycluster.gateway.support.StubService.Reply;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /scrape} and {@code /scrape/batch}: JSON bodies and the upstream's query
 * forms reach the controller as JSON objects, and its answer comes back as it is.
 */
class ScrapeIT extends GatewayTestSupport {

	private static final String CREATED = "{\"message\":\"Job créé avec succès\",\"job_id\":\"job_1\",\"status\":\"pending\"}";

	private static final String BATCH_CREATED = "{\"message\":\"2 jobs créés avec succès\",\"job_ids\":[\"job_2\",\"job_3\"],"
			+ "\"batch_id\":\"batch_1\"}";

	@Test
	void forwardsAJsonBodyAndReturnsTheControllersAnswer() {
		CONTROLLER.on("POST", "/scrape", (request) -> Reply.json(200, CREATED));
		String body = "{\"start_url\":\"http://127.0.0.1:9/\",\"max_pages\":20,\"priority\":5,\"extra\":{\"a\":1}}";

		HttpResponse<String> response = post("/scrape", body, "Content-Type", "application/json");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo(CREATED);
		Recorded received = CONTROLLER.last("/scrape");
		assertThat(received.header("Content-Type")).startsWith("application/json");
		assertThat(this.json.readTree(received.body())).isEqualTo(this.json.readTree(body));
	}

	@Test
	void readsABodyInTheCharsetItsContentTypeDeclares() {
		CONTROLLER.on("POST", "/scrape", (request) -> Reply.json(200, CREATED));
		CONTROLLER.on("POST", "/scrape/batch", (request) -> Reply.json(200, BATCH_CREATED));
		String single = "{\"start_url\":\"http://café.example/\",\"note\":\"été\"}";
		String batch = "[\"http://café.example/\"]";

		HttpResponse<String> scraped = send(request("/scrape", "Content-Type", "application/json; charset=ISO-8859-1")
			.POST(HttpRequest.BodyPublishers.ofString(single, StandardCharsets.ISO_8859_1)));
		HttpResponse<String> batched = send(
				request("/scrape/batch", "Content-Type", "application/json;charset=windows-1252")
					.POST(HttpRequest.BodyPublishers.ofString(batch, Charset.forName("windows-1252"))));

		assertThat(scraped.statusCode()).isEqualTo(200);
		assertThat(this.json.readTree(CONTROLLER.last("/scrape").body())).isEqualTo(this.json.readTree(single));
		assertThat(batched.statusCode()).isEqualTo(200);
		assertThat(this.json.readTree(CONTROLLER.last("/scrape/batch").body()).path("urls").get(0).asString())
			.isEqualTo("http://café.example/");
	}

	@Test
	void forwardsTheIdempotencyKeyAndRequestIdOfBothForms() {
		// the stub controller answers with the headers it received
		CONTROLLER.on("POST", "/scrape", ScrapeIT::echoHeaders);
		CONTROLLER.on("POST", "/scrape/batch", ScrapeIT::echoHeaders);

		HttpResponse<String> single = post("/scrape", "{\"start_url\":\"http://x/\"}", "Content-Type",
				"application/json", "Idempotency-Key", "retry-me-1", "X-Request-Id", "req-1");
		HttpResponse<String> batch = post("/scrape/batch?urls=http%3A%2F%2Fx%2F", "", "Idempotency-Key", "retry-me-2",
				"X-Request-Id", "req-2");
		HttpResponse<String> without = post("/scrape", "{\"start_url\":\"http://x/\"}", "Content-Type",
				"application/json");

		assertThat(body(single).path("idempotency_key").asString()).isEqualTo("retry-me-1");
		assertThat(body(single).path("request_id").asString()).isEqualTo("req-1");
		assertThat(body(batch).path("idempotency_key").asString()).isEqualTo("retry-me-2");
		assertThat(body(batch).path("request_id").asString()).isEqualTo("req-2");
		assertThat(body(without).path("idempotency_key").isNull()).isTrue();
		assertThat(body(without).path("request_id").asString()).isNotBlank();
	}

	private static Reply echoHeaders(Recorded request) {
		String key = request.header("Idempotency-Key");
		return Reply.json(200, "{\"idempotency_key\":" + ((key != null) ? "\"" + key + "\"" : "null")
				+ ",\"request_id\":\"" + request.header("X-Request-Id") + "\"}");
	}

	@Test
	void passesTheControllersRefusalThrough() {
		String invalid = "{\"type\":\"urn:dispycluster:problem:validation\",\"title\":\"Invalid request\",\"status\":422,"
				+ "\"errors\":[{\"field\":\"max_pages\",\"message\":\"must be between 1 and 1000\"}]}";
		CONTROLLER.on("POST", "/scrape", (request) -> Reply.problem(422, invalid));

		HttpResponse<String> response = post("/scrape", "{\"start_url\":\"http://x/\",\"max_pages\":0}", "Content-Type",
				"application/json");

		assertThat(response.statusCode()).isEqualTo(422);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.body()).isEqualTo(invalid);
	}

	@Test
	void passesTheControllersRetryAfterThrough() {
		String unavailable = "{\"type\":\"urn:dispycluster:problem:storage-unavailable\",\"title\":\"Storage unavailable\","
				+ "\"status\":503}";
		CONTROLLER.on("POST", "/scrape",
				(request) -> Reply.problem(503, unavailable)
					.withHeader("Retry-After", "5")
					.withHeader("Cache-Control", "no-store"));
		CONTROLLER.on("POST", "/scrape/batch",
				(request) -> Reply.problem(429, unavailable).withHeader("Retry-After", "7"));

		HttpResponse<String> single = post("/scrape", "{\"start_url\":\"http://x/\"}", "Content-Type",
				"application/json");
		HttpResponse<String> batch = post("/scrape/batch?urls=http%3A%2F%2Fx%2F", "");

		assertThat(single.statusCode()).isEqualTo(503);
		assertThat(single.headers().firstValue("Retry-After")).hasValue("5");
		assertThat(single.headers().firstValue("Cache-Control")).hasValue("no-store");
		assertThat(single.headers().allValues("X-Request-Id")).hasSize(1);
		assertThat(single.body()).isEqualTo(unavailable);
		assertThat(batch.statusCode()).isEqualTo(429);
		assertThat(batch.headers().firstValue("Retry-After")).hasValue("7");
	}

	@Test
	void passesTheBodysValuesToTheControllerAsSent() {
		CONTROLLER.on("POST", "/scrape", (request) -> Reply.json(200, CREATED));

		HttpResponse<String> response = post("/scrape",
				"{\"start_url\":\"http://x/a\\ud800b/é\",\"timeout_s\":1e400,"
						+ "\"max_pages\":1.5e-400,\"priority\":12345678901234567890123}",
				"Content-Type", "application/json");

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode sent = this.json.reader()
			.with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
			.readTree(CONTROLLER.last("/scrape").body());
		assertThat(sent.path("start_url").asString()).isEqualTo("http://x/a\ud800b/é");
		assertThat(sent.path("timeout_s").decimalValue()).isEqualByComparingTo("1e400");
		assertThat(sent.path("max_pages").decimalValue()).isEqualByComparingTo("1.5e-400");
		assertThat(sent.path("priority").bigIntegerValue()).isEqualTo(new BigInteger("12345678901234567890123"));
	}

	@Test
	void refusesAQueryFormWhoseEscapesAreNotUtf8AsARouteDoes() {
		CONTROLLER.on("POST", "/scrape", (request) -> Reply.json(200, CREATED));

		// %E9 is é in Latin-1: decoded as UTF-8 it became U+FFFD, another URL
		HttpResponse<String> latin1 = post("/scrape?start_url=http%3A%2F%2Fx%2Fcaf%E9", "");
		HttpResponse<String> routed = get("/jobs?q=caf%E9");
		HttpResponse<String> utf8 = post("/scrape?start_url=http%3A%2F%2Fx%2Fcaf%C3%A9+noir&max_pages=2", "");

		for (HttpResponse<String> refused : List.of(latin1, routed)) {
			assertThat(refused.statusCode()).isEqualTo(400);
			assertThat(body(refused).path("type").asString()).isEqualTo("urn:dispycluster:problem:bad-request");
			assertThat(body(refused).path("detail").asString())
				.isEqualTo("Requête illisible : chaîne de requête invalide");
		}
		assertThat(utf8.statusCode()).isEqualTo(200);
		assertThat(CONTROLLER.requests()).hasSize(1);
		assertThat(this.json.readTree(CONTROLLER.last("/scrape").body()).path("start_url").asString())
			.isEqualTo("http://x/café noir");
	}

	@Test
	void acceptsTheQueryParameterFormWithAnEmptyBodyOfAnyType() {
		// curl -X POST '.../scrape?start_url=...' -d '' declares an empty form body
		CONTROLLER.on("POST", "/scrape", (request) -> Reply.json(200, CREATED));
		CONTROLLER.on("POST", "/scrape/batch", (request) -> Reply.json(200, BATCH_CREATED));

		HttpResponse<String> single = post("/scrape?start_url=http%3A%2F%2Fx%2F&max_pages=2", "", "Content-Type",
				"application/x-www-form-urlencoded");
		HttpResponse<String> batch = post("/scrape/batch?urls=http%3A%2F%2Fx%2F", "", "Content-Type", "text/plain");

		assertThat(single.statusCode()).isEqualTo(200);
		assertThat(this.json.readTree(CONTROLLER.last("/scrape").body()).path("max_pages").asInt()).isEqualTo(2);
		assertThat(batch.statusCode()).isEqualTo(200);
		assertThat(this.json.readTree(CONTROLLER.last("/scrape/batch").body()).path("urls").get(0).asString())
			.isEqualTo("http://x/");
	}

	@Test
	void acceptsTheQueryParameterFormWithoutABodyOfAnyDeclaredType() throws IOException {
		// curl -X POST '.../scrape?start_url=...' -H 'Content-Type: ...' sends no body,
		// and
		// no Content-Length either
		CONTROLLER.on("POST", "/scrape", (request) -> Reply.json(200, CREATED));

		String answer;
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), this.port)) {
			socket.setSoTimeout(10_000);
			socket.getOutputStream()
				.write(("POST /scrape?start_url=http%3A%2F%2Fx%2F HTTP/1.1\r\nHost: localhost\r\n"
						+ "Content-Type: application/x-www-form-urlencoded\r\nConnection: close\r\n\r\n")
					.getBytes(StandardCharsets.UTF_8));
			answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		}

		assertThat(answer).startsWith("HTTP/1.1 200");
		assertThat(this.json.readTree(CONTROLLER.last("/scrape").body()).path("start_url").asString())
			.isEqualTo("http://x/");
	}

	@Test
	void acceptsTheQueryParameterForm() {
		CONTROLLER.on("POST", "/scrape", (request) -> Reply.json(200, CREATED));

		HttpResponse<String> response = post(
				"/scrape?start_url=http%3A%2F%2F127.0.0.1%3A9%2F%3Fa%3D1%26b%3D2&max_pages=3&same_origin_only=false"
						+ "&timeout_s=10&priority=2",
				"");

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode sent = this.json.readTree(CONTROLLER.last("/scrape").body());
		assertThat(sent.path("start_url").asString()).isEqualTo("http://127.0.0.1:9/?a=1&b=2");
		assertThat(sent.path("max_pages").isInt()).isTrue();
		assertThat(sent.path("max_pages").asInt()).isEqualTo(3);
		assertThat(sent.path("same_origin_only").isBoolean()).isTrue();
		assertThat(sent.path("same_origin_only").asBoolean()).isFalse();
		assertThat(sent.path("timeout_s").asInt()).isEqualTo(10);
		assertThat(sent.path("priority").asInt()).isEqualTo(2);
	}

	@Test
	void leavesBadQueryValuesForTheControllerToJudge() {
		CONTROLLER.on("POST", "/scrape", (request) -> Reply.problem(422, "{\"status\":422}"));

		HttpResponse<String> response = post("/scrape?start_url=http://x/&max_pages=lots", "");

		assertThat(response.statusCode()).isEqualTo(422);
		assertThat(this.json.readTree(CONTROLLER.last("/scrape").body()).path("max_pages").asString())
			.isEqualTo("lots");
	}

	@Test
	void forwardsABatchObject() {
		CONTROLLER.on("POST", "/scrape/batch", (request) -> Reply.json(200, BATCH_CREATED));
		String body = "{\"urls\":[\"http://127.0.0.1:9/a\",\"http://127.0.0.1:9/b\"],\"max_pages\":10,\"priority\":5}";

		HttpResponse<String> response = post("/scrape/batch", body, "Content-Type", "application/json");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo(BATCH_CREATED);
		assertThat(this.json.readTree(CONTROLLER.last("/scrape/batch").body())).isEqualTo(this.json.readTree(body));
	}

	@Test
	void acceptsABareArrayOfUrlsWithOptionsInTheQuery() {
		CONTROLLER.on("POST", "/scrape/batch", (request) -> Reply.json(200, BATCH_CREATED));

		HttpResponse<String> response = post("/scrape/batch?max_pages=2&priority=3",
				"[\"http://127.0.0.1:9/a\",\"http://127.0.0.1:9/b\"]", "Content-Type", "application/json");

		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode sent = this.json.readTree(CONTROLLER.last("/scrape/batch").body());
		assertThat(sent.path("urls").toString()).isEqualTo("[\"http://127.0.0.1:9/a\",\"http://127.0.0.1:9/b\"]");
		assertThat(sent.path("max_pages").asInt()).isEqualTo(2);
		assertThat(sent.path("priority").asInt()).isEqualTo(3);
	}

	@Test
	void passesTheBatchRefusalThrough() {
		CONTROLLER.on("POST", "/scrape/batch", (request) -> Reply.problem(422, "{\"status\":422,\"errors\":[]}"));

		HttpResponse<String> response = post("/scrape/batch", "{\"urls\":[]}", "Content-Type", "application/json");

		assertThat(response.statusCode()).isEqualTo(422);
	}

	@Test
	void refusesMalformedJsonWith400() {
		HttpResponse<String> response = post("/scrape", "{\"start_url\":", "Content-Type", "application/json");

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		// the problem every service answers, the controller's POST /scrape included
		JsonNode problem = body(response);
		assertThat(problem.path("type").asString()).isEqualTo("urn:dispycluster:problem:malformed-request");
		assertThat(problem.path("title").asString()).isEqualTo("Malformed request");
		assertThat(problem.path("detail").asString()).isEqualTo("Le corps de la requête n'est pas un JSON valide");
		assertThat(CONTROLLER.requests()).isEmpty();
	}

	@Test
	void refusesJsonThatIsNotAnObjectAsTheControllerDoes() {
		HttpResponse<String> single = post("/scrape", "[\"http://x/\"]", "Content-Type", "application/json");
		HttpResponse<String> batch = post("/scrape/batch", "\"http://x/\"", "Content-Type", "application/json");

		assertThat(single.statusCode()).isEqualTo(422);
		assertThat(body(single).path("type").asString()).isEqualTo("urn:dispycluster:problem:invalid-request");
		assertThat(body(single).path("detail").asString()).isEqualTo("Champ invalide : body");
		assertThat(body(single).path("errors").toString())
			.isEqualTo("[{\"field\":\"body\",\"message\":\"must be a JSON object\"}]");
		assertThat(batch.statusCode()).isEqualTo(422);
		assertThat(body(batch).path("errors").toString())
			.isEqualTo("[{\"field\":\"body\",\"message\":\"must be a JSON object or an array of URLs\"}]");
		assertThat(CONTROLLER.requests()).isEmpty();
	}

	@Test
	void refusesFormBodiesWith415() {
		HttpResponse<String> response = post("/scrape", "{\"start_url\":\"http://x/\"}", "Content-Type",
				"application/x-www-form-urlencoded");

		assertThat(response.statusCode()).isEqualTo(415);
		assertThat(body(response).path("detail").asString()).contains("application/json");
	}

	@Test
	void namesAContentTypeItCannotReadIn415() {
		HttpResponse<String> unknownCharset = post("/scrape", "{\"start_url\":\"http://x/\"}", "Content-Type",
				"application/json; charset=bogus");
		HttpResponse<String> unreadable = post("/scrape/batch", "[\"http://x/\"]", "Content-Type", "json");

		assertThat(unknownCharset.statusCode()).isEqualTo(415);
		assertThat(body(unknownCharset).path("type").asString())
			.isEqualTo("urn:dispycluster:problem:unsupported-media-type");
		assertThat(body(unknownCharset).path("detail").asString())
			.isEqualTo("Content-Type illisible ou jeu de caractères inconnu : application/json; charset=bogus");
		assertThat(unreadable.statusCode()).isEqualTo(415);
		assertThat(body(unreadable).path("detail").asString())
			.isEqualTo("Content-Type illisible ou jeu de caractères inconnu : json");
		assertThat(CONTROLLER.requests()).isEmpty();
	}

	@Test
	void refusesACompressedBodyWith415RatherThanCallingItMalformed() throws IOException {
		ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
		try (GZIPOutputStream out = new GZIPOutputStream(gzipped)) {
			out.write("{\"start_url\":\"http://x/\"}".getBytes(StandardCharsets.UTF_8));
		}

		HttpResponse<String> response = send(
				request("/scrape", "Content-Type", "application/json", "Content-Encoding", "gzip")
					.POST(HttpRequest.BodyPublishers.ofByteArray(gzipped.toByteArray())));

		assertThat(response.statusCode()).isEqualTo(415);
		assertThat(response.headers().firstValue("Accept-Encoding")).hasValue("identity");
		assertThat(body(response).path("type").asString()).isEqualTo("urn:dispycluster:problem:unsupported-media-type");
		assertThat(body(response).path("detail").asString()).isEqualTo("Content-Encoding non pris en charge : gzip");
		assertThat(CONTROLLER.requests()).isEmpty();
	}

	@Test
	void refusesOtherMethodsWithAProblem() {
		HttpResponse<String> response = get("/scrape");

		assertThat(response.statusCode()).isEqualTo(405);
		assertThat(body(response).path("type").asString()).isEqualTo("urn:dispycluster:problem:method-not-allowed");
	}

	@Test
	void answers502WhenTheControllerIsDown() {
		CONTROLLER.stop();

		HttpResponse<String> response = post("/scrape", "{\"start_url\":\"http://x/\"}", "Content-Type",
				"application/json");

		assertThat(response.statusCode()).isEqualTo(502);
		assertThat(body(response).path("service").asString()).isEqualTo("cluster_controller");
	}

	@Test
	void answers504WhenTheControllerIsTooSlow() {
		CONTROLLER.hang("POST", "/scrape/batch");

		HttpResponse<String> response = post("/scrape/batch", "{\"urls\":[\"http://x/\"]}", "Content-Type",
				"application/json");

		assertThat(response.statusCode()).isEqualTo(504);
	}

}

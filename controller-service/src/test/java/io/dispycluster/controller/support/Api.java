package io.dispycluster.controller.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A plain HTTP client of the controller API for integration tests, reading answers as
 * JSON trees.
 */
public final class Api {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final String baseUrl;

	private final String token;

	public Api(String baseUrl) {
		this(baseUrl, null);
	}

	/**
	 * A client that sends the internal token on every call.
	 * @param baseUrl the controller's base URL
	 * @param token the internal token, or null
	 */
	public Api(String baseUrl, String token) {
		this.baseUrl = baseUrl;
		this.token = token;
	}

	public String baseUrl() {
		return this.baseUrl;
	}

	public Response get(String path) {
		return send(HttpRequest.newBuilder(URI.create(this.baseUrl + path)).GET());
	}

	public Response get(String path, String header, String value) {
		return send(HttpRequest.newBuilder(URI.create(this.baseUrl + path)).header(header, value).GET());
	}

	public Response post(String path, String json) {
		return send(HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json)));
	}

	public Response post(String path, String json, String header, String value) {
		return send(HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.header("Content-Type", "application/json")
			.header(header, value)
			.POST(HttpRequest.BodyPublishers.ofString(json)));
	}

	public Response post(String path) {
		return send(HttpRequest.newBuilder(URI.create(this.baseUrl + path)).POST(HttpRequest.BodyPublishers.noBody()));
	}

	/** Submits one job and returns its id. */
	public String submit(String body) {
		Response response = post("/scrape", body);
		if (response.status() != 200) {
			throw new IllegalStateException("Submission refused: " + response);
		}
		return response.json().get("job_id").stringValue();
	}

	/** Submits a batch and returns its job ids. */
	public List<String> submitBatch(String body) {
		Response response = post("/scrape/batch", body);
		if (response.status() != 200) {
			throw new IllegalStateException("Batch refused: " + response);
		}
		List<String> ids = new ArrayList<>();
		response.json().get("job_ids").forEach((id) -> ids.add(id.stringValue()));
		return ids;
	}

	public JsonNode job(String id) {
		return get("/jobs/" + id).json();
	}

	public String status(String id) {
		return job(id).get("status").stringValue();
	}

	private Response send(HttpRequest.Builder request) {
		if (this.token != null) {
			request.header("X-Internal-Token", this.token);
		}
		try {
			HttpResponse<String> response = this.http.send(request.timeout(Duration.ofSeconds(20)).build(),
					HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.body(),
					response.headers().firstValue("Content-Type").orElse(""),
					response.headers().firstValue("X-Request-Id").orElse(null));
		}
		catch (IOException ex) {
			throw new IllegalStateException("Call failed: " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * An answer.
	 *
	 * @param status the HTTP status
	 * @param body the body as text
	 * @param contentType the Content-Type header
	 * @param requestId the X-Request-Id header, or null
	 */
	public record Response(int status, String body, String contentType, String requestId) {

		public JsonNode json() {
			return JSON.readTree(this.body);
		}

	}

}

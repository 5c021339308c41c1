package io.dispycluster.scheduler;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.awaitility.Awaitility.await;

/**
 * The scheduler service running in this JVM on a data directory, started the way the
 * cluster starts it (command-line overrides, no shared configuration file, an internal
 * token), with quick polling so that tests need not wait.
 */
public final class RunningScheduler implements AutoCloseable {

	private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {
	};

	private static final ParameterizedTypeReference<List<Map<String, Object>>> ARRAY = new ParameterizedTypeReference<>() {
	};

	private final ConfigurableApplicationContext context;

	private final RestTestClient http;

	/**
	 * The cluster's internal token in these tests: the service requires it from callers
	 * and sends it to the controller.
	 */
	public static final String INTERNAL_TOKEN = "scheduler-tests-internal-token";

	private RunningScheduler(ConfigurableApplicationContext context) {
		this.context = context;
		String port = context.getEnvironment().getProperty("local.server.port");
		this.http = RestTestClient.bindToServer()
			.baseUrl("http://localhost:" + port)
			.defaultHeader("X-Internal-Token", INTERNAL_TOKEN)
			.build();
	}

	public static RunningScheduler start(Path dataDir, String controllerUrl, String... args) {
		return start(dataDir, controllerUrl, null, args);
	}

	/**
	 * Starts the service.
	 * @param clock the clock the service reads, or null for the system's
	 */
	public static RunningScheduler start(Path dataDir, String controllerUrl, Clock clock, String... args) {
		return startWith(dataDir, controllerUrl, (clock != null) ? Map.of("clock", clock) : Map.of(), args);
	}

	/**
	 * Starts the service with beans of the test's own (a clock, a resolver, ...) in place
	 * of the service's.
	 * @param beans the beans by name
	 */
	public static RunningScheduler startWith(Path dataDir, String controllerUrl, Map<String, Object> beans,
			String... args) {
		List<String> all = new ArrayList<>(List.of("--server.port=0", "--dispycluster.data-dir=" + dataDir,
				"--DISPYCLUSTER_CONFIG=" + dataDir.resolve("missing.yml"),
				"--dispycluster.services.controller=" + controllerUrl,
				"--dispycluster.security.internal-token=" + INTERNAL_TOKEN,
				"--dispycluster.scheduler.runs.poll-interval=100ms",
				"--dispycluster.scheduler.runs.submit-backoff=100ms"));
		all.addAll(SchedulerSuiteDatabase.args(dataDir));
		all.addAll(List.of(args));
		SpringApplicationBuilder builder = new SpringApplicationBuilder(SchedulerApplication.class);
		if (!beans.isEmpty()) {
			builder.initializers((context) -> beans.forEach(context.getBeanFactory()::registerSingleton));
		}
		return new RunningScheduler(builder.run(all.toArray(String[]::new)));
	}

	/** The service's base URL. */
	public String baseUrl() {
		return "http://localhost:" + this.context.getEnvironment().getProperty("local.server.port");
	}

	public RestTestClient http() {
		return this.http;
	}

	public ConfigurableApplicationContext context() {
		return this.context;
	}

	/** A JSON object from a GET that must answer 200. */
	public Map<String, Object> getObject(String uri) {
		return this.http.get().uri(uri).exchange().expectStatus().isOk().returnResult(OBJECT).getResponseBody();
	}

	/** A JSON array from a GET that must answer 200. */
	public List<Map<String, Object>> getArray(String uri) {
		return this.http.get().uri(uri).exchange().expectStatus().isOk().returnResult(ARRAY).getResponseBody();
	}

	/** The answer of a POST with a JSON body that must answer 200. */
	public Map<String, Object> post(String uri, String json) {
		return this.http.post()
			.uri(uri)
			.header("Content-Type", "application/json")
			.body(json)
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(OBJECT)
			.getResponseBody();
	}

	/** The answer of a POST without a body that must answer 200. */
	public Map<String, Object> post(String uri) {
		return this.http.post().uri(uri).exchange().expectStatus().isOk().returnResult(OBJECT).getResponseBody();
	}

	/** The fields a POST with a JSON body names in its 422 problem. */
	public List<String> invalidFields(String uri, String json) {
		return errors(uri, json).stream().map((error) -> (String) error.get("field")).toList();
	}

	/**
	 * The problem of an invalid body POSTed: each field named, with its message (the last
	 * one of a field named twice).
	 */
	public Map<String, String> invalidMessages(String uri, String json) {
		Map<String, String> messages = new LinkedHashMap<>();
		errors(uri, json).forEach((error) -> messages.put((String) error.get("field"), (String) error.get("message")));
		return messages;
	}

	private List<Map<?, ?>> errors(String uri, String json) {
		Map<String, Object> problem = this.http.post()
			.uri(uri)
			.header("Content-Type", "application/json")
			.body(json)
			.exchange()
			.expectStatus()
			.isEqualTo(422)
			.returnResult(OBJECT)
			.getResponseBody();
		return ((List<?>) problem.get("errors")).stream().<Map<?, ?>>map((error) -> (Map<?, ?>) error).toList();
	}

	/** The service's Prometheus metrics, as scraped. */
	public String metrics() {
		return this.http.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(String.class)
			.getResponseBody();
	}

	/**
	 * The first finished run of a task or workflow in the history, waited for up to 20 s.
	 */
	public Map<String, Object> awaitFinishedRun(String id) {
		return await().atMost(Duration.ofSeconds(20))
			.until(() -> historyOf(id).stream()
				.filter((run) -> run.get("finished_at") != null)
				.findFirst()
				.orElse(null), (run) -> run != null);
	}

	/** The history entries of a task or workflow, oldest first. */
	public List<Map<String, Object>> historyOf(String id) {
		return getArray("/history?limit=1000").stream()
			.filter((entry) -> id.equals(entry.get("task_id")) || id.equals(entry.get("workflow_id")))
			.toList();
	}

	@Override
	public void close() {
		this.context.close();
	}

}

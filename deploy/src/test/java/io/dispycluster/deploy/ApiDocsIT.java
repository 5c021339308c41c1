package io.dispycluster.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.dispycluster.deploy.ApiDocExamples.Call;
import io.dispycluster.deploy.ApiDocExamples.Capture;
import io.dispycluster.deploy.ApiDocExamples.EndpointSection;
import io.dispycluster.deploy.ApiDocExamples.Example;
import io.dispycluster.deploy.LocalCluster.Service;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Every curl example of {@code docs/api.md}, run as written (through bash and curl), in
 * document order, against one running cluster and the local fixture site, so that the
 * reference cannot drift from the services.
 *
 * <p>
 * The documented addresses ({@code http://localhost:8084} and the other default ports,
 * and the example sites such as {@code https://example.org}) are replaced by the test
 * cluster's and the fixture site's. Each call must answer the status the docs give; where
 * the docs show the answer, the real one must have the same content type and the same
 * top-level fields (a {@code "..."} field in the docs means "and more"), and a problem
 * the same {@code type}. Ids that an example {@code sets} flow into later examples as
 * environment VARIABLES. An example that only reads is tried again for a while when it
 * documents a state reached later (a job finished, a sample collected).
 */
class ApiDocsIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(30);

	private static final Pattern EXAMPLE_SITE = Pattern
		.compile("https?://(?:[a-z0-9-]+\\.)*example(?:\\.org|\\.com)?(?=[/\"'\\s])");

	private static final Map<String, Service> DOCUMENTED_PORTS = Map.of("8080", Service.WORKER, "8081",
			Service.CONTROLLER, "8082", Service.MONITORING, "8083", Service.SCHEDULER, "8084", Service.GATEWAY);

	/** Shadows curl in each example's shell: records every answer in numbered files. */
	private static final String RECORDING_CURL = """
			curl() {
			  local n=$(( $(cat "$ANSWERS/count") + 1 ))
			  echo "$n" > "$ANSWERS/count"
			  command curl -sS --max-time 60 -D "$ANSWERS/$n.headers" -o "$ANSWERS/$n.body" -w '%{http_code}' "$@" \\
			    > "$ANSWERS/$n.status"
			  local code=$?
			  cat "$ANSWERS/$n.body"
			  return $code
			}
			""";

	@TempDir
	static Path workDir;

	static FixtureSite site;

	static LocalCluster cluster;

	private static final Map<String, String> VARIABLES = new LinkedHashMap<>();

	@BeforeAll
	static void startClusterAndSite() throws IOException {
		site = FixtureSite.start();
		// The default politeness delay (1 s) stays: it keeps a crawl of a few pages
		// running
		// long enough for the cancellation examples. A larger worker capacity leaves room
		// for the examples that send the worker a job of their own.
		cluster = LocalCluster.start(workDir, "--dispycluster.worker.capacity=8",
				"--dispycluster.controller.health-check-interval=1s",
				"--dispycluster.monitoring.collection.interval=2s",
				"--dispycluster.scheduler.runs.poll-interval=500ms");
	}

	@AfterAll
	static void stopEverything() {
		if (cluster != null) {
			cluster.close();
		}
		if (site != null) {
			site.close();
		}
	}

	@TestFactory
	Stream<DynamicTest> everyCurlExampleAnswersAsDocumented() throws IOException {
		List<Example> examples = ApiDocExamples.read(apiDoc());
		assertThat(examples).hasSizeGreaterThan(50);
		return examples.stream().map((example) -> DynamicTest.dynamicTest(example.toString(), () -> run(example)));
	}

	@Test
	void everyDocumentedEndpointHasACurlExample() throws IOException {
		List<String> lines = Files.readAllLines(apiDoc());
		List<EndpointSection> sections = ApiDocExamples.endpointSections(lines, ApiDocExamples.parse(lines));
		assertThat(sections).hasSizeGreaterThan(40);
		assertThat(sections)
			.allSatisfy((section) -> assertThat(section.calls()).as("curl calls under \"%s\"", section.heading())
				.isGreaterThanOrEqualTo(section.endpoints()));
	}

	private static void run(Example example) throws IOException, InterruptedException {
		Instant deadline = Instant.now().plus(SETTLE_TIMEOUT);
		while (true) {
			List<Answer> answers = execute(example);
			List<String> mismatches = mismatches(example, answers);
			if (mismatches.isEmpty()) {
				capture(example, answers);
				return;
			}
			if (!example.readOnly() || Instant.now().isAfter(deadline)) {
				fail("%s%n%s%ndiffers from the docs:%n  %s", example, example.script(),
						String.join("\n  ", mismatches));
			}
			Thread.sleep(500);
		}
	}

	private static List<Answer> execute(Example example) throws IOException, InterruptedException {
		Path answers = Files.createTempDirectory(workDir, "answers");
		Files.writeString(answers.resolve("count"), "0");
		ProcessBuilder bash = new ProcessBuilder("bash", "-c", RECORDING_CURL + localAddresses(example.script()))
			.redirectErrorStream(true)
			.redirectOutput(answers.resolve("output").toFile());
		bash.environment().putAll(VARIABLES);
		bash.environment().put("ANSWERS", answers.toString());
		Process process = bash.start();
		if (!process.waitFor(90, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			fail("%s did not finish within 90 s", example);
		}
		int count = Integer.parseInt(Files.readString(answers.resolve("count")).trim());
		List<Answer> recorded = new ArrayList<>();
		for (int n = 1; n <= count; n++) {
			recorded.add(Answer.read(answers, n));
		}
		assertThat(recorded).as("%s: calls made (output: %s)", example, Files.readString(answers.resolve("output")))
			.hasSameSizeAs(example.calls());
		return recorded;
	}

	/** The documented addresses, pointed at the test cluster and the fixture site. */
	private static String localAddresses(String script) {
		String local = script;
		for (Map.Entry<String, Service> port : DOCUMENTED_PORTS.entrySet()) {
			local = local.replace("http://localhost:" + port.getKey(), cluster.url(port.getValue(), ""));
		}
		return EXAMPLE_SITE.matcher(local).replaceAll(Matcher.quoteReplacement(site.origin()));
	}

	private static List<String> mismatches(Example example, List<Answer> answers) {
		List<String> mismatches = new ArrayList<>();
		for (int i = 0; i < answers.size(); i++) {
			Call call = example.calls().get(i);
			Answer answer = answers.get(i);
			if (answer.status() != call.status()) {
				mismatches.add("call %d answered %d, not %d: %s".formatted(i + 1, answer.status(), call.status(),
						abbreviate(answer.body())));
			}
		}
		if (example.answer() != null && mismatches.isEmpty()) {
			mismatches.addAll(answerMismatches(example, answers.get(answers.size() - 1)));
		}
		return mismatches;
	}

	private static List<String> answerMismatches(Example example, Answer answer) {
		String type = example.answerType();
		if (type.equals("csv")) {
			return answer.contentType().startsWith("text/csv") ? List.of()
					: List.of("content type " + answer.contentType() + ", not text/csv");
		}
		if (!type.equals("json")) {
			return List.of();
		}
		JsonNode documented = JSON.readTree(example.answer());
		boolean problem = documented.has("type") && documented.get("type").asString().startsWith("urn:");
		String expectedType = problem ? "application/problem+json" : "application/json";
		if (!answer.contentType().startsWith(expectedType)) {
			return List.of("content type " + answer.contentType() + ", not " + expectedType);
		}
		JsonNode actual;
		try {
			actual = JSON.readTree(answer.body());
		}
		catch (JacksonException ex) {
			return List.of("answer is not JSON: " + abbreviate(answer.body()));
		}
		List<String> mismatches = new ArrayList<>(shapeMismatches(documented, actual));
		if (problem && !documented.get("type").equals(actual.get("type"))) {
			mismatches.add("problem type " + actual.get("type") + ", not " + documented.get("type"));
		}
		return mismatches;
	}

	/** Same kind of value and same top-level fields (or first element's fields). */
	private static List<String> shapeMismatches(JsonNode documented, JsonNode actual) {
		if (documented.isArray()) {
			if (!actual.isArray()) {
				return List.of("answer is not an array: " + abbreviate(actual.toString()));
			}
			if (documented.isEmpty() || actual.isEmpty()) {
				return List.of();
			}
			return shapeMismatches(documented.get(0), actual.get(0));
		}
		if (!documented.isObject()) {
			return List.of();
		}
		if (!actual.isObject()) {
			return List.of("answer is not an object: " + abbreviate(actual.toString()));
		}
		Set<String> documentedFields = new HashSet<>(documented.propertyNames());
		Set<String> actualFields = new HashSet<>(actual.propertyNames());
		boolean open = documentedFields.remove("...");
		Set<String> missing = new HashSet<>(documentedFields);
		missing.removeAll(actualFields);
		Set<String> undocumented = new HashSet<>(actualFields);
		undocumented.removeAll(documentedFields);
		List<String> mismatches = new ArrayList<>();
		if (!missing.isEmpty()) {
			mismatches.add("fields documented but not answered: " + missing + " in " + abbreviate(actual.toString()));
		}
		if (!open && !undocumented.isEmpty()) {
			mismatches.add("fields answered but not documented: " + undocumented);
		}
		return mismatches;
	}

	private static void capture(Example example, List<Answer> answers) {
		for (int i = 0; i < answers.size(); i++) {
			for (Capture capture : example.calls().get(i).captures()) {
				JsonNode value = at(JSON.readTree(answers.get(i).body()), capture.path());
				assertThat(value).as("%s: %s in %s", example, capture.path(), answers.get(i).body()).isNotNull();
				assertThat(value.isValueNode()).as("%s: %s is a value", example, capture.path()).isTrue();
				VARIABLES.put(capture.variable(), value.asString());
			}
		}
	}

	/** The value at a path such as {@code job_ids[1]} or {@code worker.node}. */
	private static JsonNode at(JsonNode root, String path) {
		JsonNode node = root;
		for (String part : path.split("\\.")) {
			Matcher indexed = Pattern.compile("(\\w+)((?:\\[\\d+\\])*)").matcher(part);
			if (node == null || !indexed.matches()) {
				return null;
			}
			node = node.get(indexed.group(1));
			Matcher index = Pattern.compile("\\[(\\d+)\\]").matcher(indexed.group(2));
			while (node != null && index.find()) {
				node = node.get(Integer.parseInt(index.group(1)));
			}
		}
		return node;
	}

	private static String abbreviate(String text) {
		return (text.length() <= 400) ? text : text.substring(0, 400) + "…";
	}

	private static Path apiDoc() {
		String root = System.getProperty("dispycluster.root");
		Path repository = (root != null) ? Path.of(root) : Path.of("..");
		return repository.resolve("docs").resolve("api.md").toAbsolutePath().normalize();
	}

	/** What one curl call of an example answered. */
	private record Answer(int status, String contentType, String body) {

		static Answer read(Path answers, int n) throws IOException {
			String status = Files.readString(answers.resolve(n + ".status")).trim();
			String contentType = "";
			Path headers = answers.resolve(n + ".headers");
			if (Files.exists(headers)) {
				for (String header : Files.readAllLines(headers, StandardCharsets.ISO_8859_1)) {
					if (header.toLowerCase(Locale.ROOT).startsWith("content-type:")) {
						contentType = header.substring("content-type:".length()).trim();
					}
				}
			}
			Path body = answers.resolve(n + ".body");
			String text = Files.exists(body) ? Files.readString(body) : "";
			return new Answer(status.isEmpty() ? 0 : Integer.parseInt(status), contentType, text);
		}

	}

}

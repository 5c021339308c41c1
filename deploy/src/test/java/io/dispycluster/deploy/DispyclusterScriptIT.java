package io.dispycluster.deploy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a new user does first: {@code ./dispycluster up} in a fresh checkout, one scrape
 * with curl against a local site, {@code ./dispycluster status}, then
 * {@code ./dispycluster down} leaving no process behind.
 * <p>
 * The script runs in a copy of the sources without any build output, against a local
 * Maven repository that holds every third-party artifact but none of the project's own
 * modules, as on a machine that has never built the project: {@code up} must build every
 * jar itself.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DispyclusterScriptIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	// One checkout for the class: the first test to run builds its jars, as a new user's
	// first `up` does; the other starts from them.
	@TempDir
	static Path checkoutDir;

	private static Path checkout;

	private static Path mavenRepository;

	@TempDir
	Path workDir;

	@BeforeAll
	static void freshCheckout() throws IOException, InterruptedException {
		Path root = Path.of(System.getProperty("dispycluster.root", "..")).toAbsolutePath().normalize();
		checkout = FreshCheckout.copySources(root, checkoutDir.resolve("checkout"));
		mavenRepository = FreshCheckout.repositoryWithoutProjectModules(checkoutDir.resolve("m2"));
	}

	@AfterAll
	static void removeRepositoryLinks() throws IOException {
		// before the temporary directory is deleted: its links lead into the user's
		// repository
		if (mavenRepository != null) {
			FreshCheckout.removeRepository(mavenRepository);
		}
	}

	@Test
	@Order(1)
	void buildsStartsScrapesAndStopsTheWholeClusterWithOneCommandEach() throws Exception {
		int basePort = fiveFreePorts();
		try (FixtureSite site = FixtureSite.start()) {
			Result up = dispycluster(basePort, "up");
			try {
				assertThat(up.exitCode()).as(() -> up.output() + logTails()).isZero();
				assertThat(up.output()).contains("Building the jars", "Starting DispyCluster (development profile)");
				assertThat(up.output()).contains("Gateway: http://localhost:" + (basePort + 4));
				assertThat(up.output()).contains("allow-list", "127.0.0.1:8000");

				String gateway = "http://127.0.0.1:" + (basePort + 4);
				HttpResponse<String> created = post(gateway + "/scrape",
						"{\"start_url\":\"" + site.url("/section/4.html") + "\",\"max_pages\":2}");
				assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
				String jobId = JSON.readTree(created.body()).get("job_id").asString();
				JsonNode job = await().atMost(Duration.ofMinutes(1))
					.until(() -> JSON.readTree(get(gateway + "/jobs/" + jobId).body()),
							(node) -> "completed".equals(node.get("status").asString()));
				assertThat(job.get("result").get("pages")).hasSize(2);

				Result status = dispycluster(basePort, "status");
				assertThat(status.output()).contains("gateway", "running").doesNotContain("stopped");

				// the running cluster keeps its ports: up on others refuses at once
				Result elsewhere = dispycluster(basePort + 10, "up");
				assertThat(elsewhere.exitCode()).as(elsewhere.output()).isNotZero();
				assertThat(elsewhere.output()).contains("already runs on ports " + basePort + "-" + (basePort + 4));

				// a source changed while the cluster runs: no build replaces the jars
				// under it
				Path source = checkout.resolve("controller-service/pom.xml");
				FileTime built = Files.getLastModifiedTime(source);
				Files.setLastModifiedTime(source, FileTime.from(Instant.now().plusSeconds(5)));
				Result again = dispycluster(basePort, "up");
				Files.setLastModifiedTime(source, built);
				assertThat(again.exitCode()).as(again.output()).isNotZero();
				assertThat(again.output()).contains("./dispycluster down").doesNotContain("Building the jars");
				assertThat(get(gateway + "/jobs/" + jobId).statusCode()).isEqualTo(200);

				// a build rewrites the jars in target/: the services run from copies and
				// load their classes from those (springdoc loads many at its first call)
				assertThat(pids()).allSatisfy((pid) -> assertThat(commandLine(pid)).contains("/data/run/"));
				Path jar = checkout.resolve("controller-service/target/controller-service.jar");
				byte[] jarBytes = Files.readAllBytes(jar);
				FileTime jarTime = Files.getLastModifiedTime(jar);
				Files.write(jar, new byte[0]);
				try {
					HttpResponse<String> apiDocs = get(gateway + "/openapi/controller");
					assertThat(apiDocs.statusCode()).as(apiDocs.body()).isEqualTo(200);
				}
				finally {
					Files.write(jar, jarBytes);
					Files.setLastModifiedTime(jar, jarTime);
				}
			}
			finally {
				List<Long> pids = pids();
				Result down = dispycluster(basePort, "down");
				assertThat(down.exitCode()).as(down.output()).isZero();
				assertThat(pids).hasSize(5)
					.allSatisfy((pid) -> assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
						.as("process %d still alive", pid)
						.isFalse());
			}
			for (int port = basePort; port < basePort + 5; port++) {
				assertThat(listening(port)).as("port %d", port).isFalse();
			}
		}
	}

	@Test
	@Order(2)
	void startsAClusterWhoseServicesRequireTheInternalToken() throws Exception {
		int basePort = fiveFreePorts();
		// The services then refuse every call without the token, the script's health
		// checks
		// included.
		Map<String, String> secured = Map.of("DISPYCLUSTER_ENV", "staging", "DISPYCLUSTER_SECURITY_INTERNALTOKEN",
				"a-local-internal-token-of-32-chars");
		Result up = dispycluster(basePort, "up", secured);
		try {
			assertThat(up.exitCode()).as(() -> up.output() + logTails()).isZero();
			assertThat(up.output()).doesNotContain("Building the jars");
			assertThat(up.output()).contains("staging profile").doesNotContain("development profile");
			// its worker refuses loopback: the example crawl must not name a local site
			assertThat(up.output()).contains("https://example.com/").doesNotContain("127.0.0.1:8000");
			assertThat(get("http://127.0.0.1:" + (basePort + 1) + "/workers").statusCode()).isEqualTo(401);
			assertThat(get("http://127.0.0.1:" + (basePort + 4) + "/jobs").statusCode()).isEqualTo(200);

			// a second up without the token says so at once, not after the start timeout
			Result withoutToken = dispycluster(basePort, "up", Map.of("DISPYCLUSTER_ENV", "staging"));
			assertThat(withoutToken.exitCode()).as(withoutToken.output()).isNotZero();
			assertThat(withoutToken.output()).contains("refuses this script's calls (401)",
					"DISPYCLUSTER_SECURITY_INTERNALTOKEN is not set here");
		}
		finally {
			Result down = dispycluster(basePort, "down", secured);
			assertThat(down.exitCode()).as(down.output()).isZero();
		}
	}

	private Result dispycluster(int basePort, String command) throws IOException, InterruptedException {
		return dispycluster(basePort, command, Map.of());
	}

	private Result dispycluster(int basePort, String command, Map<String, String> environment)
			throws IOException, InterruptedException {
		ProcessBuilder builder = new ProcessBuilder("bash", checkout.resolve("dispycluster").toString(), command)
			.directory(checkout.toFile())
			.redirectErrorStream(true);
		// offline: everything the build needs was resolved by the build running this test
		builder.environment().put("MAVEN_ARGS", "-o -Dmaven.repo.local=" + mavenRepository);
		builder.environment().put("DISPYCLUSTER_BASE_PORT", Integer.toString(basePort));
		builder.environment().put("DISPYCLUSTER_DATA_DIR", this.workDir.resolve("data").toString());
		builder.environment().put("DISPYCLUSTER_LOG_DIR", this.workDir.resolve("logs").toString());
		builder.environment().putAll(environment);
		Process process = builder.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(10, TimeUnit.MINUTES)).isTrue();
		return new Result(process.exitValue(), output);
	}

	/** The end of every service's log, to tell why a start failed. */
	private String logTails() {
		StringBuilder tails = new StringBuilder();
		try (var logs = Files.list(this.workDir.resolve("logs"))) {
			for (Path log : logs.sorted().toList()) {
				List<String> lines = Files.readAllLines(log);
				tails.append("\n--- ")
					.append(log.getFileName())
					.append(" (end) ---\n")
					.append(String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size())));
			}
		}
		catch (IOException ex) {
			tails.append("\n(logs unreadable: ").append(ex).append(')');
		}
		return tails.toString();
	}

	private List<Long> pids() throws IOException {
		List<Long> pids = new ArrayList<>();
		Path run = this.workDir.resolve("data").resolve("run");
		if (Files.isDirectory(run)) {
			try (var files = Files.list(run)) {
				for (Path file : files.toList()) {
					if (file.getFileName().toString().endsWith(".pid")) {
						pids.add(Long.parseLong(Files.readString(file).trim()));
					}
				}
			}
		}
		return pids;
	}

	private static String commandLine(long pid) {
		return ProcessHandle.of(pid).flatMap((process) -> process.info().commandLine()).orElse("");
	}

	private HttpResponse<String> get(String url) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> post(String url, String json) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static int fiveFreePorts() {
		for (int tries = 0; tries < 50; tries++) {
			// below Linux's ephemeral range (32768 and up), where the outgoing
			// connections
			// made while the jars build could take one of them before a service binds it
			int base = ThreadLocalRandom.current().nextInt(20000, 32000);
			if (allFree(base)) {
				return base;
			}
		}
		throw new IllegalStateException("no five consecutive free ports found");
	}

	private static boolean allFree(int base) {
		for (int port = base; port < base + 5; port++) {
			try (ServerSocket socket = new ServerSocket(port)) {
				socket.setReuseAddress(true);
			}
			catch (IOException taken) {
				return false;
			}
		}
		return true;
	}

	private static boolean listening(int port) {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			return true;
		}
		catch (IOException closed) {
			return false;
		}
	}

	private record Result(int exitCode, String output) {
	}

}

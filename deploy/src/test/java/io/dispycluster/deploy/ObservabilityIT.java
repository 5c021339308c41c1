package io.dispycluster.deploy;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpServer;
import io.dispycluster.deploy.LocalCluster.Service;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The observability files of {@code deploy/} against the running cluster: every metric
 * the Grafana dashboards and the Prometheus alert rules query is one that a service
 * really exports, {@code promtool} accepts the configuration and the rules, and a real
 * Prometheus started on that configuration (its targets pointed at the running services
 * and at a stand-in node_exporter) finds every target up.
 *
 * <p>
 * The cluster gets some work first (a crawl of the fixture site), since some meters exist
 * only once something happened, and its inventory lists one node with node_exporter (a
 * local stand-in serving growing counters), so that every node figure has a source
 * whatever this machine's sensors.
 *
 * <p>
 * Without the {@code prometheus} and {@code promtool} binaries (Debian package
 * {@code prometheus}) the tests that need them are skipped, except when {@code CI=true},
 * where they fail.
 */
class ObservabilityIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String EXPORTER_NODE = "pi-stand-in";

	/** The API key Prometheus and the test send to the gateway. */
	private static final String API_KEY = "observability-test-key";

	/** Words of PromQL that look like metric names but are not. */
	private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left", "group_right",
			"offset", "bool", "and", "or", "unless", "inf", "nan", "atan2");

	/** Series that Prometheus makes itself for each target. */
	private static final Set<String> PROMETHEUS_OWN = Set.of("up");

	private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w.:])([a-zA-Z_:][a-zA-Z0-9_:]*)(\\s*\\()?");

	private static final Pattern LABEL_VALUES = Pattern.compile("^\\s*label_values\\((.*),\\s*\\w+\\s*\\)\\s*$");

	@TempDir
	static Path workDir;

	static FixtureSite site;

	static HttpServer nodeExporter;

	static LocalCluster cluster;

	static Path root;

	@BeforeAll
	static void startClusterWithSomeWork() throws IOException {
		root = Path.of(System.getProperty("dispycluster.root", "..")).toAbsolutePath().normalize();
		site = FixtureSite.start();
		nodeExporter = startNodeExporterStandIn();
		cluster = LocalCluster.start(workDir, "--dispycluster.worker.crawl.politeness-delay=0s",
				"--dispycluster.controller.health-check-interval=1s",
				"--dispycluster.monitoring.collection.interval=1s", "--dispycluster.nodes[0].name=" + EXPORTER_NODE,
				"--dispycluster.nodes[0].host=127.0.0.1", "--dispycluster.nodes[0].port=" + freePort(),
				"--dispycluster.nodes[0].node-exporter=true",
				"--dispycluster.nodes[0].node-exporter-port=" + nodeExporter.getAddress().getPort(),
				// the gateway asks for API keys, as in production: Prometheus must bring
				// one
				"--dispycluster.security.api-key-required=true", "--dispycluster.security.api-keys[0].name=prometheus",
				"--dispycluster.security.api-keys[0].sha256=" + sha256(API_KEY));
		HttpResponse<String> created = cluster.postJson(cluster.url(Service.GATEWAY, "/scrape"),
				"{\"start_url\":\"" + site.url("/") + "\",\"max_pages\":5}", "X-API-Key", API_KEY);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
		String jobId = JSON.readTree(created.body()).get("job_id").asString();
		await("job finished").atMost(Duration.ofMinutes(2))
			.pollInterval(Duration.ofMillis(500))
			.until(() -> JSON.readTree(cluster.get(cluster.url(Service.CONTROLLER, "/jobs/" + jobId)).body())
				.get("status")
				.asString(), (status) -> status.equals("completed") || status.equals("failed"));
	}

	@AfterAll
	static void stopEverything() {
		if (cluster != null) {
			cluster.close();
		}
		if (nodeExporter != null) {
			nodeExporter.stop(0);
		}
		if (site != null) {
			site.close();
		}
	}

	@Test
	void everyMetricTheDashboardsQueryIsExportedByAService() throws IOException {
		Map<String, Set<String>> queried = new java.util.TreeMap<>();
		try (var files = Files.list(root.resolve("deploy/grafana/dashboards"))) {
			for (Path board : files.filter((path) -> path.toString().endsWith(".json")).sorted().toList()) {
				for (String query : dashboardQueries(JSON.readTree(board.toFile()))) {
					metricNames(query).forEach((name) -> queried.computeIfAbsent(name, (n) -> new TreeSet<>())
						.add(board.getFileName().toString()));
				}
			}
		}
		assertThat(queried).as("metrics queried by the dashboards")
			.containsKeys("dispycluster_node_cpu_percent", "dispycluster_node_memory_percent",
					"dispycluster_node_disk_percent", "dispycluster_node_temperature_celsius",
					"dispycluster_queue_depth", "dispycluster_worker_pages_total", "dispycluster_workers");

		assertExported(queried);
	}

	@Test
	void everyMetricTheAlertRulesQueryIsExportedByAService() throws IOException {
		Map<String, Set<String>> queried = new java.util.TreeMap<>();
		for (String expr : ruleExpressions(Files.readString(root.resolve("deploy/prometheus/alerts.yml")))) {
			metricNames(expr).stream()
				.filter((name) -> !PROMETHEUS_OWN.contains(name))
				.forEach((name) -> queried.computeIfAbsent(name, (n) -> new TreeSet<>()).add("alerts.yml"));
		}
		assertThat(queried).containsKeys("dispycluster_node_cpu_percent", "dispycluster_job_duration_seconds_count",
				"dispycluster_queue_depth");

		assertExported(queried);
	}

	@Test
	void promtoolAcceptsTheConfigurationAndTheRules() throws Exception {
		String promtool = requireBinary("promtool");
		// installed as the header of prometheus.yml says: next to alerts.yml, with the
		// gateway's key file in place (promtool checks that it exists)
		Path etc = Files.createDirectories(workDir.resolve("etc-prometheus"));
		Path keyFile = Files.writeString(etc.resolve("dispycluster-api-key"), API_KEY);
		String shipped = Files.readString(root.resolve("deploy/prometheus/prometheus.yml"));
		Files.writeString(etc.resolve("prometheus.yml"), withKeyFile(shipped, keyFile));
		Files.copy(root.resolve("deploy/prometheus/alerts.yml"), etc.resolve("alerts.yml"));

		assertThat(run(promtool, "check", "config", etc.resolve("prometheus.yml").toString())).isZero();
		assertThat(run(promtool, "check", "rules", etc.resolve("alerts.yml").toString())).isZero();
	}

	private static String withKeyFile(String config, Path keyFile) {
		return config.replaceAll("(?m)^(\\s*credentials_file:\\s*)\\S+", "$1" + keyFile);
	}

	@Test
	void aRealPrometheusFindsEveryTargetUp() throws Exception {
		String prometheus = requireBinary("prometheus");
		Path home = Files.createDirectories(workDir.resolve("prometheus"));
		Path keyFile = Files.writeString(home.resolve("dispycluster-api-key"), API_KEY);
		Files.writeString(home.resolve("prometheus.yml"), configForThisCluster(keyFile));
		Files.copy(root.resolve("deploy/prometheus/alerts.yml"), home.resolve("alerts.yml"));
		int port = freePort();
		Process process = new ProcessBuilder(prometheus, "--config.file=" + home.resolve("prometheus.yml"),
				"--storage.tsdb.path=" + home.resolve("data"), "--web.listen-address=127.0.0.1:" + port)
			.redirectErrorStream(true)
			.redirectOutput(home.resolve("prometheus.log").toFile())
			.start();
		try {
			String api = "http://127.0.0.1:" + port + "/api/v1/";
			await("every target up").atMost(Duration.ofMinutes(1))
				.pollInterval(Duration.ofMillis(500))
				.ignoreExceptions()
				.untilAsserted(() -> {
					assertThat(process.isAlive()).as("prometheus runs; see %s", home.resolve("prometheus.log"))
						.isTrue();
					JsonNode targets = apiData(api + "targets?state=active").get("activeTargets");
					List<String> health = new ArrayList<>();
					targets.forEach((target) -> health
						.add(target.get("labels").get("job").asString() + "=" + target.get("health").asString()));
					assertThat(health).containsExactlyInAnyOrder("dispycluster-controller=up",
							"dispycluster-monitoring=up", "dispycluster-scheduler=up", "dispycluster-gateway=up",
							"dispycluster-workers=up", "node_exporter=up");
				});
			JsonNode groups = apiData(api + "rules").get("groups");
			assertThat(groups).extracting((group) -> group.get("name").asString())
				.containsExactlyInAnyOrder("dispycluster-nodes", "dispycluster-jobs", "dispycluster-services");
		}
		finally {
			process.destroy();
			if (!process.waitFor(20, TimeUnit.SECONDS)) {
				process.destroyForcibly();
			}
		}
	}

	/**
	 * Waits until every queried metric appears in some service's
	 * {@code /actuator/prometheus} (some exist only after the first job or the second
	 * collection round), then names those that never did.
	 */
	private static void assertExported(Map<String, Set<String>> queried) {
		Set<String> missing = new TreeSet<>();
		try {
			await("every queried metric exported").atMost(Duration.ofSeconds(90))
				.pollInterval(Duration.ofSeconds(1))
				.until(() -> {
					Set<String> exported = exportedNames();
					missing.clear();
					queried.keySet().stream().filter((name) -> !exported.contains(name)).forEach(missing::add);
					return missing.isEmpty();
				});
		}
		catch (org.awaitility.core.ConditionTimeoutException ex) {
			StringBuilder report = new StringBuilder("Queried but exported by no service:");
			missing.forEach(
					(name) -> report.append("\n  ").append(name).append(" (").append(queried.get(name)).append(')'));
			Assertions.fail(report.toString());
		}
	}

	/** The metric names in the Prometheus text of every service. */
	private static Set<String> exportedNames() {
		Set<String> names = new TreeSet<>();
		for (Service service : Service.values()) {
			String text = cluster.get(cluster.url(service, "/actuator/prometheus"), "X-API-Key", API_KEY).body();
			for (String line : text.split("\n")) {
				if (!line.isBlank() && !line.startsWith("#")) {
					Matcher name = Pattern.compile("^[a-zA-Z_:][a-zA-Z0-9_:]*").matcher(line);
					if (name.find()) {
						names.add(name.group());
					}
				}
			}
		}
		return names;
	}

	/** Every PromQL query of a dashboard: panel targets (rows included) and variables. */
	static List<String> dashboardQueries(JsonNode board) {
		List<String> queries = new ArrayList<>();
		List<JsonNode> panels = new ArrayList<>();
		board.path("panels").forEach(panels::add);
		board.path("panels").forEach((panel) -> panel.path("panels").forEach(panels::add));
		for (JsonNode panel : panels) {
			panel.path("targets").forEach((target) -> {
				if (target.hasNonNull("expr")) {
					queries.add(target.get("expr").asString());
				}
			});
		}
		for (JsonNode variable : board.path("templating").path("list")) {
			if ("query".equals(variable.path("type").asString())) {
				JsonNode query = variable.path("query");
				String text = query.isObject() ? query.path("query").asString() : query.asString();
				Matcher labelValues = LABEL_VALUES.matcher(text);
				queries.add(labelValues.matches() ? labelValues.group(1) : text);
			}
		}
		return queries;
	}

	/** The {@code expr} of every rule of a rules file, one-line or block ({@code |}). */
	static List<String> ruleExpressions(String yaml) {
		List<String> expressions = new ArrayList<>();
		String[] lines = yaml.split("\n");
		for (int i = 0; i < lines.length; i++) {
			String line = lines[i];
			int at = line.indexOf("expr:");
			if (at < 0 || line.strip().startsWith("#")) {
				continue;
			}
			String value = line.substring(at + "expr:".length()).strip();
			if (!value.startsWith("|") && !value.startsWith(">")) {
				expressions.add(value);
				continue;
			}
			StringBuilder block = new StringBuilder();
			while (i + 1 < lines.length && (lines[i + 1].isBlank() || indent(lines[i + 1]) > indent(line))) {
				block.append(lines[++i]).append('\n');
			}
			expressions.add(block.toString());
		}
		return expressions;
	}

	/** The metric names a PromQL expression reads. */
	static Set<String> metricNames(String expr) {
		String bare = expr.replaceAll("\"(\\\\.|[^\"\\\\])*\"", " ")
			.replaceAll("'(\\\\.|[^'\\\\])*'", " ")
			.replaceAll("\\{[^}]*}", " ")
			.replaceAll("\\[[^]]*]", " ")
			.replaceAll("\\$\\{?\\w+}?", " ")
			.replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
		Set<String> names = new TreeSet<>();
		Matcher token = IDENTIFIER.matcher(bare);
		while (token.find()) {
			String name = token.group(1);
			boolean function = token.group(2) != null;
			if (!function && !KEYWORDS.contains(name.toLowerCase(Locale.ROOT))) {
				names.add(name);
			}
		}
		return names;
	}

	/**
	 * {@code deploy/prometheus/prometheus.yml} as shipped, with every job's targets
	 * pointed at this cluster, intervals of one second and the gateway's API key read
	 * from {@code keyFile}.
	 */
	private static String configForThisCluster(Path keyFile) throws IOException {
		Map<Service, String> jobs = new EnumMap<>(Service.class);
		jobs.put(Service.CONTROLLER, "dispycluster-controller");
		jobs.put(Service.MONITORING, "dispycluster-monitoring");
		jobs.put(Service.SCHEDULER, "dispycluster-scheduler");
		jobs.put(Service.GATEWAY, "dispycluster-gateway");
		jobs.put(Service.WORKER, "dispycluster-workers");
		Map<String, String> targets = new java.util.HashMap<>();
		jobs.forEach((service, job) -> targets.put(job, hostPort(cluster.url(service, ""))));
		targets.put("node_exporter", "127.0.0.1:" + nodeExporter.getAddress().getPort());
		StringBuilder config = new StringBuilder();
		String job = null;
		for (String line : Files.readAllLines(root.resolve("deploy/prometheus/prometheus.yml"))) {
			Matcher jobName = Pattern.compile("^\\s*- job_name:\\s*(\\S+)").matcher(line);
			if (jobName.find()) {
				job = jobName.group(1);
			}
			Matcher targetList = Pattern.compile("^(\\s*- targets:\\s*)\\[.*]").matcher(line);
			if (targetList.find()) {
				assertThat(targets).as("a target for job %s", job).containsKey(job);
				line = targetList.group(1) + "['" + targets.get(job) + "']";
			}
			line = withKeyFile(line, keyFile).replaceAll("^(\\s*(scrape|evaluation)_interval:\\s*)\\S+", "$11s")
				.replaceAll("^(\\s*scrape_timeout:\\s*)\\S+", "$11s");
			config.append(line).append('\n');
		}
		return config.toString();
	}

	private static String sha256(String key) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String hostPort(String url) {
		URI uri = URI.create(url);
		return uri.getHost() + ":" + uri.getPort();
	}

	private static JsonNode apiData(String url) {
		HttpResponse<String> response = cluster.get(url);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return JSON.readTree(response.body()).get("data");
	}

	/**
	 * A node_exporter stand-in: the metrics the monitoring service reads, with CPU and
	 * network counters that grow between scrapes.
	 */
	private static HttpServer startNodeExporterStandIn() throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		long started = System.nanoTime();
		server.createContext("/metrics", (exchange) -> {
			try (exchange) {
				double t = (System.nanoTime() - started) / 1e9 + 1000;
				double now = System.currentTimeMillis() / 1000.0;
				String text = """
						# TYPE node_cpu_seconds_total counter
						node_cpu_seconds_total{cpu="0",mode="idle"} %1$.3f
						node_cpu_seconds_total{cpu="0",mode="user"} %2$.3f
						node_memory_MemTotal_bytes 4e+09
						node_memory_MemAvailable_bytes 3e+09
						node_filesystem_size_bytes{device="/dev/root",fstype="ext4",mountpoint="/"} 3.2e+10
						node_filesystem_avail_bytes{device="/dev/root",fstype="ext4",mountpoint="/"} 2.4e+10
						node_load1 0.5
						node_load5 0.4
						node_load15 0.3
						node_thermal_zone_temp{type="cpu-thermal",zone="0"} 48.5
						node_network_receive_bytes_total{device="eth0"} %3$.0f
						node_network_transmit_bytes_total{device="eth0"} %4$.0f
						node_boot_time_seconds %5$.0f
						node_time_seconds %6$.3f
						""".formatted(0.75 * t, 0.25 * t, 1000 * t, 500 * t, now - 3600, now);
				byte[] body = text.getBytes(StandardCharsets.UTF_8);
				exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4");
				exchange.sendResponseHeaders(200, body.length);
				try (OutputStream out = exchange.getResponseBody()) {
					out.write(body);
				}
			}
		});
		server.start();
		return server;
	}

	/**
	 * The path of a binary on the PATH; a test without it fails when {@code CI=true} and
	 * is skipped otherwise.
	 */
	private static String requireBinary(String name) {
		for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
			Path candidate = Path.of(dir, name);
			if (Files.isExecutable(candidate)) {
				return candidate.toString();
			}
		}
		String message = name + " is not on the PATH (Debian: apt-get install --no-install-recommends prometheus)";
		if ("true".equalsIgnoreCase(System.getenv("CI"))) {
			Assertions.fail(message);
		}
		Assumptions.abort(message + "; skipped outside CI");
		throw new IllegalStateException("unreachable");
	}

	private static int run(String... command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!process.waitFor(60, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			Assertions.fail(String.join(" ", command) + " did not finish");
		}
		assertThat(process.exitValue()).as(String.join(" ", command) + ":\n" + output).isZero();
		return process.exitValue();
	}

	private static int indent(String line) {
		int spaces = 0;
		while (spaces < line.length() && line.charAt(spaces) == ' ') {
			spaces++;
		}
		return spaces;
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

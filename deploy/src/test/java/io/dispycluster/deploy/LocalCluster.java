package io.dispycluster.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * The five services started from their jars as separate processes on free loopback ports,
 * as {@code ./dispycluster up} starts them, with their data and logs in a folder of the
 * test's. Real processes and real HTTP: nothing in the cluster is stubbed.
 */
final class LocalCluster implements AutoCloseable {

	/** A service of the cluster, with its module (and jar) name. */
	enum Service {

		CONTROLLER("controller-service"), WORKER("scraper-worker"), MONITORING("monitoring-service"),
		SCHEDULER("scheduler-service"), GATEWAY("gateway-service");

		final String module;

		Service(String module) {
			this.module = module;
		}

	}

	static final String WORKER_NODE = "local";

	private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

	private final Path root;

	private final Path workDir;

	private final Map<Service, Integer> ports = new EnumMap<>(Service.class);

	private final Map<Service, Process> processes = new EnumMap<>(Service.class);

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private LocalCluster(Path root, Path workDir) {
		this.root = root;
		this.workDir = workDir;
	}

	/**
	 * Starts every service and waits until each is healthy and the worker has registered.
	 * @param workDir where data and logs go
	 * @param extraArgs more command-line properties for every service (unknown ones are
	 * ignored by the others)
	 */
	static LocalCluster start(Path workDir, String... extraArgs) throws IOException {
		LocalCluster cluster = new LocalCluster(repositoryRoot(), workDir);
		for (Service service : Service.values()) {
			cluster.ports.put(service, freePort());
		}
		try {
			for (Service service : Service.values()) {
				cluster.launch(service, List.of(extraArgs));
			}
			cluster.awaitHealthy();
		}
		catch (RuntimeException | IOException ex) {
			cluster.close();
			throw ex;
		}
		return cluster;
	}

	String url(Service service, String path) {
		return "http://127.0.0.1:" + this.ports.get(service) + path;
	}

	Path log(Service service) {
		return this.workDir.resolve("logs").resolve(service.module + ".log");
	}

	/**
	 * Stops one service the way systemd would (SIGTERM, then a kill after a grace
	 * period).
	 */
	void stop(Service service) {
		Process process = this.processes.remove(service);
		if (process == null) {
			return;
		}
		process.destroy();
		try {
			if (!process.waitFor(20, TimeUnit.SECONDS)) {
				process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** Starts a stopped service again on its port and data directory. */
	void restart(Service service, String... extraArgs) throws IOException {
		stop(service);
		launch(service, List.of(extraArgs));
		awaitHealthy();
	}

	private void launch(Service service, List<String> extraArgs) throws IOException {
		Path jar = this.root.resolve(service.module).resolve("target").resolve(service.module + ".jar");
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException("Missing " + jar + ": run the tests through Maven (./mvnw verify)");
		}
		Path logs = Files.createDirectories(this.workDir.resolve("logs"));
		List<String> command = new ArrayList<>(List.of(javaExecutable(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
				"-Xmx192m", "-jar", jar.toString()));
		command.add("--server.port=" + this.ports.get(service));
		command.add("--server.address=127.0.0.1");
		command.add("--dispycluster.data-dir=" + this.workDir.resolve("data"));
		command.add("--dispycluster.services.controller=" + url(Service.CONTROLLER, ""));
		command.add("--dispycluster.services.monitoring=" + url(Service.MONITORING, ""));
		command.add("--dispycluster.services.scheduler=" + url(Service.SCHEDULER, ""));
		if (service == Service.WORKER) {
			command.add("--dispycluster.worker.node-name=" + WORKER_NODE);
			command.add("--dispycluster.worker.advertised-url=" + url(Service.WORKER, ""));
		}
		command.addAll(extraArgs);
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(logs.resolve(service.module + ".log").toFile()));
		// A missing file: the test must not read a config installed on the machine.
		builder.environment().put("DISPYCLUSTER_CONFIG", this.workDir.resolve("absent.yml").toString());
		builder.environment().remove("DISPYCLUSTER_ENV");
		this.processes.put(service, builder.start());
	}

	private void awaitHealthy() {
		await("cluster healthy").atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(500)).until(() -> {
			for (Map.Entry<Service, Process> entry : this.processes.entrySet()) {
				if (!entry.getValue().isAlive()) {
					throw new IllegalStateException(entry.getKey() + " exited; see " + log(entry.getKey()));
				}
			}
			return this.processes.keySet().stream().allMatch(this::healthy) && workerRegistered();
		});
	}

	private boolean healthy(Service service) {
		try {
			return get(url(service, "/actuator/health")).statusCode() == 200;
		}
		catch (UncheckedIOException notListeningYet) {
			return false;
		}
	}

	private boolean workerRegistered() {
		try {
			HttpResponse<String> workers = get(url(Service.CONTROLLER, "/workers"));
			return workers.statusCode() == 200 && workers.body().contains("\"node\":\"" + WORKER_NODE + "\"")
					&& workers.body().contains("\"status\":\"online\"");
		}
		catch (UncheckedIOException notListeningYet) {
			return false;
		}
	}

	HttpResponse<String> get(String url) {
		return send(HttpRequest.newBuilder(URI.create(url)).GET());
	}

	HttpResponse<String> postJson(String url, String json) {
		return send(HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json)));
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return this.http.send(request.timeout(Duration.ofSeconds(30)).build(),
					HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() {
		for (Service service : Service.values()) {
			stop(service);
		}
	}

	private static Path repositoryRoot() {
		String root = System.getProperty("dispycluster.root");
		Path path = (root != null) ? Path.of(root) : Path.of("..");
		return path.toAbsolutePath().normalize();
	}

	private static String javaExecutable() {
		return ProcessHandle.current().info().command().orElse("java");
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

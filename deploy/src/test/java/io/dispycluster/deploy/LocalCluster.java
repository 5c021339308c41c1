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
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.awaitility.Awaitility.await;

/**
 * The services started from their jars as separate processes on free loopback ports, as
 * {@code ./dispycluster up} starts them, with their data and logs in a folder of the
 * test's. Real processes and real HTTP: nothing in the cluster is stubbed.
 *
 * <p>
 * By default the five services run, with one worker named {@value #WORKER_NODE}, on H2
 * files under the folder. A {@link #builder(Path) builder} chooses fewer services, more
 * (or no) workers at start-up, and PostgreSQL instead of H2. Workers can be added,
 * stopped or killed while the cluster runs, and any service killed and restarted on the
 * same data.
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

	/** The node name of the worker started with the cluster unless told otherwise. */
	static final String WORKER_NODE = "local";

	/** The services that keep data in a database (H2 file, or PostgreSQL). */
	private static final Set<Service> WITH_DATABASE = EnumSet.of(Service.CONTROLLER, Service.MONITORING,
			Service.SCHEDULER);

	private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Path root;

	private final Path workDir;

	private final List<String> commonArgs;

	private final Map<Service, List<String>> serviceArgs;

	private final PostgresDatabase database;

	private final Map<Service, Integer> ports = new EnumMap<>(Service.class);

	/** The running services other than workers. */
	private final Map<Service, Instance> services = new EnumMap<>(Service.class);

	/** The running workers, by node name. */
	private final Map<String, Instance> workers = new LinkedHashMap<>();

	/** Every worker ever started, by node name: a restarted worker keeps its port. */
	private final Map<String, Integer> workerPorts = new LinkedHashMap<>();

	/** The arguments each worker was started with, for a restart. */
	private final Map<String, List<String>> workerArgs = new LinkedHashMap<>();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private LocalCluster(Builder builder, PostgresDatabase database) {
		this.root = repositoryRoot();
		this.workDir = builder.workDir;
		this.commonArgs = List.copyOf(builder.commonArgs);
		this.serviceArgs = new EnumMap<>(Service.class);
		builder.serviceArgs.forEach((service, args) -> this.serviceArgs.put(service, List.copyOf(args)));
		this.database = database;
	}

	/**
	 * Starts every service and one worker, and waits until each is healthy and the worker
	 * has registered.
	 * @param workDir where data and logs go
	 * @param extraArgs more command-line properties for every service (unknown ones are
	 * ignored by the others)
	 */
	static LocalCluster start(Path workDir, String... extraArgs) throws IOException {
		return builder(workDir).args(extraArgs).start();
	}

	/** A cluster to configure before starting it in {@code workDir}. */
	static Builder builder(Path workDir) {
		return new Builder(workDir);
	}

	String url(Service service, String path) {
		if (service == Service.WORKER) {
			return workerUrl(WORKER_NODE, path);
		}
		return "http://127.0.0.1:" + this.ports.get(service) + path;
	}

	String workerUrl(String node, String path) {
		Integer port = this.workerPorts.get(node);
		if (port == null) {
			throw new IllegalArgumentException("No worker named " + node);
		}
		return "http://127.0.0.1:" + port + path;
	}

	Path log(Service service) {
		return (service == Service.WORKER) ? workerLog(WORKER_NODE) : logs().resolve(service.module + ".log");
	}

	Path workerLog(String node) {
		String name = node.equals(WORKER_NODE) ? Service.WORKER.module : Service.WORKER.module + "-" + node;
		return logs().resolve(name + ".log");
	}

	/** Whether the cluster keeps its data in PostgreSQL rather than in H2 files. */
	boolean onPostgres() {
		return this.database != null;
	}

	/**
	 * Starts workers with the given node names side by side, and waits until each is
	 * healthy and online at the controller.
	 * @param args more command-line properties for these workers, e.g. their capacity
	 */
	void startWorkers(List<String> nodes, String... args) throws IOException {
		for (String node : nodes) {
			if (this.workers.containsKey(node)) {
				throw new IllegalStateException("Worker " + node + " is already running");
			}
			this.workerPorts.computeIfAbsent(node, (name) -> freePort());
			this.workerArgs.put(node, List.of(args));
			launchWorker(node, List.of(args));
		}
		awaitHealthy();
	}

	/** The node names of the workers running now. */
	List<String> runningWorkers() {
		return List.copyOf(this.workers.keySet());
	}

	/**
	 * Stops one service the way systemd would (SIGTERM, then a kill after a grace
	 * period). Stopping the worker stops the worker named {@value #WORKER_NODE}.
	 */
	void stop(Service service) {
		if (service == Service.WORKER) {
			stopWorker(WORKER_NODE);
		}
		else {
			terminate(this.services.remove(service), false);
		}
	}

	/** Kills one service at once (SIGKILL): no shutdown hook, no last report. */
	void kill(Service service) {
		if (service == Service.WORKER) {
			killWorker(WORKER_NODE);
		}
		else {
			terminate(this.services.remove(service), true);
		}
	}

	void stopWorker(String node) {
		terminate(this.workers.remove(node), false);
	}

	void killWorker(String node) {
		terminate(this.workers.remove(node), true);
	}

	/**
	 * Starts a service again on its port and data, with the arguments it was first
	 * started with plus {@code extraArgs}; stops it first if it runs. Waits until the
	 * whole cluster is healthy again.
	 */
	void restart(Service service, String... extraArgs) throws IOException {
		stop(service);
		relaunch(service, extraArgs);
	}

	/**
	 * Kills a service (SIGKILL) and starts it again on its port and data, as after a
	 * crash and a restart by systemd.
	 */
	void killAndRestart(Service service, String... extraArgs) throws IOException {
		kill(service);
		relaunch(service, extraArgs);
	}

	private void relaunch(Service service, String... extraArgs) throws IOException {
		if (service == Service.WORKER) {
			launchWorker(WORKER_NODE, withExtra(this.workerArgs.getOrDefault(WORKER_NODE, List.of()), extraArgs));
		}
		else {
			launch(service, List.of(extraArgs));
		}
		awaitHealthy();
	}

	private void launch(Service service, List<String> ownArgs) throws IOException {
		this.services.put(service, start(service, service.module, ownArgs, log(service), List.of()));
	}

	private void launchWorker(String node, List<String> ownArgs) throws IOException {
		String url = workerUrl(node, "");
		List<String> identity = List.of("--server.port=" + this.workerPorts.get(node),
				"--dispycluster.worker.node-name=" + node, "--dispycluster.worker.advertised-url=" + url);
		this.workers.put(node, start(Service.WORKER, node, ownArgs, workerLog(node), identity));
	}

	private Instance start(Service service, String name, List<String> ownArgs, Path log, List<String> identity)
			throws IOException {
		Path jar = this.root.resolve(service.module).resolve("target").resolve(service.module + ".jar");
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException("Missing " + jar + ": run the tests through Maven (./mvnw verify)");
		}
		Files.createDirectories(logs());
		List<String> command = new ArrayList<>(List.of(javaExecutable(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
				"-Xmx192m", "-jar", jar.toString()));
		if (service != Service.WORKER) {
			command.add("--server.port=" + this.ports.get(service));
		}
		command.addAll(identity);
		command.add("--server.address=127.0.0.1");
		command.add("--dispycluster.data-dir=" + this.workDir.resolve("data"));
		command.add("--dispycluster.services.controller=" + url(Service.CONTROLLER, ""));
		command.add("--dispycluster.services.monitoring=" + url(Service.MONITORING, ""));
		command.add("--dispycluster.services.scheduler=" + url(Service.SCHEDULER, ""));
		ProcessBuilder builder = new ProcessBuilder(command);
		// A missing file: the test must not read a config installed on the machine.
		builder.environment().put("DISPYCLUSTER_CONFIG", this.workDir.resolve("absent.yml").toString());
		builder.environment().remove("DISPYCLUSTER_ENV");
		if (this.database != null && WITH_DATABASE.contains(service)) {
			this.database.configure(builder.environment(), command);
		}
		command.addAll(this.commonArgs);
		command.addAll(this.serviceArgs.getOrDefault(service, List.of()));
		command.addAll(ownArgs);
		builder.command(command)
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
		return new Instance(name, builder.start(), log);
	}

	private void awaitHealthy() {
		await("cluster healthy").atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(500)).until(() -> {
			List<Instance> running = running();
			for (Instance instance : running) {
				if (!instance.process.isAlive()) {
					throw new IllegalStateException(instance.name + " exited; see " + instance.log);
				}
			}
			return this.services.keySet().stream().allMatch((service) -> healthy(url(service, "")))
					&& this.workers.keySet().stream().allMatch((node) -> healthy(workerUrl(node, "")))
					&& workersOnline();
		});
	}

	private List<Instance> running() {
		List<Instance> running = new ArrayList<>(this.services.values());
		running.addAll(this.workers.values());
		return running;
	}

	private boolean healthy(String baseUrl) {
		try {
			return get(baseUrl + "/actuator/health").statusCode() == 200;
		}
		catch (UncheckedIOException notListeningYet) {
			return false;
		}
	}

	/** Whether the controller, if it runs, sees every running worker online or busy. */
	private boolean workersOnline() {
		if (this.workers.isEmpty() || !this.services.containsKey(Service.CONTROLLER)) {
			return true;
		}
		try {
			HttpResponse<String> response = get(url(Service.CONTROLLER, "/workers"));
			if (response.statusCode() != 200) {
				return false;
			}
			Set<String> up = new HashSet<>();
			for (JsonNode worker : JSON.readTree(response.body())) {
				String status = worker.path("status").asString();
				if (status.equals("online") || status.equals("busy")) {
					up.add(worker.path("node").asString());
				}
			}
			return up.containsAll(this.workers.keySet());
		}
		catch (UncheckedIOException notListeningYet) {
			return false;
		}
	}

	HttpResponse<String> get(String url, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
		return send((headers.length > 0) ? request.headers(headers) : request);
	}

	HttpResponse<String> postJson(String url, String json, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json));
		return send((headers.length > 0) ? request.headers(headers) : request);
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

	/** Stops everything, workers first, and drops the PostgreSQL database if any. */
	@Override
	public void close() {
		List.copyOf(this.workers.keySet()).forEach(this::stopWorker);
		for (Service service : Service.values()) {
			stop(service);
		}
		if (this.database != null) {
			this.database.close();
		}
	}

	private Path logs() {
		return this.workDir.resolve("logs");
	}

	private static void terminate(Instance instance, boolean kill) {
		if (instance == null) {
			return;
		}
		Process process = instance.process;
		try {
			if (kill) {
				process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
				return;
			}
			process.destroy();
			if (!process.waitFor(20, TimeUnit.SECONDS)) {
				process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static List<String> withExtra(List<String> args, String... extraArgs) {
		List<String> all = new ArrayList<>(args);
		all.addAll(Arrays.asList(extraArgs));
		return all;
	}

	private static Path repositoryRoot() {
		String root = System.getProperty("dispycluster.root");
		Path path = (root != null) ? Path.of(root) : Path.of("..");
		return path.toAbsolutePath().normalize();
	}

	private static String javaExecutable() {
		return ProcessHandle.current().info().command().orElse("java");
	}

	static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * One running process of the cluster.
	 *
	 * @param name the worker's node name, or the service's module
	 */
	private record Instance(String name, Process process, Path log) {
	}

	/** What to start, and how. */
	static final class Builder {

		private final Path workDir;

		private final List<String> commonArgs = new ArrayList<>();

		private final Map<Service, List<String>> serviceArgs = new EnumMap<>(Service.class);

		private final Set<Service> services = EnumSet.allOf(Service.class);

		private List<String> workerNodes = List.of(WORKER_NODE);

		private boolean postgres;

		private Builder(Path workDir) {
			this.workDir = workDir;
		}

		/**
		 * Command-line properties for every process (each ignores those it does not
		 * know).
		 */
		Builder args(String... args) {
			this.commonArgs.addAll(Arrays.asList(args));
			return this;
		}

		/**
		 * Command-line properties for one kind of process only (every worker for WORKER).
		 */
		Builder args(Service service, String... args) {
			this.serviceArgs.computeIfAbsent(service, (s) -> new ArrayList<>()).addAll(Arrays.asList(args));
			return this;
		}

		/** Leaves out some services, e.g. all but the controller for a failover test. */
		Builder without(Service... left) {
			this.services.removeAll(Arrays.asList(left));
			return this;
		}

		/** The workers started with the cluster, by node name; none is allowed. */
		Builder workers(String... nodes) {
			this.workerNodes = List.of(nodes);
			return this;
		}

		/**
		 * Keeps the data of the controller, the scheduler and monitoring in a fresh
		 * PostgreSQL database (see {@link PostgresDatabase}), dropped when the cluster
		 * closes. Without a server to use, starting the cluster aborts the test.
		 */
		Builder postgres(boolean postgres) {
			this.postgres = postgres;
			return this;
		}

		LocalCluster start() throws IOException {
			PostgresDatabase database = this.postgres ? PostgresDatabase.create() : null;
			LocalCluster cluster = new LocalCluster(this, database);
			for (Service service : Service.values()) {
				cluster.ports.put(service, freePort());
			}
			this.services.remove(Service.WORKER);
			try {
				for (Service service : this.services) {
					cluster.launch(service, List.of());
				}
				if (this.workerNodes.isEmpty()) {
					cluster.awaitHealthy();
				}
				else {
					cluster.startWorkers(this.workerNodes);
				}
			}
			catch (RuntimeException | IOException ex) {
				cluster.close();
				throw ex;
			}
			return cluster;
		}

	}

}

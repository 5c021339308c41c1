package io.dispycluster.scheduler;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.json.JsonMapper;

import static org.awaitility.Awaitility.await;

/**
 * The scheduler service as a separate process, started from its jar the way the cluster
 * starts it, and stopped (with its whole process) when closed.
 */
final class SchedulerProcess implements AutoCloseable {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Process process;

	private final Path log;

	private final int port;

	private SchedulerProcess(Process process, Path log, int port) {
		this.process = process;
		this.log = log;
		this.port = port;
	}

	static SchedulerProcess start(Path dataDir, String controllerUrl, List<String> args) throws IOException {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		String java = ProcessHandle.current().info().command().orElse("java");
		List<String> command = new ArrayList<>(List.of(java, "-Xmx128m", "-jar",
				Path.of("target", "scheduler-service.jar").toAbsolutePath().toString(), "--server.port=" + port,
				"--dispycluster.data-dir=" + dataDir, "--DISPYCLUSTER_CONFIG=" + dataDir.resolve("missing.yml"),
				"--dispycluster.services.controller=" + controllerUrl,
				"--dispycluster.security.internal-token=" + RunningScheduler.INTERNAL_TOKEN,
				"--dispycluster.scheduler.runs.poll-interval=100ms"));
		command.addAll(args);
		Path log = dataDir.resolve("scheduler.log");
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		SchedulerProcess started = new SchedulerProcess(process, log, port);
		HttpClient http = HttpClient.newHttpClient();
		HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build();
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> {
			if (!process.isAlive()) {
				throw new IllegalStateException("The scheduler process exited:\n" + started.log());
			}
			try {
				return http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
			}
			catch (IOException ex) {
				return false;
			}
		});
		return started;
	}

	/**
	 * The answer of a POST (with a JSON body, or none) that must answer 200.
	 */
	@SuppressWarnings("unchecked")
	Map<String, Object> post(String path, String json) throws IOException, InterruptedException {
		HttpRequest post = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.header("Content-Type", "application/json")
			.header("X-Internal-Token", RunningScheduler.INTERNAL_TOKEN)
			.POST((json != null) ? HttpRequest.BodyPublishers.ofString(json) : HttpRequest.BodyPublishers.noBody())
			.build();
		HttpResponse<String> answer = HttpClient.newHttpClient().send(post, HttpResponse.BodyHandlers.ofString());
		if (answer.statusCode() != 200) {
			throw new IllegalStateException("POST " + path + " answered " + answer.statusCode() + ": " + answer.body());
		}
		return JSON.readValue(answer.body(), Map.class);
	}

	/** What the process has printed so far. */
	String log() throws IOException {
		return Files.readString(this.log);
	}

	/** Kills the process at once, as a crash or a power cut would stop it. */
	void kill() throws InterruptedException {
		this.process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
	}

	@Override
	public void close() throws InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(20, TimeUnit.SECONDS)) {
			this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		}
	}

}

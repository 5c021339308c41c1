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
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * The scheduler service as a separate process, started from its jar the way the cluster
 * starts it, and stopped (with its whole process) when closed.
 */
final class SchedulerProcess implements AutoCloseable {

	private final Process process;

	private final Path log;

	private SchedulerProcess(Process process, Path log) {
		this.process = process;
		this.log = log;
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
		SchedulerProcess started = new SchedulerProcess(process, log);
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

	/** What the process has printed so far. */
	String log() throws IOException {
		return Files.readString(this.log);
	}

	@Override
	public void close() throws InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(20, TimeUnit.SECONDS)) {
			this.process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		}
	}

}

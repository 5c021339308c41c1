package io.dispycluster.deploy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.dispycluster.deploy.DistTarballIT.Result;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code start.sh}, {@code stop.sh} and {@code check.sh} of the distribution on a machine
 * where the controller and the gateway are installed: systemd is a stand-in on the PATH
 * that records its calls, the two services stand-ins that answer their health on their
 * ports.
 */
class InstalledControlScriptsIT {

	private static final String GATEWAY_HEALTH = """
			{"overall_status":"healthy","timestamp":"2026-12-04T19:20:00Z","services":{"controller":{"status":"healthy",\
			"response_time":0.004,"http_status":200},"monitoring":{"status":"healthy","response_time":0.003,\
			"http_status":200},"scheduler":{"status":"healthy","response_time":0.002,"http_status":200}},\
			"workers":{"status":"healthy","online":1,"total":2,"nodes":[{"node":"pi-node-1","status":"busy"},\
			{"node":"pi-node-2","status":"offline"}]}}""";

	@TempDir
	Path work;

	private int basePort;

	private final List<HttpServer> servers = new ArrayList<>();

	private volatile int controllerStatus = 200;

	@BeforeEach
	void standIns() throws IOException {
		this.basePort = freeBase();
		Path bin = Files.createDirectories(this.work.resolve("bin"));
		Path systemctl = bin.resolve("systemctl");
		Files.writeString(systemctl, """
				#!/bin/sh
				echo "systemctl $*" >> "%s"
				case "$1" in
				list-unit-files)
					for unit in dispycluster-controller.service dispycluster-gateway.service; do
						[ "$unit" = "$3" ] && echo "$unit enabled enabled"
					done
					exit 0 ;;
				is-active)
					echo active ;;
				is-failed)
					exit 1 ;;
				esac
				exit 0
				""".formatted(this.work.resolve("systemctl.log")));
		Files.setPosixFilePermissions(systemctl, PosixFilePermissions.fromString("rwxr-xr-x"));
		serve(this.basePort + 1, "/actuator/health", () -> this.controllerStatus, "{\"status\":\"UP\"}");
		HttpServer gateway = serve(this.basePort + 4, "/actuator/health", () -> 200, "{\"status\":\"UP\"}");
		gateway.createContext("/health", (exchange) -> {
			boolean keyed = "secret".equals(exchange.getRequestHeaders().getFirst("X-API-Key"));
			respond(exchange, 200,
					keyed ? GATEWAY_HEALTH : "{\"overall_status\":\"healthy\",\"timestamp\":\"2026-12-04T19:20:00Z\"}");
		});
	}

	@AfterEach
	void stopStandIns() {
		this.servers.forEach((server) -> server.stop(0));
	}

	@Test
	void checkMarksEachInstalledServiceAndSummarisesTheGatewaysHealth() {
		Result check = script("check.sh", "--api-key", "secret");
		assertThat(check.exitCode()).as(check.output()).isZero();
		assertThat(check.output()).contains("✓ controller active", "port " + (this.basePort + 1) + " listening",
				"✓ gateway", "health UP", "/health: ✓ healthy", "✓ monitoring healthy",
				"✓ workers    1 of 2 online: pi-node-1 (busy), pi-node-2 (offline)");
		assertThat(check.output()).doesNotContain("scheduler  active", "worker     active", "✗");

		Result anonymous = script("check.sh");
		assertThat(anonymous.exitCode()).as(anonymous.output()).isZero();
		assertThat(anonymous.output()).contains("/health: ✓ healthy", "details need an API key");

		this.controllerStatus = 503;
		Result degraded = script("check.sh", "--api-key", "secret");
		assertThat(degraded.exitCode()).isEqualTo(1);
		assertThat(degraded.output()).contains("✗ controller", "journalctl -u dispycluster-controller");
	}

	@Test
	void startStartsTheInstalledServicesAndWaitsUntilTheyAnswer() throws IOException {
		Result start = script("start.sh", "--timeout", "20");
		assertThat(start.exitCode()).as(start.output()).isZero();
		assertThat(start.output()).contains("✓ controller answers on port " + (this.basePort + 1),
				"✓ gateway answers on port " + (this.basePort + 4));
		assertThat(calls()).contains("systemctl start dispycluster-controller.service dispycluster-gateway.service");

		Result restart = script("start.sh", "--restart", "--no-wait", "gateway");
		assertThat(restart.exitCode()).as(restart.output()).isZero();
		assertThat(calls()).contains("systemctl restart dispycluster-gateway.service");
	}

	@Test
	void stopStopsTheInstalledServicesGatewayFirst() throws IOException {
		Result stop = script("stop.sh");
		assertThat(stop.exitCode()).as(stop.output()).isZero();
		assertThat(calls()).contains("systemctl stop dispycluster-gateway.service dispycluster-controller.service");
	}

	private Result script(String name, String... args) {
		List<String> command = new ArrayList<>(
				List.of("bash", DistTarballIT.distribution().resolve("deploy").resolve(name).toString()));
		command.addAll(List.of(args));
		String path = this.work.resolve("bin") + ":" + System.getenv("PATH");
		return DistTarballIT.exec(this.work,
				Map.of("PATH", path, "DISPYCLUSTER_BASE_PORT", Integer.toString(this.basePort)),
				command.toArray(String[]::new));
	}

	private String calls() throws IOException {
		return Files.readString(this.work.resolve("systemctl.log"));
	}

	private HttpServer serve(int port, String path, StatusSupplier status, String body) throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
		server.createContext(path, (exchange) -> respond(exchange, status.get(), body));
		server.start();
		this.servers.add(server);
		return server;
	}

	private static void respond(com.sun.net.httpserver.HttpExchange exchange, int status, String body)
			throws IOException {
		try (exchange) {
			byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders(status, bytes.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(bytes);
			}
		}
	}

	/** A base port whose services' ports (base + 1 and base + 4) are free. */
	private static int freeBase() {
		for (int tries = 0; tries < 50; tries++) {
			int base = ThreadLocalRandom.current().nextInt(20000, 60000);
			if (free(base + 1) && free(base + 4)) {
				return base;
			}
		}
		throw new IllegalStateException("no free ports found");
	}

	private static boolean free(int port) {
		try (ServerSocket socket = new ServerSocket(port)) {
			return true;
		}
		catch (IOException taken) {
			return false;
		}
	}

	@FunctionalInterface
	private interface StatusSupplier {

		int get();

	}

}

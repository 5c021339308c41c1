package io.dispycluster.controller.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.dispycluster.controller.ControllerApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts whole controllers in the test JVM the way the cluster starts the jar: with
 * command-line overrides, on a chosen port, with short intervals.
 */
public final class Controllers {

	private static final Map<String, String> FAST = Map.of("dispycluster.controller.health-check-interval", "300ms",
			"dispycluster.controller.dispatch-interval", "200ms", "dispycluster.controller.lease-duration", "2s",
			"dispycluster.controller.requeue-backoff", "100ms", "dispycluster.controller.max-requeue-backoff", "400ms",
			"dispycluster.controller.worker-timeout", "1s", "dispycluster.controller.offline-after-failures", "2",
			"spring.main.banner-mode", "off");

	private Controllers() {
	}

	/**
	 * Starts a controller.
	 * @param port its HTTP port
	 * @param database the properties that choose its database
	 * @return the running application
	 */
	public static ConfigurableApplicationContext start(int port, Map<String, String> database) {
		List<String> args = new ArrayList<>();
		args.add("--server.port=" + port);
		FAST.forEach((key, value) -> args.add("--" + key + "=" + value));
		database.forEach((key, value) -> args.add("--" + key + "=" + value));
		return new SpringApplicationBuilder(ControllerApplication.class).run(args.toArray(String[]::new));
	}

	/** A loopback port that was free a moment ago. */
	public static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

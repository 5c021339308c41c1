package io.dispycluster.monitoring.jobs;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.dispycluster.monitoring.system.ClusterProperties;
import io.dispycluster.support.security.InternalTokenProperties;

import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A controller that cannot be reached is described as the operator reads it in
 * {@code /cluster/health} and in the 502 of {@code /performance}: in words, as for the
 * nodes, not by the name of a Java exception.
 */
class ControllerClientTests {

	@Test
	void aControllerThatRefusesTheConnectionIsSaidToRefuseIt() throws IOException {
		ControllerClient client = clientOf(URI.create("http://127.0.0.1:" + closedPort()));

		assertThatThrownBy(client::workers).isInstanceOf(ControllerUnavailableException.class)
			.hasMessage("connexion refusée (GET /workers)");
		assertThatThrownBy(() -> client.finishedBetween(java.time.Instant.EPOCH, java.time.Instant.now()))
			.hasMessage("connexion refusée (GET /jobs)");
	}

	private static ControllerClient clientOf(URI controller) {
		ClusterProperties cluster = new ClusterProperties(Path.of("."), new ClusterProperties.Services(controller,
				URI.create("http://127.0.0.1:1"), URI.create("http://127.0.0.1:1")));
		return new ControllerClient(RestClient.builder(), cluster, new InternalTokenProperties(null, false),
				new ControllerClientProperties(Duration.ofSeconds(2), 500, 20000, Duration.ofHours(2)));
	}

	/** A port nothing listens on: bound, then released. */
	private static int closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

}

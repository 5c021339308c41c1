package io.dispycluster.monitoring.jobs;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

import io.dispycluster.monitoring.support.StubServer;
import io.dispycluster.monitoring.system.ClusterProperties;
import io.dispycluster.support.security.InternalTokenProperties;

import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A controller that cannot be reached is described as the operator reads it in
 * {@code /cluster/health} and in the 502 of {@code /performance}: in words, as for the
 * nodes, not by the name of a Java exception. The oldest unfinished job is found at the
 * end of its status's list, even when that list changed since it was counted. A worker
 * whose node name could not be stored is left out, so that it cannot stop every round.
 */
class ControllerClientTests {

	@Test
	void aControllerThatRefusesTheConnectionIsSaidToRefuseIt() throws IOException {
		ControllerClient client = clientOf(URI.create("http://127.0.0.1:" + closedPort()));

		assertThatThrownBy(client::workers).isInstanceOf(ControllerUnavailableException.class)
			.hasMessage("connexion refusée (GET /workers)");
		assertThatThrownBy(() -> client.finishedBetween(Instant.EPOCH, Instant.now(), Instant.EPOCH))
			.hasMessage("connexion refusée (GET /jobs)");
	}

	@Test
	void findsTheOldestUnfinishedJobEvenWhenTheQueueShrankSinceItWasCounted() {
		try (StubServer controller = StubServer.start()) {
			controller.handle("/jobs", (request) -> {
				String page = switch (request.param("status") + "@" + request.param("offset")) {
					case "pending@2" ->
						"[{\"id\":\"job_a\",\"status\":\"pending\",\"created_at\":\"2026-12-01T10:00:00Z\",\"pages_crawled\":0}]";
					case "running@0" ->
						"[{\"id\":\"job_b\",\"status\":\"running\",\"created_at\":\"2026-12-01T11:00:00Z\",\"pages_crawled\":0},"
								+ "{\"id\":\"job_c\",\"status\":\"running\",\"created_at\":\"2026-12-01T10:30:00Z\",\"pages_crawled\":0}]";
					default -> "[]";
				};
				return new StubServer.Response(200, "application/json", page);
			});
			ControllerClient client = clientOf(URI.create(controller.url()));

			// 200 counted pending, 3 left when listed: read at 150, then 75, 37, 18, 9,
			// 4, 2
			assertThat(client.oldestUnfinished(new QueueFigures(200, 2)))
				.isEqualTo(Instant.parse("2026-12-01T10:00:00Z"));
			assertThat(client.oldestUnfinished(new QueueFigures(0, 2)))
				.isEqualTo(Instant.parse("2026-12-01T10:30:00Z"));
			assertThat(client.oldestUnfinished(new QueueFigures(0, 0))).isNull();
		}
	}

	@Test
	void leavesOutTheWorkersWhoseNodeNameCannotBeStored() {
		try (StubServer controller = StubServer.start()) {
			controller.json("/workers", """
					[{"node":"pi-1","status":"online","url":"http://pi-1:8080"},
					 {"status":"online","url":"http://nameless:8080"},
					 {"node":"  ","status":"online","url":"http://blank:8080"},
					 {"node":"%s","status":"online","url":"http://long:8080"},
					 {"node":"bad\\u0000node","status":"online","url":"http://nul:8080"},
					 null,
					 {"node":"%s","status":"online","url":"http://pi-255:8080"}]""".formatted("x".repeat(256),
					"y".repeat(255)));
			ControllerClient client = clientOf(URI.create(controller.url()));

			assertThat(client.workers()).extracting(WorkerEntry::node).containsExactly("pi-1", "y".repeat(255));
		}
	}

	@Test
	void leavesOutTheWorkersThatCannotBeReadInsteadOfTheWholeListing() {
		try (StubServer controller = StubServer.start()) {
			controller.json("/workers", """
					[{"node":"pi-1","status":"online","url":"http://pi-1:8080","active_jobs":1,"capacity":2},
					 {"node":"pi-2","status":"online","url":"http://pi-2:8080","active_jobs":1e99},
					 {"node":"pi-3","status":"online","url":"http://pi-3:8080","labels":[1]},
					 [1, 2],
					 "pi-5",
					 {"node":"pi-6","status":"online","url":"http://pi-6:8080","labels":{"zone":"attic"}}]""");
			ControllerClient client = clientOf(URI.create(controller.url()));

			assertThat(client.workers()).extracting(WorkerEntry::node).containsExactly("pi-1", "pi-6");
		}
	}

	@Test
	void aControllerAnsweringSomethingElseThanItsAPIIsSaidToBeUnreadable() {
		try (StubServer controller = StubServer.start()) {
			controller.json("/workers", "{\"node\": \"pi-1\"}");
			controller.json("/jobs", "[{\"id\":\"job_a\",\"status\":\"failed\",\"completed_at\":\"garbage\"}]");
			ControllerClient client = clientOf(URI.create(controller.url()));

			assertThatThrownBy(client::workers).isInstanceOf(ControllerUnavailableException.class)
				.hasMessage("réponse illisible du contrôleur (GET /workers)");
			assertThatThrownBy(() -> client.finishedBetween(Instant.EPOCH, Instant.now(), Instant.EPOCH))
				.hasMessage("réponse illisible du contrôleur (GET /jobs)");
		}
	}

	private static ControllerClient clientOf(URI controller) {
		ClusterProperties cluster = new ClusterProperties(Path.of("."), new ClusterProperties.Services(controller,
				URI.create("http://127.0.0.1:1"), URI.create("http://127.0.0.1:1")));
		// snake_case, as the service's own mapper reads the controller
		JsonMapper json = JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();
		RestClient.Builder builder = RestClient.builder()
			.configureMessageConverters(
					(converters) -> converters.withJsonConverter(new JacksonJsonHttpMessageConverter(json)));
		return new ControllerClient(builder, cluster, new InternalTokenProperties(null, false),
				new ControllerClientProperties(Duration.ofSeconds(2), 500, 20000, Duration.ofHours(2)), json);
	}

	/** A port nothing listens on: bound, then released. */
	private static int closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

}

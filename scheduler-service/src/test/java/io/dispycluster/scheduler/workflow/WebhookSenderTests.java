package io.dispycluster.scheduler.workflow;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A webhook call against local servers that do not answer in time: the step's
 * {@code timeout_s} bounds the whole call, connection included.
 */
class WebhookSenderTests {

	private final WebhookSender sender = new WebhookSender(new WorkflowProperties(Duration.ofHours(1),
			Duration.ofSeconds(10), Duration.ofSeconds(10), List.of("127.0.0.0/8"), 4));

	private final List<AutoCloseable> closing = new ArrayList<>();

	@AfterEach
	void close() throws Exception {
		for (AutoCloseable closeable : this.closing) {
			closeable.close();
		}
		this.sender.destroy();
	}

	@Test
	void givesUpConnectingToAnAddressThatDoesNotAnswerAtTheStepsTimeout() throws Exception {
		// a listener that never accepts, its backlog full: the kernel drops further SYNs,
		// as a blackholed address does
		ServerSocket blackhole = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"));
		this.closing.add(blackhole);
		for (int i = 0; i < 8; i++) {
			Socket filler = new Socket();
			this.closing.add(filler);
			try {
				filler.connect(blackhole.getLocalSocketAddress(), 200);
			}
			catch (IOException ex) {
				break;
			}
		}
		assertGivesUpWithin("http://127.0.0.1:" + blackhole.getLocalPort() + "/hook", Duration.ofSeconds(1));
	}

	@Test
	void givesUpOnAnAnswerThatTricklesInPastTheStepsTimeout() throws Exception {
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/hook", (exchange) -> {
			exchange.sendResponseHeaders(200, 0);
			try (OutputStream body = exchange.getResponseBody()) {
				for (int i = 0; i < 20; i++) {
					body.write(' ');
					body.flush();
					Thread.sleep(300);
				}
			}
			catch (InterruptedException | IOException ex) {
				// the client went away
			}
		});
		server.setExecutor(Executors.newCachedThreadPool());
		server.start();
		this.closing.add(() -> server.stop(0));
		assertGivesUpWithin("http://127.0.0.1:" + server.getAddress().getPort() + "/hook", Duration.ofSeconds(1));
	}

	private void assertGivesUpWithin(String url, Duration timeout) {
		long start = System.nanoTime();
		assertThatExceptionOfType(IOException.class)
			.isThrownBy(() -> this.sender.post(url, "{}".getBytes(StandardCharsets.UTF_8), timeout))
			.withMessageContaining("1 s");
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(timeout.plusMillis(1500));
	}

}

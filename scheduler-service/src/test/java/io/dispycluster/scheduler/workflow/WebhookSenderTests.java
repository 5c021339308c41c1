package io.dispycluster.scheduler.workflow;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A webhook call against local servers that do not answer in time, and a resolver that
 * hangs: the step's {@code timeout_s} bounds the whole call, host lookup and connection
 * included.
 */
class WebhookSenderTests {

	private final WorkflowProperties properties = new WorkflowProperties(Duration.ofHours(1), Duration.ofSeconds(10),
			Duration.ofSeconds(10), List.of("127.0.0.0/8"), 4);

	// a resolver that hangs on the names of hangs.test until the test ends
	private final CountDownLatch resolverAnswers = new CountDownLatch(1);

	private final AtomicInteger lookups = new AtomicInteger();

	private final WebhookSender sender = new WebhookSender(this.properties, (host) -> {
		if (host.endsWith("hangs.test")) {
			this.lookups.incrementAndGet();
			try {
				this.resolverAnswers.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			throw new UnknownHostException(host);
		}
		return HostLookup.SYSTEM.addressesOf(host);
	});

	private final List<AutoCloseable> closing = new ArrayList<>();

	@AfterEach
	void close() throws Exception {
		this.resolverAnswers.countDown();
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

	@Test
	void givesUpLookingTheHostUpAtTheStepsTimeoutNamingIt() {
		assertThatExceptionOfType(SocketTimeoutException.class)
			.isThrownBy(() -> postAwaitingAtMostHalfAMinute("http://hook.hangs.test/hook", Duration.ofSeconds(1)))
			.withMessage("pas de réponse en 1 s : la résolution DNS de hook.hangs.test n'a pas abouti à temps");
	}

	@Test
	void callsToAHostWhoseLookupHangsShareItAndLeaveTheOthersTheirLookups() throws Exception {
		// more calls than lookups made at once (4)
		for (int i = 0; i < 5; i++) {
			assertThatExceptionOfType(SocketTimeoutException.class)
				.isThrownBy(() -> postAwaitingAtMostHalfAMinute("http://hook.hangs.test/hook", Duration.ofSeconds(1)));
		}
		// one lookup still hangs, not one per call: the other hosts still resolve
		assertThat(this.lookups).hasValue(1);
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/hook", (exchange) -> {
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
		});
		server.start();
		this.closing.add(() -> server.stop(0));
		assertThat(postAwaitingAtMostHalfAMinute("http://127.0.0.1:" + server.getAddress().getPort() + "/hook",
				Duration.ofSeconds(5)))
			.isEqualTo(204);
	}

	/**
	 * Posts from another thread. Without a bound on the lookup, a call would wait for the
	 * resolver (here until the test ends): the generous wait only keeps a failing test
	 * from hanging.
	 */
	private int postAwaitingAtMostHalfAMinute(String url, Duration timeout) throws Exception {
		ExecutorService thread = Executors.newSingleThreadExecutor();
		this.closing.add(thread::shutdownNow);
		Future<Integer> call = thread
			.submit(() -> this.sender.post(url, "{}".getBytes(StandardCharsets.UTF_8), timeout));
		try {
			return call.get(30, TimeUnit.SECONDS);
		}
		catch (ExecutionException ex) {
			throw (Exception) ex.getCause();
		}
	}

	private void assertGivesUpWithin(String url, Duration timeout) {
		long start = System.nanoTime();
		assertThatExceptionOfType(IOException.class)
			.isThrownBy(() -> this.sender.post(url, "{}".getBytes(StandardCharsets.UTF_8), timeout))
			.withMessageContaining("1 s");
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(timeout.plusMillis(1500));
	}

}

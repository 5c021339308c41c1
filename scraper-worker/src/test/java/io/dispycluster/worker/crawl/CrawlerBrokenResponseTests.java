package io.dispycluster.worker.crawl;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.dispycluster.worker.crawl.CrawlOrderBuilder.anOrderFor;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page whose server answers in a way the HTTP client gives up on with an unchecked
 * exception fails alone: the crawl goes on and keeps the pages it had. Before, such an
 * answer ended the whole crawl (a 500 for a synchronous scrape, a job failed with none of
 * its pages).
 */
class CrawlerBrokenResponseTests {

	private static final String HOME = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: %d\r\n\r\n%s";

	private static final Map<String, String> BROKEN = Map.of(
			// a negative length
			"/negative-length", "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: -5\r\n\r\n<html>",
			// informational answers without end, never the response
			"/early-hints", "HTTP/1.1 103 Early Hints\r\nLink: </s.css>\r\n\r\n".repeat(50),
			// a Retry-After past an int, which the client reads as one
			"/retry-after",
			"HTTP/1.1 503 Service Unavailable\r\nRetry-After: 99999999999999999999\r\nContent-Length: 0\r\n\r\n");

	private final ServerSocket server = new ServerSocket(0, 64, InetAddress.getLoopbackAddress());

	private final ExecutorService executor = Executors.newCachedThreadPool();

	private final Crawler crawler = Crawlers.aCrawler();

	CrawlerBrokenResponseTests() throws IOException {
		this.executor.execute(this::accept);
	}

	@AfterEach
	void stop() throws IOException {
		this.server.close();
		this.executor.shutdownNow();
	}

	@ParameterizedTest
	@CsvSource({ "/negative-length, Malformed response: IllegalArgumentException",
			"/early-hints, Malformed response: IllegalStateException",
			"/retry-after, Malformed response: NumberFormatException" })
	void recordsABrokenAnswerAsThatPagesErrorAndKeepsTheOthers(String broken, String error) {
		String start = url("/?link=" + broken);

		CrawlResult result = this.crawler.crawl(anOrderFor(start).withMaxPages(5).build(), new CrawlControl()).result();

		assertThat(result.crawled()).containsExactly(start, url("/other"));
		assertThat(result.errors()).containsOnlyKeys(url(broken));
		assertThat(result.errors().get(url(broken))).startsWith(error);
		assertThat(result.states()).containsEntry("crawled", 2).containsEntry("fetch_error", 1);
	}

	private String url(String path) {
		return "http://127.0.0.1:" + this.server.getLocalPort() + path;
	}

	private void accept() {
		while (!this.server.isClosed()) {
			try {
				Socket socket = this.server.accept();
				this.executor.execute(() -> answer(socket));
			}
			catch (IOException closed) {
				return;
			}
		}
	}

	// One response per connection, then close.
	private void answer(Socket socket) {
		try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
			String path = requestPath(in);
			String response;
			if (path.startsWith("/?link=")) {
				String body = "<html><body><a href='" + path.substring("/?link=".length())
						+ "'>broken</a><a href='/other'>other</a></body></html>";
				response = HOME.formatted(body.length(), body);
			}
			else if (path.equals("/other")) {
				response = HOME.formatted(13, "<p>other</p>\n");
			}
			else {
				response = BROKEN.getOrDefault(path, "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n");
			}
			out.write(response.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			socket.shutdownOutput();
		}
		catch (IOException ex) {
			// the client went away
		}
	}

	private static String requestPath(InputStream in) throws IOException {
		StringBuilder head = new StringBuilder();
		int b;
		while (head.indexOf("\r\n\r\n") < 0 && (b = in.read()) != -1) {
			head.append((char) b);
		}
		return head.toString().split(" ", 3)[1];
	}

}

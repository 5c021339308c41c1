package io.dispycluster.worker.fetch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;

import io.dispycluster.worker.testsupport.FixtureSite;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The fetcher against a local server: which bodies it downloads, what it reports, and how
 * it names failures.
 */
class PageFetcherTests {

	private final FixtureSite site = FixtureSite.start();

	private final AddressGuard guard = new AddressGuard(new GuardProperties(List.of("127.0.0.0/8")));

	private final PageFetcher fetcher = new PageFetcher(PageFetcher.newClient(this.guard),
			new FetchProperties("DispyClusterBot/test", DataSize.ofKilobytes(4), 5, 0, Duration.ofSeconds(1),
					Duration.ofSeconds(60), false),
			this.guard);

	@AfterEach
	void closeSite() {
		this.site.close();
	}

	@Test
	void downloadsTheBodyOfAnHtmlPageWithItsCharset() throws FetchException {
		this.site.respond("/", 200, "text/html; charset=ISO-8859-1", "<p>caf\u00e9</p>");

		FetchedPage page = fetch(this.site.url("/"));

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.charset()).isEqualTo("ISO-8859-1");
		assertThat(page.hasBody()).isTrue();
		assertThat(new String(page.body(), StandardCharsets.UTF_8)).isEqualTo("<p>caf\u00e9</p>");
		assertThat(page.elapsed()).isPositive();
	}

	@Test
	void skipsTheBodyOfErrorsRedirectsAndOtherTypes() throws FetchException {
		this.site.respond("/css", 200, "text/css", "body{}").redirect("/moved", 301, "/new");

		assertThat(fetch(this.site.url("/missing")).hasBody()).isFalse();
		assertThat(fetch(this.site.url("/css")).hasBody()).isFalse();
		FetchedPage moved = fetch(this.site.url("/moved"));
		assertThat(moved.status()).isEqualTo(301);
		assertThat(moved.location()).isEqualTo("/new");
		assertThat(moved.hasBody()).isFalse();
	}

	@Test
	void readsAPageSentWithoutATypeAsHtmlWhenItStartsAsHtmlAsBrowsersDo() throws FetchException {
		this.site.respond("/untyped", 200, "", "\n  <!doctype html><title>Old server</title>")
			.respond("/bold", 200, "", "<b>bold</b>")
			.respond("/text", 200, "", "plain text, <html> later")
			.respond("/xml", 200, "", "<?xml version=\"1.0\"?><rss/>")
			.respond("/bad-tag", 200, "", "<bodyguard>");

		FetchedPage untyped = fetch(this.site.url("/untyped"));
		assertThat(untyped.hasBody()).isTrue();
		assertThat(untyped.contentType()).isEqualTo("text/html");
		assertThat(fetch(this.site.url("/bold")).hasBody()).isTrue();
		assertThat(fetch(this.site.url("/text")).hasBody()).isFalse();
		assertThat(fetch(this.site.url("/xml")).hasBody()).isFalse();
		assertThat(fetch(this.site.url("/bad-tag")).hasBody()).isFalse();
	}

	@Test
	void readsOnlyTheFirstBytesOfABodyWithoutATypeThatIsNoPage() throws IOException {
		byte[] download = new byte[3_000_000];
		download[0] = 'P';
		download[1] = 'K';
		this.site.handle("/download", (exchange) -> {
			exchange.sendResponseHeaders(200, download.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(download);
			}
			catch (IOException ex) {
				// The fetcher hung up: what the test expects.
			}
		});
		this.site.respond("/big-page", 200, "", "<html>" + "x".repeat(5000));

		FetchedPage page = fetch(this.site.url("/download"));

		assertThat(page.hasBody()).isFalse();
		assertThat(page.contentType()).isEmpty();
		assertThatExceptionOfType(FetchException.class).isThrownBy(() -> fetch(this.site.url("/big-page")))
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(FetchException.Kind.TOO_LARGE));
	}

	@Test
	void refusesABodyLargerThanTheCap() {
		this.site.page("/big", "x".repeat(5000));

		assertThatExceptionOfType(FetchException.class).isThrownBy(() -> fetch(this.site.url("/big")))
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(FetchException.Kind.TOO_LARGE))
			.withMessage("Body larger than the 4 KB cap");
	}

	@Test
	void readsABodySentDeflatedAsBrowsersDoZlibOrRaw() throws IOException {
		byte[] html = "<p>deflated</p>".getBytes(StandardCharsets.UTF_8);
		encoded("/zlib", "deflate", deflate(html, false)).encoded("/raw", "Deflate", deflate(html, true))
			.encoded("/x-gzip", "x-gzip", gzip(html))
			.encoded("/identity", "identity", html);

		for (String path : List.of("/zlib", "/raw", "/x-gzip", "/identity")) {
			assertThat(new String(fetch(this.site.url(path)).body(), StandardCharsets.UTF_8)).as(path)
				.isEqualTo("<p>deflated</p>");
		}
	}

	@Test
	void capsADeflatedBodyOnceInflated() throws IOException {
		encoded("/bomb", "deflate", deflate(new byte[10_000_000], false));

		assertThatExceptionOfType(FetchException.class).isThrownBy(() -> fetch(this.site.url("/bomb")))
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(FetchException.Kind.TOO_LARGE));
	}

	@Test
	void failsABodyItCannotDecodeRatherThanReadNoiseOrTryAgain() throws IOException {
		byte[] html = "<p>plain</p>".getBytes(StandardCharsets.UTF_8);
		encoded("/br", "br", html).encoded("/not-gzip", "gzip", html).encoded("/not-deflate", "deflate", html);

		assertThatExceptionOfType(FetchException.class).isThrownBy(() -> fetch(this.site.url("/br")))
			.satisfies((ex) -> assertThat(ex.isTransient()).isFalse())
			.withMessage("Body in a content coding the crawler cannot read: br");
		assertThatExceptionOfType(FetchException.class).isThrownBy(() -> fetch(this.site.url("/not-gzip")))
			.satisfies((ex) -> assertThat(ex.isTransient()).isFalse())
			.withMessageStartingWith("Body not readable as its Content-Encoding (gzip) says: ");
		assertThatExceptionOfType(FetchException.class).isThrownBy(() -> fetch(this.site.url("/not-deflate")))
			.satisfies((ex) -> assertThat(ex.isTransient()).isFalse())
			.withMessageStartingWith("Body not readable as its Content-Encoding (deflate) says: ");
	}

	@Test
	void readsARobotsTxtItCannotDecodeAsEmpty() throws IOException {
		byte[] rules = "User-agent: *\nDisallow: /x\n".getBytes(StandardCharsets.UTF_8);
		encoded("/robots.txt", "br", rules).encoded("/deflated/robots.txt", "deflate", deflate(rules, false));

		FetchedPage unreadable = this.fetcher.fetchRobots(this.site.url("/robots.txt"), Duration.ofSeconds(5),
				AbortSignal.NONE);
		FetchedPage deflated = this.fetcher.fetchRobots(this.site.url("/deflated/robots.txt"), Duration.ofSeconds(5),
				AbortSignal.NONE);

		assertThat(unreadable.status()).isEqualTo(200);
		assertThat(unreadable.body()).isEmpty();
		assertThat(deflated.body()).isEqualTo(rules);
	}

	private PageFetcherTests encoded(String path, String coding, byte[] body) {
		this.site.handle(path, (exchange) -> {
			exchange.getResponseHeaders().set("Content-Type", "text/html");
			exchange.getResponseHeaders().set("Content-Encoding", coding);
			exchange.sendResponseHeaders(200, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		});
		return this;
	}

	private static byte[] deflate(byte[] bytes, boolean raw) throws IOException {
		ByteArrayOutputStream deflated = new ByteArrayOutputStream();
		try (OutputStream out = new DeflaterOutputStream(deflated, new Deflater(Deflater.DEFAULT_COMPRESSION, raw))) {
			out.write(bytes);
		}
		return deflated.toByteArray();
	}

	private static byte[] gzip(byte[] bytes) throws IOException {
		ByteArrayOutputStream zipped = new ByteArrayOutputStream();
		try (OutputStream out = new GZIPOutputStream(zipped)) {
			out.write(bytes);
		}
		return zipped.toByteArray();
	}

	@Test
	void readsRobotsTxtWhateverItsType() throws FetchException {
		this.site.respond("/robots.txt", 200, "text/plain", "User-agent: *\nDisallow: /x\n");

		FetchedPage robots = this.fetcher.fetchRobots(this.site.url("/robots.txt"), Duration.ofSeconds(5),
				AbortSignal.NONE);

		assertThat(new String(robots.body(), StandardCharsets.UTF_8)).contains("Disallow: /x");
	}

	@Test
	void namesARefusedConnection() throws IOException {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		String url = "http://127.0.0.1:" + port + "/";

		assertThatExceptionOfType(FetchException.class).isThrownBy(() -> fetch(url))
			.satisfies((ex) -> assertThat(ex.isTransient()).isTrue())
			.withMessageStartingWith("Connection failed: ");
	}

	@Test
	void namesATimeout() {
		this.site.slowPage("/slow", Duration.ofSeconds(5), "late");

		assertThatExceptionOfType(FetchException.class)
			.isThrownBy(() -> this.fetcher.fetch(this.site.url("/slow"), Duration.ofMillis(250), AbortSignal.NONE))
			.satisfies((ex) -> assertThat(ex.kind()).isEqualTo(FetchException.Kind.TIMEOUT))
			.withMessage("Timeout: no complete response within 250 ms");
	}

	private FetchedPage fetch(String url) throws FetchException {
		return this.fetcher.fetch(url, Duration.ofSeconds(5), AbortSignal.NONE);
	}

}

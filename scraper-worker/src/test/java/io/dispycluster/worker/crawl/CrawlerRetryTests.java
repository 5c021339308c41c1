package io.dispycluster.worker.crawl;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import io.dispycluster.worker.testsupport.FixtureSite;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.dispycluster.worker.crawl.CrawlOrderBuilder.anOrderFor;
import static io.dispycluster.worker.crawl.Pages.linking;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * Passing failures are retried with backoff (two retries here), and 429 and 503 wait what
 * their Retry-After asks; lasting failures are not retried.
 */
class CrawlerRetryTests {

	private final FixtureSite site = FixtureSite.start();

	private final Crawler crawler = Crawlers.aCrawler();

	private final AtomicInteger calls = new AtomicInteger();

	@AfterEach
	void closeSite() {
		this.site.close();
	}

	@ParameterizedTest
	@ValueSource(ints = { 429, 500, 502, 503, 504 })
	void retriesAPassingStatusUntilThePageComes(int status) {
		this.site.handle("/", (exchange) -> answer(exchange, (this.calls.incrementAndGet() < 3) ? status : 200, null));

		CrawlOutcome outcome = crawl();

		assertThat(outcome.result().crawled()).containsExactly(this.site.url("/"));
		assertThat(this.site.requestedPaths()).hasSize(3);
	}

	@Test
	void givesUpAfterTheConfiguredRetries() {
		this.site.respond("/", 500, FixtureSite.HTML, "down");

		CrawlOutcome outcome = crawl();

		assertThat(outcome.result().errors()).containsExactly(
				entry(this.site.url("/"), "HTTP 500 / type text/html;charset=utf-8 (gave up after 2 retries)"));
		assertThat(outcome.states()).containsEntry(PageState.RETRIES_EXHAUSTED, 1);
		assertThat(this.site.requestedPaths()).hasSize(3);
	}

	@Test
	void doesNotRetryALastingError() {
		this.site.respond("/", 404, FixtureSite.HTML, "missing");

		CrawlOutcome outcome = crawl();

		assertThat(outcome.states()).containsEntry(PageState.HTTP_ERROR, 1);
		assertThat(this.site.requestedPaths()).hasSize(1);
	}

	@Test
	void waitsTheSecondsRetryAfterAsks() {
		this.site.handle("/", (exchange) -> answer(exchange, (this.calls.incrementAndGet() == 1) ? 429 : 200, "1"));

		crawl();

		var requests = this.site.requests();
		assertThat(requests).hasSize(2);
		assertThat(Duration.ofNanos(requests.get(1).nanoTime() - requests.get(0).nanoTime()))
			.isGreaterThanOrEqualTo(Duration.ofMillis(900));
	}

	@Test
	void waitsUntilTheDateRetryAfterNames() {
		String inTwoSeconds = DateTimeFormatter.RFC_1123_DATE_TIME
			.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(2).withNano(0));
		this.site.handle("/",
				(exchange) -> answer(exchange, (this.calls.incrementAndGet() == 1) ? 503 : 200, inTwoSeconds));

		CrawlOutcome outcome = crawl();

		assertThat(outcome.result().crawled()).hasSize(1);
		var requests = this.site.requests();
		assertThat(Duration.ofNanos(requests.get(1).nanoTime() - requests.get(0).nanoTime()))
			.isGreaterThanOrEqualTo(Duration.ofMillis(900));
	}

	@Test
	void givesUpOnARetryAfterBeyondTheCap() {
		this.site.handle("/", (exchange) -> answer(exchange, 429, "3600"));

		CrawlOutcome outcome = crawl();

		assertThat(outcome.result().errors()).containsExactly(entry(this.site.url("/"),
				"HTTP 429 / type text/html;charset=utf-8; Retry-After of 3600 s exceeds the 2 s cap"));
		assertThat(this.site.requestedPaths()).hasSize(1);
	}

	@Test
	void holdsBackTheWholeHostAfterA429() {
		this.site.page("/", linking("/a", "/b"))
			.handle("/a", (exchange) -> answer(exchange, (this.calls.incrementAndGet() == 1) ? 429 : 200, "1"))
			.page("/b", linking());

		crawl();

		var requests = this.site.requests();
		assertThat(this.site.requestedPaths()).containsExactly("/", "/a", "/a", "/b");
		assertThat(Duration.ofNanos(requests.get(2).nanoTime() - requests.get(1).nanoTime()))
			.isGreaterThanOrEqualTo(Duration.ofMillis(900));
	}

	@ParameterizedTest
	@ValueSource(ints = { 429, 503 })
	void holdsBackTheWholeHostForTheRetryAfterOfAUrlItGaveUpOn(int status) {
		this.site.page("/", linking("/a", "/b"))
			.handle("/a", (exchange) -> answer(exchange, status, "1"))
			.page("/b", linking());

		CrawlOutcome outcome = crawl();

		var requests = this.site.requests();
		assertThat(this.site.requestedPaths()).containsExactly("/", "/a", "/a", "/a", "/b");
		assertThat(outcome.states()).containsEntry(PageState.RETRIES_EXHAUSTED, 1);
		// the site asked for a second's pause after the last /a as after the others
		assertThat(Duration.ofNanos(requests.get(4).nanoTime() - requests.get(3).nanoTime()))
			.isGreaterThanOrEqualTo(Duration.ofMillis(900));
	}

	@Test
	void retriesAConnectionCutShort() {
		this.site.handle("/", (exchange) -> {
			if (this.calls.incrementAndGet() == 1) {
				exchange.close();
				return;
			}
			answer(exchange, 200, null);
		});

		CrawlOutcome outcome = crawl();

		assertThat(outcome.result().crawled()).containsExactly(this.site.url("/"));
	}

	@Test
	void retriesATimeout() {
		this.site.handle("/", (exchange) -> {
			if (this.calls.incrementAndGet() == 1) {
				this.site.pause(Duration.ofSeconds(5));
			}
			answer(exchange, 200, null);
		});

		CrawlOutcome outcome = this.crawler.crawl(
				anOrderFor(this.site.url("/")).withRequestTimeout(Duration.ofMillis(300)).build(), new CrawlControl());

		assertThat(outcome.result().crawled()).containsExactly(this.site.url("/"));
	}

	private CrawlOutcome crawl() {
		return this.crawler.crawl(anOrderFor(this.site.url("/")).build(), new CrawlControl());
	}

	private static void answer(HttpExchange exchange, int status, String retryAfter) throws IOException {
		byte[] body = linking().getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", FixtureSite.HTML);
		if (retryAfter != null) {
			exchange.getResponseHeaders().set("Retry-After", retryAfter);
		}
		exchange.sendResponseHeaders(status, body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

}

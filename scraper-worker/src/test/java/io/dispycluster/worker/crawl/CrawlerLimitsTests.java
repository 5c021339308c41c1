package io.dispycluster.worker.crawl;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.dispycluster.worker.testsupport.FixtureSite;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

import static io.dispycluster.worker.crawl.CrawlOrderBuilder.anOrderFor;
import static io.dispycluster.worker.crawl.Pages.linking;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.awaitility.Awaitility.await;

/**
 * What the crawl does with responses it cannot use and with time: non-HTML types, error
 * statuses, timeouts, the budget, cancellation and network failures.
 */
class CrawlerLimitsTests {

	private final FixtureSite site = FixtureSite.start();

	private final Crawler crawler = Crawlers.aCrawler();

	@AfterEach
	void closeSite() {
		this.site.close();
	}

	@Test
	void recordsNonHtmlResponsesWithTheContractsMessage() {
		this.site.page("/", linking("/style.css", "/data.json", "/untyped", "/page.xhtml", "/gone"))
			.respond("/style.css", 200, "text/css", "body { color: red }")
			.respond("/data.json", 200, "application/json", "{}")
			.respond("/untyped", 200, "", "plain")
			.respond("/page.xhtml", 200, "application/xhtml+xml", "<html><body>x</body></html>")
			.respond("/gone", 410, "text/plain", "gone");

		CrawlResult result = crawl(anOrderFor(this.site.url("/")));

		assertThat(result.crawled()).containsExactly(this.site.url("/"), this.site.url("/page.xhtml"));
		assertThat(result.errors()).containsExactly(entry(this.site.url("/style.css"), "HTTP 200 / type text/css"),
				entry(this.site.url("/data.json"), "HTTP 200 / type application/json"),
				entry(this.site.url("/untyped"), "HTTP 200 / type "),
				entry(this.site.url("/gone"), "HTTP 410 / type text/plain"));
	}

	@Test
	void doesNotDownloadNonHtmlBodiesPastTheHeaders() {
		AtomicBoolean streamCut = new AtomicBoolean();
		this.site.page("/", linking("/video.bin")).handle("/video.bin", (exchange) -> {
			exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
			exchange.sendResponseHeaders(200, 0);
			try (OutputStream out = exchange.getResponseBody()) {
				for (int chunk = 0; chunk < 200; chunk++) {
					out.write(new byte[64 * 1024]);
					out.flush();
					this.site.pause(Duration.ofMillis(20));
				}
			}
			catch (IOException ex) {
				streamCut.set(true);
			}
		});

		long start = System.nanoTime();
		CrawlResult result = crawl(anOrderFor(this.site.url("/")));

		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
		assertThat(result.errors()).containsEntry(this.site.url("/video.bin"),
				"HTTP 200 / type application/octet-stream");
		await().atMost(Duration.ofSeconds(5)).untilTrue(streamCut);
	}

	@Test
	void recordsATimeoutWhenAPageIsTooSlow() {
		this.site.page("/", linking("/slow", "/fast"))
			.slowPage("/slow", Duration.ofSeconds(5), linking())
			.page("/fast", linking());

		CrawlResult result = crawl(anOrderFor(this.site.url("/")).withRequestTimeout(Duration.ofMillis(300)));

		assertThat(result.errors()).containsExactly(
				entry(this.site.url("/slow"), "Timeout: no complete response within 300 ms (gave up after 2 retries)"));
		assertThat(result.crawled()).containsExactly(this.site.url("/"), this.site.url("/fast"));
	}

	@Test
	void stopsWithWhatItHasWhenTheBudgetRunsOut() {
		for (int page = 0; page < 10; page++) {
			this.site.slowPage("/" + page, Duration.ofMillis(300), linking("/" + (page + 1)));
		}

		long start = System.nanoTime();
		CrawlResult result = crawl(anOrderFor(this.site.url("/0")).withBudget(Duration.ofSeconds(1)));

		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1800));
		assertThat(result.stopReason()).isEqualTo("budget_exhausted");
		assertThat(result.crawled()).hasSizeBetween(1, 3).startsWith(this.site.url("/0"));
	}

	@Test
	void saysWhatAUrlGotWhenTheBudgetRunsOutBeforeItsRetry() {
		this.site.handle("/", (exchange) -> {
			exchange.getResponseHeaders().set("Content-Type", FixtureSite.HTML);
			exchange.getResponseHeaders().set("Retry-After", "2");
			exchange.sendResponseHeaders(503, -1);
			exchange.close();
		});

		CrawlOutcome outcome = this.crawler
			.crawl(anOrderFor(this.site.url("/")).withBudget(Duration.ofSeconds(1)).build(), new CrawlControl());

		assertThat(outcome.result().errors()).containsExactly(entry(this.site.url("/"),
				"HTTP 503 / type text/html;charset=utf-8; the crawl ran out of its time (max_duration_s) before a retry"));
		assertThat(outcome.states()).containsExactly(entry(PageState.TIMEOUT, 1));
		assertThat(outcome.result().stopReason()).isEqualTo("budget_exhausted");
	}

	@Test
	void saysWhereAUrlRedirectedWhenTheBudgetRunsOutBeforeTheRedirectIsFollowed() {
		this.site.redirect("/", 302, "/home").page("/home", linking());

		CrawlOutcome outcome = this.crawler.crawl(anOrderFor(this.site.url("/")).withBudget(Duration.ofSeconds(2))
			.withPolitenessDelay(Duration.ofSeconds(30))
			.build(), new CrawlControl());

		assertThat(outcome.result().errors()).containsExactly(entry(this.site.url("/"), "Redirected to "
				+ this.site.url("/home") + "; the crawl ran out of its time (max_duration_s) before it was requested"));
		assertThat(this.site.requestedPaths()).containsExactly("/");
	}

	@Test
	void stopsWithinASecondWhenCancelledDuringThePolitenessDelay() {
		this.site.page("/", linking("/a")).page("/a", linking());
		CrawlControl control = new CrawlControl();
		CompletableFuture<CrawlResult> crawl = CompletableFuture.supplyAsync(() -> this.crawler
			.crawl(anOrderFor(this.site.url("/")).withPolitenessDelay(Duration.ofSeconds(30)).build(), control)
			.result());
		await().atMost(Duration.ofSeconds(5)).until(() -> control.pagesDone() == 1);

		control.cancel();

		CrawlResult result = crawl.orTimeout(1, TimeUnit.SECONDS).join();
		assertThat(result.stopReason()).isEqualTo("cancelled");
		assertThat(result.crawled()).containsExactly(this.site.url("/"));
	}

	@Test
	void abortsTheRequestInFlightWhenCancelled() {
		this.site.slowPage("/", Duration.ofSeconds(30), linking());
		CrawlControl control = new CrawlControl();
		CompletableFuture<CrawlResult> crawl = CompletableFuture
			.supplyAsync(() -> this.crawler.crawl(anOrderFor(this.site.url("/")).build(), control).result());
		await().atMost(Duration.ofSeconds(5)).until(() -> this.site.requestedPaths().contains("/"));

		control.cancel();

		CrawlResult result = crawl.orTimeout(1, TimeUnit.SECONDS).join();
		assertThat(result.stopReason()).isEqualTo("cancelled");
		assertThat(result.errors()).containsExactly(entry(this.site.url("/"), "Cancelled while fetching"));
	}

	@Test
	void recordsAClearMessageWhenTheConnectionIsRefused() throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		String start = "http://127.0.0.1:" + closedPort + "/";

		CrawlResult result = crawl(anOrderFor(start));

		assertThat(result.crawled()).isEmpty();
		// robots.txt is asked first: a site that cannot be reached is retried, then
		// skipped.
		assertThat(result.errors().get(start))
			.startsWith("robots.txt unavailable after 3 attempts (Connection failed: ")
			.endsWith("); site skipped");
	}

	@Test
	void recordsPagesLargerThanTheBodyCap() {
		Crawler capped = Crawlers.aCrawler(new SimpleMeterRegistry(), DataSize.ofKilobytes(1));
		this.site.page("/", "<html><body>" + "x".repeat(5000) + "</body></html>");

		CrawlResult result = capped.crawl(anOrderFor(this.site.url("/")).build(), new CrawlControl()).result();

		assertThat(result.errors()).containsExactly(entry(this.site.url("/"), "Body larger than the 1 KB cap"));
	}

	private CrawlResult crawl(CrawlOrderBuilder order) {
		return this.crawler.crawl(order.build(), new CrawlControl()).result();
	}

}

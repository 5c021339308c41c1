package io.dispycluster.worker.crawl;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
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
import static org.awaitility.Awaitility.await;

/**
 * Several fetches of one crawl at once: never more than the setting to a host, the
 * politeness delay still between request starts, and the same pages crawled, in the same
 * order, as one fetch at a time.
 */
class CrawlerConcurrencyTests {

	private static final int PAGES = 60;

	private final FixtureSite site = FixtureSite.start();

	private final AtomicInteger current = new AtomicInteger();

	private final AtomicInteger most = new AtomicInteger();

	@AfterEach
	void closeSite() {
		this.site.close();
	}

	@ParameterizedTest
	@ValueSource(ints = { 1, 4 })
	void neverHasMoreRequestsInFlightToTheHostThanTheSetting(int fetchesAtOnce) {
		serveCountingSite(Duration.ofMillis(20));

		CrawlResult result = Crawlers.aCrawlerFetchingAtOnce(fetchesAtOnce)
			.crawl(anOrderFor(this.site.url("/p/0.html")).withMaxPages(PAGES).build(), new CrawlControl())
			.result();

		assertThat(result.crawled()).hasSize(PAGES);
		assertThat(this.most.get()).isLessThanOrEqualTo(fetchesAtOnce);
		if (fetchesAtOnce > 1) {
			assertThat(this.most.get()).isGreaterThan(1);
		}
	}

	@Test
	void crawlsTheSamePagesInTheSameOrderAsOneFetchAtATime() {
		serveCountingSite(Duration.ZERO);
		this.site.page("/p/7.html", linking("/missing.html", "/p/8.html")).redirect("/p/9.html", 302, "/p/10.html");

		CrawlOrder order = anOrderFor(this.site.url("/p/0.html")).withMaxPages(1000).withMaxDepth(4).build();
		CrawlResult one = Crawlers.aCrawlerFetchingAtOnce(1).crawl(order, new CrawlControl()).result();
		CrawlResult four = Crawlers.aCrawlerFetchingAtOnce(4).crawl(order, new CrawlControl()).result();

		assertThat(four.crawled()).isEqualTo(one.crawled()).hasSizeGreaterThan(20);
		assertThat(four.errors()).isEqualTo(one.errors()).isNotEmpty();
		assertThat(four.states()).isEqualTo(one.states());
		assertThat(four.pages()).extracting(PageDetail::depth)
			.isEqualTo(one.pages().stream().map(PageDetail::depth).toList());
	}

	@Test
	void neverCrawlsMoreThanMaxPagesNorAPageTwice() {
		serveCountingSite(Duration.ZERO);

		CrawlResult result = Crawlers.aCrawlerFetchingAtOnce(4)
			.crawl(anOrderFor(this.site.url("/p/0.html")).withMaxPages(25).build(), new CrawlControl())
			.result();

		assertThat(result.crawled()).hasSize(25).doesNotHaveDuplicates();
		assertThat(result.stopReason()).isEqualTo("max_pages");
		assertThat(this.site.requestedPaths()).hasSize(25);
		assertThat(new HashSet<>(this.site.requestedPaths())).hasSize(25);
	}

	@Test
	void keepsThePolitenessDelayBetweenRequestStarts() {
		serveCountingSite(Duration.ZERO);

		Crawlers.aCrawlerFetchingAtOnce(4)
			.crawl(anOrderFor(this.site.url("/p/0.html")).withMaxPages(6)
				.withPolitenessDelay(Duration.ofMillis(200))
				.build(), new CrawlControl());

		List<FixtureSite.Request> requests = this.site.requests();
		assertThat(requests).hasSize(6);
		for (int i = 1; i < requests.size(); i++) {
			long gap = requests.get(i).nanoTime() - requests.get(i - 1).nanoTime();
			assertThat(Duration.ofNanos(gap)).isGreaterThanOrEqualTo(Duration.ofMillis(150));
		}
	}

	@Test
	void stopsWithinASecondWhenCancelledWithFetchesInFlight() {
		serveCountingSite(Duration.ofSeconds(30));
		CrawlControl control = new CrawlControl();
		CompletableFuture<CrawlResult> crawl = CompletableFuture.supplyAsync(() -> Crawlers.aCrawlerFetchingAtOnce(4)
			.crawl(anOrderFor(this.site.url("/p/0.html")).withMaxPages(PAGES).build(), control)
			.result());
		await().atMost(Duration.ofSeconds(5)).until(() -> this.current.get() == 1);

		control.cancel();

		CrawlResult result = crawl.orTimeout(1, TimeUnit.SECONDS).join();
		assertThat(result.stopReason()).isEqualTo("cancelled");
		assertThat(result.states()).containsEntry("cancelled", 1);
	}

	// Page i links to pages 2i+1, 2i+2 and 3i mod PAGES; each answer takes "delay" and
	// the
	// site counts the requests it serves at once.
	private void serveCountingSite(Duration delay) {
		for (int i = 0; i < PAGES; i++) {
			String html = linking("/p/" + ((2 * i + 1) % PAGES) + ".html", "/p/" + ((2 * i + 2) % PAGES) + ".html",
					"/p/" + ((3 * i) % PAGES) + ".html");
			this.site.handle("/p/" + i + ".html", (exchange) -> {
				this.most.accumulateAndGet(this.current.incrementAndGet(), Math::max);
				try {
					this.site.pause(delay);
					send(exchange, html);
				}
				finally {
					this.current.decrementAndGet();
				}
			});
		}
	}

	private static void send(HttpExchange exchange, String html) throws IOException {
		byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", FixtureSite.HTML);
		exchange.sendResponseHeaders(200, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
		catch (IOException ex) {
			// The crawler went away (cancelled).
		}
	}

}

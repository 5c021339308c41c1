package io.dispycluster.worker.crawl;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import io.dispycluster.worker.testsupport.ClosingSite;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static io.dispycluster.worker.crawl.CrawlOrderBuilder.anOrderFor;
import static io.dispycluster.worker.crawl.Pages.linking;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Crawls of a site whose server closes every connection after one response, as
 * {@code python3 -m http.server} does: several at once lose no page, and no request is
 * written into a closed connection, which would cost a failed attempt and a retry after
 * the backoff.
 */
class CrawlerClosingServerTests {

	private static final int PAGES = 9;

	private static final int CRAWLS = 4;

	private final ClosingSite site = ClosingSite.http10();

	@AfterEach
	void closeSite() {
		this.site.close();
	}

	@Test
	void concurrentCrawlsOfAnHttp10SiteLoseNoPage() {
		for (int page = 0; page < PAGES; page++) {
			this.site.page("/p/" + page + ".html",
					linking("/p/" + ((page + 1) % PAGES) + ".html", "/p/" + ((page + 2) % PAGES) + ".html"));
		}
		for (int crawl = 0; crawl < CRAWLS; crawl++) {
			this.site.page("/start/" + crawl + ".html", linking("/p/0.html"));
		}
		Crawler crawler = Crawlers.aCrawlerFetchingAtOnce(2);

		List<CrawlResult> results = IntStream.range(0, CRAWLS)
			.mapToObj((crawl) -> CompletableFuture.supplyAsync(
					() -> crawler
						.crawl(anOrderFor(this.site.url("/start/" + crawl + ".html")).withMaxPages(20).build(),
								new CrawlControl())
						.result()))
			.toList()
			.stream()
			.map(CompletableFuture::join)
			.toList();

		assertThat(results).allSatisfy((result) -> {
			assertThat(result.errors()).isEmpty();
			assertThat(result.crawled()).hasSize(PAGES + 1);
		});
		List<String> pages = this.site.requestedPaths().stream().filter((path) -> !path.equals("/robots.txt")).toList();
		assertThat(pages).hasSize(CRAWLS * (PAGES + 1));
		assertThat(this.site.requestsOnClosedConnections()).isZero();
		assertThat(this.site.connections()).isEqualTo(this.site.requestedPaths().size());
	}

}

package io.dispycluster.worker.crawl;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.dispycluster.worker.testsupport.FixtureSite;
import okhttp3.Dns;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import static io.dispycluster.worker.crawl.CrawlOrderBuilder.anOrderFor;
import static io.dispycluster.worker.crawl.Pages.linking;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A crawl that fetches several URLs at once does so on threads of its own: they work with
 * the logging context of the thread that runs the crawl (the request id of its job), so
 * that whatever they log is found under that id.
 */
class CrawlerLogContextTests {

	private final FixtureSite site = FixtureSite.start();

	@AfterEach
	void closeSite() {
		this.site.close();
		MDC.clear();
	}

	@Test
	void fetchesWithTheLoggingContextOfTheCrawlsThread() {
		this.site.page("/", linking("/a.html", "/b.html", "/c.html"))
			.page("/a.html", linking("/"))
			.page("/b.html", linking("/"))
			.page("/c.html", linking("/"));
		// Host names are resolved by the thread that fetches: it tells what it sees.
		List<String> seen = new CopyOnWriteArrayList<>();
		Dns dns = (host) -> {
			seen.add(Thread.currentThread().getName() + " " + MDC.get("request_id"));
			return List.of(InetAddress.getByName("127.0.0.1"));
		};
		MDC.setContextMap(Map.of("request_id", "abc"));

		CrawlResult result = Crawlers.aCrawlerResolving(dns, Crawlers.LOOPBACK, 3)
			.crawl(anOrderFor("http://traced.test:" + this.site.port() + "/").build(), new CrawlControl())
			.result();

		assertThat(result.crawled()).hasSize(4);
		assertThat(seen).isNotEmpty().allSatisfy((lookup) -> assertThat(lookup).matches("crawl-\\d+-fetch-\\d+ abc"));
	}

}

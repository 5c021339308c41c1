package io.dispycluster.worker.crawl;

import io.dispycluster.worker.extract.PageReader;
import io.dispycluster.worker.fetch.FetchProperties;
import io.dispycluster.worker.fetch.PageFetcher;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.springframework.util.unit.DataSize;

/**
 * Crawlers wired as in production, without Spring.
 */
public final class Crawlers {

	public static final String USER_AGENT = "DispyClusterBot/test";

	public static final int MAX_REDIRECTS = 5;

	private Crawlers() {
	}

	public static Crawler aCrawler() {
		return aCrawler(new SimpleMeterRegistry(), DataSize.ofMegabytes(2));
	}

	public static Crawler aCrawler(MeterRegistry registry, DataSize maxBodySize) {
		PageFetcher fetcher = new PageFetcher(PageFetcher.newClient(),
				new FetchProperties(USER_AGENT, maxBodySize, MAX_REDIRECTS));
		return new Crawler(fetcher, new PageReader(), new HostThrottle(), new CrawlMetrics(registry), MAX_REDIRECTS);
	}

}

package io.dispycluster.worker.crawl;

import java.util.List;

import io.dispycluster.worker.extract.PageReader;
import io.dispycluster.worker.fetch.AddressGuard;
import io.dispycluster.worker.fetch.GuardProperties;
import io.dispycluster.worker.fetch.FetchProperties;
import io.dispycluster.worker.fetch.PageFetcher;
import io.micrometer.core.instrument.MeterRegistry;
import okhttp3.Dns;
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

	/** The fixture sites live on loopback, so the SSRF guard lets 127.0.0.0/8 through. */
	public static final List<String> LOOPBACK = List.of("127.0.0.0/8");

	public static Crawler aCrawler() {
		return aCrawler(new SimpleMeterRegistry(), DataSize.ofMegabytes(2), LOOPBACK);
	}

	public static Crawler aCrawler(MeterRegistry registry, DataSize maxBodySize) {
		return aCrawler(registry, maxBodySize, LOOPBACK);
	}

	/** A crawler whose SSRF guard allows only these blocks and host names. */
	public static Crawler aCrawlerAllowing(List<String> allowed) {
		return aCrawler(new SimpleMeterRegistry(), DataSize.ofMegabytes(2), allowed);
	}

	/** A crawler that resolves host names with this resolver. */
	public static Crawler aCrawlerResolving(Dns dns, List<String> allowed) {
		return aCrawler(new SimpleMeterRegistry(), DataSize.ofMegabytes(2), allowed, dns);
	}

	private static Crawler aCrawler(MeterRegistry registry, DataSize maxBodySize, List<String> allowed) {
		return aCrawler(registry, maxBodySize, allowed, Dns.SYSTEM);
	}

	private static Crawler aCrawler(MeterRegistry registry, DataSize maxBodySize, List<String> allowed, Dns dns) {
		AddressGuard guard = new AddressGuard(new GuardProperties(allowed));
		PageFetcher fetcher = new PageFetcher(PageFetcher.newClient(guard, dns),
				new FetchProperties(USER_AGENT, maxBodySize, MAX_REDIRECTS), guard);
		return new Crawler(fetcher, new PageReader(), new HostThrottle(), new CrawlMetrics(registry), MAX_REDIRECTS);
	}

}

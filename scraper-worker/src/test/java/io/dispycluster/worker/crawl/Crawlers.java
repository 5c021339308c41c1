package io.dispycluster.worker.crawl;

import java.time.Duration;
import java.util.List;

import io.dispycluster.worker.extract.PageReader;
import io.dispycluster.worker.fetch.AddressGuard;
import io.dispycluster.worker.fetch.GuardProperties;
import io.dispycluster.worker.fetch.FetchProperties;
import io.dispycluster.worker.fetch.PageFetcher;
import io.dispycluster.worker.robots.RobotsProperties;
import io.dispycluster.worker.robots.RobotsRules;
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

	public static Crawler aCrawler(MeterRegistry registry, DataSize maxBodySize, List<String> allowed) {
		return aCrawler(registry, maxBodySize, allowed, Dns.SYSTEM);
	}

	/** A crawler that resolves host names with this resolver, fetching URLs at once. */
	public static Crawler aCrawlerResolving(Dns dns, List<String> allowed, int fetchesAtOnce) {
		return aCrawler(new SimpleMeterRegistry(), DataSize.ofMegabytes(2), allowed, dns, robots(), fetchesAtOnce);
	}

	/** A crawler that fetches up to this many URLs of a crawl at once. */
	public static Crawler aCrawlerFetchingAtOnce(int fetchesAtOnce) {
		return aCrawler(new SimpleMeterRegistry(), DataSize.ofMegabytes(2), LOOPBACK, Dns.SYSTEM, robots(),
				fetchesAtOnce);
	}

	/**
	 * A crawler that fetches up to this many URLs of a crawl at once and holds each
	 * result to this many bytes of JSON.
	 */
	public static Crawler aCrawlerWithResultsUpTo(long maxResultBytes, int fetchesAtOnce) {
		return aCrawler(new SimpleMeterRegistry(), DataSize.ofMegabytes(2), LOOPBACK, Dns.SYSTEM, robots(),
				fetchesAtOnce, maxResultBytes);
	}

	/** A crawler that obeys robots.txt as these properties say. */
	public static Crawler aCrawlerWithRobots(RobotsProperties robots) {
		return aCrawler(new SimpleMeterRegistry(), DataSize.ofMegabytes(2), LOOPBACK, Dns.SYSTEM, robots);
	}

	/** robots.txt obeyed as in production, with short waits between failed attempts. */
	public static RobotsProperties robots() {
		return new RobotsProperties(true, Duration.ofHours(1), Duration.ofSeconds(10), 3, Duration.ofMillis(50),
				Duration.ofMinutes(10));
	}

	private static Crawler aCrawler(MeterRegistry registry, DataSize maxBodySize, List<String> allowed, Dns dns) {
		return aCrawler(registry, maxBodySize, allowed, dns, robots());
	}

	private static Crawler aCrawler(MeterRegistry registry, DataSize maxBodySize, List<String> allowed, Dns dns,
			RobotsProperties robotsProperties) {
		return aCrawler(registry, maxBodySize, allowed, dns, robotsProperties, 1);
	}

	private static Crawler aCrawler(MeterRegistry registry, DataSize maxBodySize, List<String> allowed, Dns dns,
			RobotsProperties robotsProperties, int fetchesAtOnce) {
		return aCrawler(registry, maxBodySize, allowed, dns, robotsProperties, fetchesAtOnce,
				CrawlProperties.DEFAULT_MAX_RESULT_SIZE.toBytes());
	}

	private static Crawler aCrawler(MeterRegistry registry, DataSize maxBodySize, List<String> allowed, Dns dns,
			RobotsProperties robotsProperties, int fetchesAtOnce, long maxResultBytes) {
		AddressGuard guard = new AddressGuard(new GuardProperties(allowed));
		FetchProperties fetchProperties = new FetchProperties(USER_AGENT, maxBodySize, MAX_REDIRECTS, 2,
				Duration.ofMillis(50), Duration.ofSeconds(2), false);
		PageFetcher fetcher = new PageFetcher(PageFetcher.newClient(guard, dns), fetchProperties, guard);
		RobotsRules robots = new RobotsRules(fetcher, fetchProperties, robotsProperties);
		return new Crawler(fetcher, robots, new PageReader(), new HostThrottle(), new CrawlMetrics(registry),
				fetchProperties, fetchesAtOnce, maxResultBytes);
	}

}

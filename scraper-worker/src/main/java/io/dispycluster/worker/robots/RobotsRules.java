package io.dispycluster.worker.robots;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.dispycluster.worker.fetch.AbortSignal;
import io.dispycluster.worker.fetch.FetchProperties;
import io.dispycluster.worker.fetch.PageFetcher;
import okhttp3.HttpUrl;

/**
 * Answers "may this URL be fetched?" from the site's robots.txt, fetched once per site
 * (scheme, host and port) and shared by every crawl of the worker until it expires.
 */
public class RobotsRules {

	private static final int PRUNE_ABOVE = 2048;

	private final RobotsProperties properties;

	private final RobotsFetch fetch;

	private final Map<String, SiteRobots> sites = new ConcurrentHashMap<>();

	public RobotsRules(PageFetcher fetcher, FetchProperties fetchProperties, RobotsProperties properties) {
		this.properties = properties;
		this.fetch = new RobotsFetch(fetcher, fetchProperties.userAgent());
	}

	/** The wait between two attempts at a robots.txt that could not be had. */
	public Duration retryDelay() {
		return this.properties.retryDelay();
	}

	/**
	 * The verdict on one URL, fetching the site's robots.txt if it is not known yet.
	 * @param url an absolute http(s) URL in normal form
	 * @param timeout the timeout of a robots.txt request
	 * @param signal fires when the crawl wants the request abandoned
	 * @return the verdict
	 */
	public RobotsVerdict verdict(String url, Duration timeout, AbortSignal signal) {
		if (!this.properties.enabled()) {
			return RobotsVerdict.allowed(Duration.ZERO);
		}
		HttpUrl parsed = HttpUrl.get(url);
		String robotsUrl = parsed.newBuilder().encodedPath("/robots.txt").query(null).fragment(null).build().toString();
		prune();
		SiteRobots site = this.sites.computeIfAbsent(robotsUrl, (key) -> new SiteRobots(this.properties));
		return site.verdict(url, () -> this.fetch.fetch(robotsUrl, timeout, signal));
	}

	private void prune() {
		if (this.sites.size() > PRUNE_ABOVE) {
			long now = System.nanoTime();
			this.sites.values().removeIf((site) -> site.isExpired(now));
		}
	}

}

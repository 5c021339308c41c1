package io.dispycluster.worker.robots;

import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.dispycluster.worker.fetch.AbortSignal;
import io.dispycluster.worker.fetch.FetchProperties;
import io.dispycluster.worker.fetch.PageFetcher;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/**
 * Answers "may this URL be fetched?" from the site's robots.txt, fetched once per site
 * (scheme, host and port) and user agent, and shared by every crawl of the worker that
 * sends that user agent until it expires. A job that sends its own {@code User-Agent} is
 * held to the rules robots.txt gives that agent, not the worker's.
 */
public class RobotsRules {

	private static final int PRUNE_ABOVE = 2048;

	/**
	 * The most sites remembered. Expired sites go first; a worker that meets more sites
	 * than this within {@code cache-ttl} (crawls that cross origins meet up to three
	 * times {@code max_pages} hosts each) forgets sites not in use, whose robots.txt is
	 * fetched again when a crawl meets them again: without the bound, the rules of every
	 * site met in an hour were held, megabytes for large robots.txt files.
	 */
	static final int MAX_SITES = 4096;

	private final int maxSites;

	private final RobotsProperties properties;

	private final RobotsFetch fetch;

	private final String defaultUserAgent;

	private final Map<String, SiteRobots> sites = new ConcurrentHashMap<>();

	public RobotsRules(PageFetcher fetcher, FetchProperties fetchProperties, RobotsProperties properties) {
		this(fetcher, fetchProperties, properties, MAX_SITES);
	}

	RobotsRules(PageFetcher fetcher, FetchProperties fetchProperties, RobotsProperties properties, int maxSites) {
		this.properties = properties;
		this.maxSites = maxSites;
		this.fetch = new RobotsFetch(fetcher);
		this.defaultUserAgent = fetchProperties.userAgent();
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
		return verdict(url, timeout, signal, null);
	}

	/**
	 * The verdict on one URL for a user agent, fetching the site's robots.txt (with that
	 * user agent) if its rules for the agent are not known yet.
	 * @param url an absolute http(s) URL in normal form
	 * @param timeout the timeout of a robots.txt request
	 * @param signal fires when the crawl wants the request abandoned
	 * @param userAgent the crawl's {@code User-Agent}, or null for the worker's
	 * @return the verdict
	 */
	public RobotsVerdict verdict(String url, Duration timeout, AbortSignal signal, @Nullable String userAgent) {
		if (!this.properties.enabled()) {
			return RobotsVerdict.allowed(Duration.ZERO);
		}
		String agent = (userAgent != null) ? userAgent : this.defaultUserAgent;
		HttpUrl parsed = HttpUrl.get(url);
		String robotsUrl = parsed.newBuilder().encodedPath("/robots.txt").query(null).fragment(null).build().toString();
		prune();
		String key = RobotsFetch.productToken(agent) + " " + robotsUrl;
		SiteRobots site = this.sites.computeIfAbsent(key, (k) -> new SiteRobots(this.properties));
		return site.verdict(url, timeout, signal, () -> this.fetch.fetch(robotsUrl, agent, timeout, signal));
	}

	private void prune() {
		if (this.sites.size() > Math.min(PRUNE_ABOVE, this.maxSites)) {
			long now = System.nanoTime();
			this.sites.values().removeIf((site) -> site.isExpired(now));
		}
		if (this.sites.size() >= this.maxSites) {
			// Forget sites not in use, in no particular order, down to three quarters
			// of the bound, so that this runs once in a while, not at every new site.
			int excess = this.sites.size() - this.maxSites * 3 / 4;
			Iterator<SiteRobots> entries = this.sites.values().iterator();
			while (excess > 0 && entries.hasNext()) {
				if (entries.next().isIdle()) {
					entries.remove();
					excess--;
				}
			}
		}
	}

	/** The sites remembered. */
	int size() {
		return this.sites.size();
	}

}

package io.dispycluster.worker.crawl;

import java.time.Duration;

/**
 * Crawl orders for tests, with test-friendly defaults: 10 pages, same origin only, 5 s
 * per request, 30 s in all, no politeness delay.
 */
public final class CrawlOrderBuilder {

	private final String startUrl;

	private int maxPages = 10;

	private boolean sameOriginOnly = true;

	private Duration requestTimeout = Duration.ofSeconds(5);

	private Duration budget = Duration.ofSeconds(30);

	private Duration politenessDelay = Duration.ZERO;

	private CrawlOrderBuilder(String startUrl) {
		this.startUrl = startUrl;
	}

	public static CrawlOrderBuilder anOrderFor(String startUrl) {
		return new CrawlOrderBuilder(startUrl);
	}

	public CrawlOrderBuilder withMaxPages(int maxPages) {
		this.maxPages = maxPages;
		return this;
	}

	public CrawlOrderBuilder crossingOrigins() {
		this.sameOriginOnly = false;
		return this;
	}

	public CrawlOrderBuilder withRequestTimeout(Duration requestTimeout) {
		this.requestTimeout = requestTimeout;
		return this;
	}

	public CrawlOrderBuilder withBudget(Duration budget) {
		this.budget = budget;
		return this;
	}

	public CrawlOrderBuilder withPolitenessDelay(Duration politenessDelay) {
		this.politenessDelay = politenessDelay;
		return this;
	}

	public CrawlOrder build() {
		return new CrawlOrder(this.startUrl, this.maxPages, this.sameOriginOnly, this.requestTimeout, this.budget,
				this.politenessDelay);
	}

}

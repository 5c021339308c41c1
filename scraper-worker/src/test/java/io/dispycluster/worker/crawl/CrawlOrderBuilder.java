package io.dispycluster.worker.crawl;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.dispycluster.worker.extract.FieldRule;
import org.jspecify.annotations.Nullable;

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

	private int maxDepth = Integer.MAX_VALUE;

	private List<Pattern> include = List.of();

	private List<Pattern> exclude = List.of();

	private @Nullable String userAgent;

	private List<FieldRule> extract = List.of();

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

	public CrawlOrderBuilder withMaxDepth(int maxDepth) {
		this.maxDepth = maxDepth;
		return this;
	}

	public CrawlOrderBuilder including(String... regexes) {
		this.include = Stream.of(regexes).map(Pattern::compile).toList();
		return this;
	}

	public CrawlOrderBuilder excluding(String... regexes) {
		this.exclude = Stream.of(regexes).map(Pattern::compile).toList();
		return this;
	}

	public CrawlOrderBuilder withUserAgent(String userAgent) {
		this.userAgent = userAgent;
		return this;
	}

	public CrawlOrderBuilder extracting(FieldRule... rules) {
		this.extract = List.of(rules);
		return this;
	}

	public CrawlOrder build() {
		return new CrawlOrder(this.startUrl, this.maxPages, this.sameOriginOnly, this.requestTimeout, this.budget,
				this.politenessDelay, this.maxDepth, this.include, this.exclude, this.userAgent, this.extract);
	}

}

package io.dispycluster.worker.crawl;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How the worker crawls.
 *
 * @param politenessDelay the least time between two requests to the same host, across
 * every crawl the worker runs; zero turns the delay off (tests)
 * @param defaultMaxDuration the budget of a crawl whose order names none
 * @param maxDurationLimit the largest budget a crawl may have; longer ones are cut to it
 * @param maxConcurrentFetchesPerHost how many URLs of one crawl are fetched (and parsed)
 * at once, and so at most to any one host; the politeness delay still separates the
 * starts of two requests to a host. 1 (the default) fetches one URL at a time; more suits
 * a site of your own, crawled with no delay
 * @param maxResultSize the largest result a crawl may produce, as JSON: once it is
 * reached the crawl stops ({@code stop_reason} {@code max_result_size}), and a page that
 * did not fit is listed in {@code errors}. It bounds what the worker holds for a crawl
 * and what the controller needs (about twice it) to take the report
 * @param maxSynchronousCrawls how many crawls the worker's own {@code POST /scrape} runs
 * at once, beside the jobs the controller assigns (which its capacity bounds); one more
 * is answered 503 with {@code Retry-After}. Each may hold up to {@code maxResultSize}:
 * the default of 4 keeps them, with two jobs, within a Pi's 96 MB heap
 */
@ConfigurationProperties("dispycluster.worker.crawl")
@Validated
public record CrawlProperties(@DefaultValue("1s") Duration politenessDelay,
		@DefaultValue("1h") Duration defaultMaxDuration, @DefaultValue("6h") Duration maxDurationLimit,
		@DefaultValue("1") @Min(1) @Max(16) int maxConcurrentFetchesPerHost,
		@DefaultValue("8MB") DataSize maxResultSize, @DefaultValue("4") @Min(1) @Max(200) int maxSynchronousCrawls) {

	/**
	 * 8 MB. Measured on 1,000 blog articles (20 links and 8 KB of text each), a result
	 * takes 0.7 MB without extraction rules, 2.7 MB with five short fields and a list of
	 * the links, 8.2 MB with the text of every paragraph: common rules fit, while the
	 * controller's 96 MB heap takes such a report (about twice its size) from more than
	 * one worker at once, and a worker's 96 MB heap holds the results of its two jobs.
	 */
	public static final DataSize DEFAULT_MAX_RESULT_SIZE = DataSize.ofMegabytes(8);

	// Below 64 KB a crawl would stop after a page or two.
	private static final DataSize MIN_RESULT_SIZE = DataSize.ofKilobytes(64);

	public CrawlProperties {
		if (maxResultSize.compareTo(MIN_RESULT_SIZE) < 0 || maxResultSize.toBytes() > Integer.MAX_VALUE) {
			throw new IllegalArgumentException(
					"dispycluster.worker.crawl.max-result-size must be between 64KB and 2GB, not " + maxResultSize);
		}
	}

}

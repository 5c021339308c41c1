package io.dispycluster.worker.crawl;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
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
 */
@ConfigurationProperties("dispycluster.worker.crawl")
@Validated
public record CrawlProperties(@DefaultValue("1s") Duration politenessDelay,
		@DefaultValue("1h") Duration defaultMaxDuration, @DefaultValue("6h") Duration maxDurationLimit,
		@DefaultValue("1") @Min(1) @Max(16) int maxConcurrentFetchesPerHost) {
}

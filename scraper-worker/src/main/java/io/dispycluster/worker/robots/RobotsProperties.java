package io.dispycluster.worker.robots;

import java.time.Duration;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the worker obeys robots.txt.
 *
 * @param enabled whether robots.txt is obeyed (it is by default; turning it off is for
 * sites one owns)
 * @param cacheTtl how long a site's robots.txt is trusted before it is fetched again
 * @param crawlDelayCap the longest {@code Crawl-delay} honoured; a longer one is cut to
 * it
 * @param attempts how many times a robots.txt that answers 5xx, 429 or nothing is tried
 * before the site is skipped
 * @param retryDelay the wait between two of those attempts
 * @param unavailableTtl how long a site whose robots.txt could not be had stays skipped
 */
@ConfigurationProperties("dispycluster.worker.robots")
@Validated
public record RobotsProperties(@DefaultValue("true") boolean enabled, @DefaultValue("1h") Duration cacheTtl,
		@DefaultValue("10s") Duration crawlDelayCap, @DefaultValue("3") @Min(1) int attempts,
		@DefaultValue("2s") Duration retryDelay, @DefaultValue("10m") Duration unavailableTtl) {
}

package io.dispycluster.worker.fetch;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How the worker fetches pages.
 *
 * @param userAgent the {@code User-Agent} of every request; it names the product and a
 * contact URL so that a site's operator knows who crawls them
 * @param maxBodySize the largest HTML body read; a larger page is recorded as too large
 * and not parsed
 * @param maxRedirects the most redirects followed from one URL; each hop is checked like
 * a new request
 */
@ConfigurationProperties("dispycluster.worker.fetch")
@Validated
public record FetchProperties(
		@DefaultValue("DispyClusterBot/1.0 (+https://github.com/loupix/DispyCluster)") @NotBlank String userAgent,
		@DefaultValue("2MB") DataSize maxBodySize, @DefaultValue("5") @Min(0) int maxRedirects,
		@DefaultValue("2") @Min(0) int retries, @DefaultValue("1s") Duration retryBackoff,
		@DefaultValue("60s") Duration retryAfterCap, @DefaultValue("false") boolean allowUserAgentOverride) {
}

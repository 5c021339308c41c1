package io.dispycluster.model.job;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The optional crawl settings of a job, beyond the upstream contract. They travel as
 * top-level fields of the same JSON object as a {@link ScrapeRequest} (and of the
 * {@code spec} of a {@link ScrapeAssignment}), so a reader that knows only the contract
 * ignores them: read the object once as the contract record and once as this one. Every
 * field is optional; absent means the worker's default.
 *
 * @param maxDepth the most links followed from the start URL (0: the start page only);
 * deeper links are not crawled
 * @param includePatterns regular expressions; when present, a link is followed only if
 * one of them matches somewhere in its URL
 * @param excludePatterns regular expressions; a link is not followed if one of them
 * matches somewhere in its URL
 * @param delayMs the least time between two requests to the same host, in milliseconds,
 * instead of the worker's politeness delay
 * @param userAgent the {@code User-Agent} to send instead of the worker's, where the
 * worker's configuration allows it
 * @param extract fields to read from every crawled page, by name
 */
public record CrawlOptions(@Nullable Integer maxDepth, @Nullable List<String> includePatterns,
		@Nullable List<String> excludePatterns, @Nullable Integer delayMs, @Nullable String userAgent,
		@Nullable Map<String, ExtractRule> extract) {

	public CrawlOptions {
		includePatterns = (includePatterns != null) ? Collections.unmodifiableList(includePatterns.stream().toList())
				: null;
		excludePatterns = (excludePatterns != null) ? Collections.unmodifiableList(excludePatterns.stream().toList())
				: null;
		// Field order matters to readers of the extracted data: keep it.
		extract = (extract != null) ? Collections.unmodifiableMap(new LinkedHashMap<>(extract)) : null;
	}

	/** No options: every default applies. */
	public static CrawlOptions none() {
		return new CrawlOptions(null, null, null, null, null, null);
	}

}

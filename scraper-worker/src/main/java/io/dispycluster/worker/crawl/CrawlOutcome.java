package io.dispycluster.worker.crawl;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What a crawl produced: the result in its wire shape, how many URLs ended in each state,
 * and, when the start URL itself was refused, why.
 *
 * @param result the crawl's result
 * @param states the number of URLs that ended in each state (states no URL reached are
 * absent)
 * @param refusal why the start URL was refused (blocked address, robots.txt), or null
 */
public record CrawlOutcome(CrawlResult result, Map<PageState, Integer> states, @Nullable String refusal) {

	public CrawlOutcome {
		states = Collections.unmodifiableMap(states.isEmpty() ? new EnumMap<>(PageState.class) : new EnumMap<>(states));
	}

}

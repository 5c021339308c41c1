package io.dispycluster.worker.extract;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.dispycluster.model.job.PiiFindings;
import org.jspecify.annotations.Nullable;

/**
 * What the extractors read from one page.
 *
 * @param title the page's title, or null
 * @param description the page's meta description, or null
 * @param links the page's links in normal form, each once, in document order
 * @param pii the personal data it shows
 * @param data the fields the job's extraction rules read, by name
 */
public record PageContent(@Nullable String title, @Nullable String description, List<String> links, PiiFindings pii,
		Map<String, @Nullable Object> data) {

	public PageContent {
		links = List.copyOf(links);
		// Values may be null (no match), which Map.copyOf refuses.
		data = Collections.unmodifiableMap(new LinkedHashMap<>(data));
	}

}

package io.dispycluster.worker.extract;

import java.util.List;

import io.dispycluster.model.job.PiiFindings;
import org.jspecify.annotations.Nullable;

/**
 * What the extractors read from one page.
 *
 * @param title the page's title, or null
 * @param description the page's meta description, or null
 * @param links the page's links in normal form, each once, in document order
 * @param pii the personal data it shows
 */
public record PageContent(@Nullable String title, @Nullable String description, List<String> links, PiiFindings pii) {

	public PageContent {
		links = List.copyOf(links);
	}

}

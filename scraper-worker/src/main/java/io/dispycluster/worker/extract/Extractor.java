package io.dispycluster.worker.extract;

import org.jsoup.nodes.Document;

/**
 * One rule that reads one thing from a parsed page. Implementations are small and
 * stateless; the page's URL, after redirects and {@code <base href>}, is the document's
 * base URI.
 *
 * @param <T> what the rule extracts
 */
@FunctionalInterface
public interface Extractor<T> {

	/**
	 * Reads this rule's value from a page. Must not modify the document, which other
	 * extractors read too.
	 * @param page the parsed page
	 * @return the extracted value, never null
	 */
	T extract(Document page);

}

package io.dispycluster.worker.extract;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * The text a reader sees in the page's body: no markup, attributes or comments, no script
 * or style content (jsoup keeps those apart from text already), and nothing inside
 * templates or elements hidden with the {@code hidden} attribute or
 * {@code display: none}.
 */
public class VisibleTextExtractor implements Extractor<String> {

	private static final Evaluator INVISIBLE = QueryParser
		.parse("template, [hidden], [style~=(?i)display\\s*:\\s*none]");

	@Override
	public String extract(Document page) {
		Element body = page.body();
		if (body.selectFirst(INVISIBLE) == null) {
			return body.text();
		}
		// Work on a copy: other extractors read the same document.
		Element copy = body.clone();
		copy.select(INVISIBLE).remove();
		return copy.text();
	}

}

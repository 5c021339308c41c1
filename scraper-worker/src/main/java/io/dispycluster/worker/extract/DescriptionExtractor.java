package io.dispycluster.worker.extract;

import java.util.Optional;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * The page's {@code <meta name="description">}, whitespace-normalised as the title is
 * (no-break spaces included, which {@code &nbsp;} in the attribute gives); empty when
 * missing or blank; cut at {@value DataExtractor#MAX_VALUE_LENGTH} characters, as the
 * title is.
 */
public class DescriptionExtractor implements Extractor<Optional<String>> {

	private static final Evaluator DESCRIPTION = QueryParser.parse("meta[name=description][content]");

	@Override
	public Optional<String> extract(Document page) {
		Element meta = page.selectFirst(DESCRIPTION);
		if (meta == null) {
			return Optional.empty();
		}
		String description = DataExtractor.cut(NormalisedText.of(meta.attr("content")));
		return description.isEmpty() ? Optional.empty() : Optional.of(description);
	}

}

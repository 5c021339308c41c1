package io.dispycluster.worker.extract;

import java.util.Optional;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * The page's title as a browser shows it: the text of the document's first HTML
 * {@code <title>}, wherever it is, whitespace-normalised; empty when missing or blank.
 * <p>
 * Not only the head's: anything a page has before {@code <html>} (a server's warning, an
 * injected banner) makes the parser put the head's elements into the body, and browsers
 * still show the title found there. An SVG image's {@code <title>} is its tooltip, never
 * the page's. It is cut at {@value DataExtractor#MAX_VALUE_LENGTH} characters, as an
 * extracted value is: a page must not fill the result with its title.
 */
public class TitleExtractor implements Extractor<Optional<String>> {

	private static final Evaluator TITLE = QueryParser.parse("title");

	@Override
	public Optional<String> extract(Document page) {
		Element title = page.head().selectFirst(TITLE);
		if (title == null) {
			title = page.select(TITLE)
				.stream()
				.filter((element) -> Parser.NamespaceHtml.equals(element.tag().namespace()))
				.findFirst()
				.orElse(null);
		}
		String text = (title != null) ? DataExtractor.cut(NormalisedText.of(title.text())) : "";
		return text.isEmpty() ? Optional.empty() : Optional.of(text);
	}

}

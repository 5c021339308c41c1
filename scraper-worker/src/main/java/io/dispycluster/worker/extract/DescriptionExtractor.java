package io.dispycluster.worker.extract;

import java.util.Optional;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The page's {@code <meta name="description">}, whitespace-normalised; empty when missing
 * or blank.
 */
public class DescriptionExtractor implements Extractor<Optional<String>> {

	@Override
	public Optional<String> extract(Document page) {
		Element meta = page.selectFirst("meta[name=description][content]");
		if (meta == null) {
			return Optional.empty();
		}
		String description = meta.attr("content").strip().replaceAll("\\s+", " ");
		return description.isEmpty() ? Optional.empty() : Optional.of(description);
	}

}

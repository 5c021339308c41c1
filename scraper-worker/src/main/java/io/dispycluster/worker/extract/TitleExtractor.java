package io.dispycluster.worker.extract;

import java.util.Optional;

import org.jsoup.nodes.Document;

/**
 * The page's {@code <title>}, whitespace-normalised; empty when missing or blank.
 */
public class TitleExtractor implements Extractor<Optional<String>> {

	@Override
	public Optional<String> extract(Document page) {
		String title = page.title().strip();
		return title.isEmpty() ? Optional.empty() : Optional.of(title);
	}

}

package io.dispycluster.worker.extract;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page title, whitespace-normalised, or nothing.
 */
class TitleExtractorTests {

	private final TitleExtractor extractor = new TitleExtractor();

	@Test
	void readsTheNormalisedTitle() {
		assertThat(this.extractor.extract(SavedPages.load("contact-fr.html", "https://boulangerie-martin.fr/")))
			.contains("Contactez-nous | Boulangerie Martin");
	}

	@Test
	void givesNothingForABlankTitle() {
		assertThat(this.extractor.extract(SavedPages.load("no-title.html", "https://example.org/"))).isEmpty();
	}

}

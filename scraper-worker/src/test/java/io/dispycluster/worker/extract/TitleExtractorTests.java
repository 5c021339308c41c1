package io.dispycluster.worker.extract;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page title, whitespace-normalised, or nothing, found where a browser finds it.
 */
class TitleExtractorTests {

	private final TitleExtractor extractor = new TitleExtractor();

	@Test
	void readsTheNormalisedTitle() {
		assertThat(this.extractor.extract(SavedPages.load("contact-fr.html", "https://boulangerie-martin.fr/")))
			.contains("Contactez-nous | Boulangerie Martin");
	}

	@Test
	void readsTheTitleThatTextBeforeTheHtmlElementPushedIntoTheBody() {
		Document page = Jsoup.parse("""
				<b>Warning</b>: Undefined variable $user in /var/www/index.php on line 3
				<!DOCTYPE html><html><head><title> Our&nbsp;
				  shop </title></head><body><svg><title>Cart icon</title></svg></body></html>
				""");

		assertThat(this.extractor.extract(page)).contains("Our shop");
	}

	@Test
	void cutsAHugeTitleAsAnExtractedValueIs() {
		Document page = Jsoup.parse("<html><head><title>" + "t".repeat(1_500_000) + "</title></head></html>");

		assertThat(this.extractor.extract(page))
			.hasValueSatisfying((title) -> assertThat(title).hasSize(DataExtractor.MAX_VALUE_LENGTH));
	}

	@Test
	void neverTakesAnSvgImagesTitleForThePages() {
		Document page = Jsoup.parse("<html><head></head><body><svg><title>Cart icon</title></svg></body></html>");

		assertThat(this.extractor.extract(page)).isEmpty();
	}

	@Test
	void givesNothingForABlankTitle() {
		assertThat(this.extractor.extract(SavedPages.load("no-title.html", "https://example.org/"))).isEmpty();
	}

}

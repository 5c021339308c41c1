package io.dispycluster.worker.extract;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page's meta description, whitespace-normalised like its title, or nothing.
 */
class DescriptionExtractorTests {

	private final DescriptionExtractor extractor = new DescriptionExtractor();

	@Test
	void collapsesWhitespaceAndNoBreakSpacesLikeTheTitle() {
		String page = "<html><head><meta name=description content=' Fresh&nbsp;&nbsp;bread\n\t every&#160;day '>"
				+ "</head><body></body></html>";

		assertThat(this.extractor.extract(Jsoup.parse(page))).contains("Fresh bread every day");
	}

	@Test
	void cutsAHugeDescriptionAsTheTitleIs() {
		String page = "<meta name=description content='" + "d".repeat(400_000) + "'>";

		assertThat(this.extractor.extract(Jsoup.parse(page)))
			.hasValueSatisfying((description) -> assertThat(description).hasSize(DataExtractor.MAX_VALUE_LENGTH));
	}

	@Test
	void givesNothingForAMissingOrBlankDescription() {
		assertThat(this.extractor.extract(Jsoup.parse("<html><head></head></html>"))).isEmpty();
		assertThat(this.extractor.extract(Jsoup.parse("<meta name=description content='&nbsp; '>"))).isEmpty();
	}

}

package io.dispycluster.worker.extract;

import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.entry;

/**
 * Extraction rules on a saved product page.
 */
class DataExtractorTests {

	private final Document page = SavedPages.load("product.html", "https://shop.example/bread/sourdough.html");

	@Test
	void readsTheTextOfTheFirstMatchByDefault() {
		assertThat(extract(FieldRule.compile("name", "h1.name", "text", false),
				FieldRule.compile("price", ".price", "text", false)))
			.containsExactly(entry("name", "Sourdough loaf"), entry("price", "4,20 €"));
	}

	@Test
	void readsInnerHtml() {
		assertThat(extract(FieldRule.compile("desc", ".desc", "html", false)))
			.containsExactly(entry("desc", "<p>Slow-fermented for <b>36 hours</b>.</p>"));
	}

	@Test
	void resolvesUrlAttributesAgainstThePage() {
		assertThat(extract(FieldRule.compile("photo", "img.photo", "src", false),
				FieldRule.compile("more", "a.more", "href", false),
				FieldRule.compile("sku", "article", "data-sku", false)))
			.containsExactly(entry("photo", "https://shop.example/img/loaf.jpg"),
					entry("more", "https://shop.example/bread/reviews.html#top"), entry("sku", "SD-400"));
	}

	@Test
	void readsEveryMatchIntoAListWithAll() {
		assertThat(extract(FieldRule.compile("tags", ".tags li", "text", true),
				FieldRule.compile("links", "nav a", "href", true)))
			.containsExactly(entry("tags", List.of("bread", "organic", "vegan")),
					entry("links", List.of("https://shop.example/", "https://shop.example/shop/")));
	}

	@Test
	void givesNullOrAnEmptyListWhenNothingMatches() {
		Map<String, Object> data = extract(FieldRule.compile("stock", ".stock", "text", false),
				FieldRule.compile("colours", ".colour", "text", true));

		assertThat(data).containsExactly(entry("stock", null), entry("colours", List.of()));
	}

	@Test
	void boundsWhatAPageYields() {
		Document huge = Jsoup.parse("<p>" + "x".repeat(50_000) + "</p>" + "<li>a</li>".repeat(500));

		Map<String, Object> data = new DataExtractor(
				List.of(FieldRule.compile("p", "p", "text", false), FieldRule.compile("li", "li", "text", true)))
			.extract(huge);

		assertThat((String) data.get("p")).hasSize(DataExtractor.MAX_VALUE_LENGTH);
		assertThat((List<?>) data.get("li")).hasSize(DataExtractor.MAX_VALUES);
	}

	@Test
	void neverCutsAValueInTheMiddleOfAnEmoji() {
		String emoji = "\uD83D\uDE00";
		Document page = Jsoup.parse("<p>" + "a".repeat(DataExtractor.MAX_VALUE_LENGTH - 1) + emoji.repeat(3) + "</p>");

		String value = (String) new DataExtractor(List.of(FieldRule.compile("p", "p", "text", false))).extract(page)
			.get("p");

		assertThat(value).hasSize(DataExtractor.MAX_VALUE_LENGTH - 1).doesNotContain("\uD83D");
	}

	@ParameterizedTest
	@ValueSource(strings = { "div[", "a::b", ">>", "p:nth-child(x)" })
	void refusesAnInvalidSelector(String selector) {
		assertThatIllegalArgumentException().isThrownBy(() -> FieldRule.compile("f", selector, "text", false))
			.withMessageStartingWith("selector: not a valid CSS selector");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "1abc", "on click", "a\"b" })
	void refusesAnInvalidAttribute(String attribute) {
		assertThatIllegalArgumentException().isThrownBy(() -> FieldRule.compile("f", "p", attribute, false))
			.withMessageStartingWith("attribute:");
	}

	private Map<String, Object> extract(FieldRule... rules) {
		return new DataExtractor(List.of(rules)).extract(this.page);
	}

}

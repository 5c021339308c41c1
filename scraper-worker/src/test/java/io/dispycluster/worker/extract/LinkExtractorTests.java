package io.dispycluster.worker.extract;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Links on a saved page: anchors and areas only, resolved against the base href, in
 * normal form, without fragments, each once.
 */
class LinkExtractorTests {

	@Test
	void resolvesAnchorAndAreaLinksAgainstTheBaseHref() {
		assertThat(new LinkExtractor().extract(SavedPages.load("links.html", "http://example.org/start")))
			.containsExactly("https://example.org/docs/intro.html", "https://example.org/about/",
					"https://example.org/search?q=a%20b&lang=fr", "https://example.org/docs/guide.html",
					"https://example.org/docs/guide2.html", "https://cdn.example.net/lib/",
					"http://other.example.com/Path", "https://example.org/docs/",
					"https://example.org/docs/map-target.html");
	}

	@Test
	void resolvesAgainstThePageUrlWithoutBaseHref() {
		var page = org.jsoup.Jsoup.parse("<a href='b.html#x'>b</a><a href='/c'>c</a>", "http://example.org/a/page");

		assertThat(new LinkExtractor().extract(page)).containsExactly("http://example.org/a/b.html",
				"http://example.org/c");
	}

}

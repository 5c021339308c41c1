package io.dispycluster.worker.extract;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Links on a saved page: anchors, areas, frames and meta refreshes, resolved against the
 * base href, in normal form, without fragments, each once.
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

	@ParameterizedTest
	@ValueSource(strings = { "javascript:void(0)", "JavaScript:;", "data:text/html,base", "https://example.org:99999/",
			"http://exa mple.org/" })
	void resolvesAgainstThePageUrlWhenTheBaseHrefIsNoneBrowsersUse(String href) {
		var page = org.jsoup.Jsoup.parse("<base href='" + href + "'><a href='b.html'>b</a><a href='/c'>c</a>",
				"http://example.org/a/page");

		assertThat(new LinkExtractor().extract(page)).containsExactly("http://example.org/a/b.html",
				"http://example.org/c");
	}

	@ParameterizedTest
	@ValueSource(strings = { "ftp://files.example.org/", "mailto:someone@example.org" })
	void followsNoLinkResolvedAgainstABaseOfAnotherScheme(String href) {
		var page = org.jsoup.Jsoup.parse("<base href='" + href + "'><a href='b.html'>b</a><a href='/c'>c</a>"
				+ "<a href='https://example.org/d'>d</a>", "http://example.org/a/page");

		assertThat(new LinkExtractor().extract(page)).containsExactly("https://example.org/d");
	}

	@Test
	void leavesOutTheLinksCloudflareMakesOfMailtoLinks() {
		var page = org.jsoup.Jsoup.parse("""
				<a href="/cdn-cgi/l/email-protection#5a3935342e3b392e1a3f223b372a363f7435283d">Mail us</a>
				<a href="/cdn-cgi/l/email-protection" class="__cf_email__" data-cfemail="5a39">[email protected]</a>
				<a href="/cdn-cgi/l/other">other</a><a href="/docs/cdn-cgi/l/email-protection">docs</a>""",
				"http://example.org/");

		assertThat(new LinkExtractor().extract(page)).containsExactly("http://example.org/cdn-cgi/l/other",
				"http://example.org/docs/cdn-cgi/l/email-protection");
	}

	@Test
	void followsFramesAndMetaRefreshButNotEmbeddedFrames() {
		var page = org.jsoup.Jsoup.parse("""
				<html><head><meta http-equiv="Refresh" content="0; URL='/en/'">
				<meta http-equiv="content-type" content="0; url=/not-a-refresh"></head>
				<frameset><frame src="menu.html"><frame src="main.html#top"></frameset>
				<iframe src="https://maps.example.com/embed"></iframe></html>""", "http://example.org/");

		assertThat(new LinkExtractor().extract(page)).containsExactly("http://example.org/en/",
				"http://example.org/menu.html", "http://example.org/main.html");
	}

	@Test
	void readsTheRefreshTargetAsBrowsersDo() {
		assertThat(MetaRefresh.target("5; url=https://example.org/next")).hasValue("https://example.org/next");
		assertThat(MetaRefresh.target(" 0 ,URL = \"/moved here\" ")).hasValue("/moved here");
		assertThat(MetaRefresh.target("3;/direct")).hasValue("/direct");
		assertThat(MetaRefresh.target("1.5; url='/quoted' trailing")).hasValue("/quoted");
		assertThat(MetaRefresh.target("0; urlish.html")).hasValue("urlish.html");
		assertThat(MetaRefresh.target("30")).isEmpty();
		assertThat(MetaRefresh.target("30; ")).isEmpty();
		assertThat(MetaRefresh.target("url=/no-time")).isEmpty();
	}

}

package io.dispycluster.worker.extract;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The normal form of URLs: what the crawler compares and de-duplicates.
 */
class WebUrlsTests {

	@ParameterizedTest
	@CsvSource({ "HTTP://Example.ORG, http://example.org/", "http://example.org:80/a, http://example.org/a",
			"https://example.org:443/a, https://example.org/a", "http://example.org:8080, http://example.org:8080/",
			"http://example.org/a/./b/../c, http://example.org/a/c", "http://example.org/a#frag, http://example.org/a",
			"' http://example.org/a b ', http://example.org/a%20b",
			"http://example.org/?b=2&a=1, http://example.org/?b=2&a=1" })
	void normalisesUrls(String url, String normal) {
		assertThat(WebUrls.normalize(url)).contains(normal);
	}

	@ParameterizedTest
	@CsvSource({ "http://example.org/page/?, http://example.org/page/",
			"http://example.org/page/#, http://example.org/page/",
			"http://example.org/page/?#, http://example.org/page/",
			"http://example.org/page?#top, http://example.org/page",
			"HTTP://Example.ORG:80/a/./b/../c?, http://example.org/a/c",
			"http://example.org/a?x=1#, http://example.org/a?x=1", "http://example.org/a?=, http://example.org/a?=",
			"http://example.org/a??, http://example.org/a??" })
	void dropsAnEmptyQueryAndAnEmptyFragment(String url, String normal) {
		assertThat(WebUrls.normalize(url)).contains(normal);
	}

	@ParameterizedTest
	@CsvSource({ "http://example.org/caf%c3%a9, http://example.org/caf%C3%A9",
			"http://example.org/a?q=%2f%2F#%aa, http://example.org/a?q=%2F%2F",
			"http://user%3a@example.org/, http://user%3A@example.org/",
			"http://example.org/50%off?fee=5%, http://example.org/50%off?fee=5%",
			"http://example.org/%%41%4, http://example.org/%%41%4" })
	void writesPercentEscapesWithUpperCaseHexDigitsOnly(String url, String normal) {
		assertThat(WebUrls.normalize(url)).contains(normal);
	}

	@ParameterizedTest
	@CsvSource({ "http://example.org/%7euser/, http://example.org/~user/",
			"http://example.org/%7Euser/, http://example.org/~user/",
			"http://example.org/%41%2d%5F%2E%30?q=%7e&%61=1, http://example.org/A-_.0?q=~&a=1",
			"http://%75ser@example.org/, http://user@example.org/",
			"http://example.org/a%2fb%3f?x=%26%3D, http://example.org/a%2Fb%3F?x=%26%3D",
			"http://example.org/%%34%31, http://example.org/%%34%31" })
	void decodesEscapesOfCharactersThatNeedNoneAndKeepsTheOthers(String url, String normal) {
		assertThat(WebUrls.normalize(url)).contains(normal);
	}

	@ParameterizedTest
	@CsvSource({ "http://example.org/page/, http://example.org/page/",
			"http://example.org/page, http://example.org/page",
			"http://example.org/a?b=2&a=1&c, http://example.org/a?b=2&a=1&c",
			"http://example.org/A/B, http://example.org/A/B", "http://example.org/a//b, http://example.org/a//b" })
	void keepsWhatMayNameAnotherPage(String url, String normal) {
		assertThat(WebUrls.normalize(url)).contains(normal);
	}

	@ParameterizedTest
	@CsvSource({ "?, http://example.org/dir/page", "?#top, http://example.org/dir/page",
			"#, http://example.org/dir/page?x=1", "../other/?, http://example.org/other/",
			"HTTP://EXAMPLE.org:80/x/./y?, http://example.org/x/y" })
	void resolvesLinksToTheSameNormalForm(String href, String normal) {
		assertThat(WebUrls.resolve("http://example.org/dir/page?x=1", href)).contains(normal);
	}

	@ParameterizedTest
	@ValueSource(strings = { "ftp://example.org/", "mailto:a@example.org", "javascript:alert(1)", "example.org",
			"/relative", "http://", "" })
	void refusesWhatIsNotAnAbsoluteHttpUrl(String url) {
		assertThat(WebUrls.normalize(url)).isEmpty();
	}

	@ParameterizedTest
	@CsvSource({ "http://example.org/, example.org", "http://example.org:8080/, example.org:8080",
			"https://example.org/, example.org", "http://example.org:443/, example.org:443",
			"'http://[::1]:8080/', '[::1]:8080'", "'http://[::1:8080]/', '[::1:8080]'" })
	void namesTheAuthorityWithoutADefaultPort(String url, String authority) {
		assertThat(WebUrls.authority(url)).isEqualTo(authority);
	}

}

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
	@ValueSource(strings = { "ftp://example.org/", "mailto:a@example.org", "javascript:alert(1)", "example.org",
			"/relative", "http://", "" })
	void refusesWhatIsNotAnAbsoluteHttpUrl(String url) {
		assertThat(WebUrls.normalize(url)).isEmpty();
	}

	@ParameterizedTest
	@CsvSource({ "http://example.org/, example.org", "http://example.org:8080/, example.org:8080",
			"https://example.org/, example.org", "http://example.org:443/, example.org:443" })
	void namesTheAuthorityWithoutADefaultPort(String url, String authority) {
		assertThat(WebUrls.authority(url)).isEqualTo(authority);
	}

}

package io.dispycluster.support.submission;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one rule for start URLs, of the controller's jobs and of the scheduler's tasks and
 * steps alike: a URL one accepts and the other refuses would fail every run of a task, or
 * be refused for nothing.
 */
class StartUrlsTests {

	@ParameterizedTest
	@ValueSource(strings = { "https://example.org/", "http://example.org", "http://nas_01.lan/", "https://exämple.org/",
			"http://[::1]:8080/", "http://example.org:65535/x?q=1#f", "http://user@example.org/",
			"https://example.org/search?q=a|b", "https://example.org/a b", "HTTP://EXAMPLE.ORG/" })
	void acceptsWhatACrawlCanStartFrom(String url) {
		assertThat(StartUrls.problem(url)).isNull();
		assertThat(StartUrls.normalise(url)).isNotNull();
	}

	@ParameterizedTest
	@CsvSource(delimiter = ';',
			value = { "http://example.org:0/;must have a port between 1 and 65535",
					"http://example.org:99999/;must have a port between 1 and 65535",
					"http://example.org:-1/;must have a port between 1 and 65535",
					"ftp://example.org/;must be an http or https URL", "http:example.org;must have a host",
					"http://:80/;must have a host", "http://user@/;must have a host",
					"example.org;must be an http or https URL", "http://exa mple.org/;is not a valid URL",
					"http://example.org\\a;is not a valid URL" })
	void refusesWhatNoWorkerCouldCrawlSayingWhy(String url, String problem) {
		assertThat(StartUrls.problem(url)).isEqualTo(problem);
		assertThat(StartUrls.normalise(url)).isNull();
	}

	@Test
	void refusesBlankAndOverlongUrls() {
		assertThat(StartUrls.problem(" ")).isEqualTo("must not be blank");
		assertThat(StartUrls.problem(null)).isEqualTo("must not be blank");
		String overlong = "https://example.org/" + "a".repeat(StartUrls.MAX_LENGTH);
		assertThat(StartUrls.problem(overlong)).isEqualTo("must be at most 2083 characters");
	}

	@Test
	void storesAUrlAsBrowsersSendIt() {
		assertThat(StartUrls.normalise("  http://example.org  ")).isEqualTo("http://example.org/");
		assertThat(StartUrls.normalise("http://example.org?q=1")).isEqualTo("http://example.org/?q=1");
		assertThat(StartUrls.normalise("https://example.org/a b?q={x}|\"y\""))
			.isEqualTo("https://example.org/a%20b?q=%7Bx%7D%7C%22y%22");
		assertThat(StartUrls.normalise("https://example.org/100%?ok=%41"))
			.isEqualTo("https://example.org/100%25?ok=%41");
	}

	@ParameterizedTest
	@CsvSource(delimiterString = "->", textBlock = """
			http://site.test/a@b?c=@d      -> http://site.test/a@b?c=@d
			https://bob@site.test          -> https://***@site.test
			http://a:b@c@site.test:8080/x  -> http://***@site.test:8080/x
			http://site.test?to=a@b.test   -> http://site.test?to=a@b.test
			not a url                      -> not a url
			""")
	void masksOnlyTheCredentialsOfTheAuthorityForLogs(String url, String logged) {
		assertThat(StartUrls.withoutCredentials(url)).isEqualTo(logged);
	}

}

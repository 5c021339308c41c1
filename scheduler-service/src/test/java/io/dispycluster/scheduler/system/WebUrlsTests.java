package io.dispycluster.scheduler.system;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The URLs of tasks and scrape steps follow the controller's rule for the URLs of a
 * batch: a task the controller would refuse fails every run, and one it accepts must not
 * be refused when saved.
 */
class WebUrlsTests {

	@ParameterizedTest
	@ValueSource(strings = { "https://example.org/", "http://example.org", "http://nas_01.lan/", "https://exämple.org/",
			"http://[::1]:8080/", "http://example.org:65535/x?q=1#f", "http://user@example.org/" })
	void acceptsWhatTheControllerAccepts(String url) {
		assertThat(WebUrls.problem(url)).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://example.org:0/", "http://example.org:99999/", "http://example.org:-1/",
			"ftp://example.org/", "http:example.org", "http://:80/", "http://user@/", "example.org", " " })
	void refusesWhatTheControllerRefuses(String url) {
		assertThat(WebUrls.problem(url)).isNotNull();
	}

}

package io.dispycluster.worker.crawl;

import io.dispycluster.worker.extract.WebUrls;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract's same-origin rule: host and port compared, scheme ignored.
 */
class SameOriginScopeTests {

	private final SameOriginScope scope = new SameOriginScope("http://example.org:8080/", true);

	@ParameterizedTest
	@CsvSource({ "http://example.org:8080/a, true", "https://example.org:8080/a, true",
			"http://EXAMPLE.org:8080/a, true", "http://example.org/a, false", "http://www.example.org:8080/a, false",
			"http://example.org:8081/a, false", "http://other.org:8080/a, false" })
	void comparesHostAndPortButNotTheScheme(String link, boolean allowed) {
		String normalized = WebUrls.normalize(link).orElseThrow();
		assertThat(this.scope.allows(normalized)).isEqualTo(allowed);
	}

	@ParameterizedTest
	@CsvSource({ "http://example.org:8080/a", "http://other.org/a" })
	void allowsEverythingWhenSameOriginIsOff(String link) {
		assertThat(new SameOriginScope("http://example.org:8080/", false).allows(link)).isTrue();
	}

	@ParameterizedTest
	@CsvSource({ "http://example.org/, http://example.org:80/x, true",
			"http://example.org/, https://example.org/x, true", "https://example.org/, http://example.org:443/x, false",
			"'http://[::1]:8080/', 'http://[::1]:8080/x', true", "'http://[::1]:8080/', 'http://[::1:8080]/x', false" })
	void treatsADefaultPortAsNoPort(String start, String link, boolean allowed) {
		String normalized = WebUrls.normalize(link).orElseThrow();
		assertThat(new SameOriginScope(start, true).allows(normalized)).isEqualTo(allowed);
	}

}

package io.dispycluster.gateway.scrape;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ScrapeBodiesTests {

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void keepsTheBodyAndAddsOnlyMissingQueryParameters() {
		JsonNode body = this.json.readTree("{\"start_url\":\"http://a/\",\"max_pages\":5}");

		JsonNode result = ScrapeBodies.single(body, query("max_pages", "9", "priority", "4"));

		assertThat(result.toString()).isEqualTo("{\"start_url\":\"http://a/\",\"max_pages\":5,\"priority\":4}");
	}

	@Test
	void takesFromTheQueryAFieldTheBodySendsAsNull() {
		JsonNode body = this.json.readTree("{\"urls\":[\"http://a/\"],\"max_pages\":null,\"priority\":null}");

		JsonNode result = ScrapeBodies.batch(body, query("max_pages", "3"));

		assertThat(result.toString()).isEqualTo("{\"urls\":[\"http://a/\"],\"max_pages\":3,\"priority\":null}");
	}

	@Test
	void typesKnownQueryParameters() {
		JsonNode result = ScrapeBodies.single(null, query("start_url", "http://a/", "timeout_s", "30",
				"same_origin_only", "TRUE", "max_duration_s", "-5", "note", "12"));

		assertThat(result.path("timeout_s").isInt()).isTrue();
		assertThat(result.path("same_origin_only").booleanValue()).isTrue();
		assertThat(result.path("max_duration_s").intValue()).isEqualTo(-5);
		assertThat(result.path("note").isString()).isTrue();
	}

	@Test
	void keepsValuesThatAreNotOfTheFieldsTypeAsText() {
		JsonNode result = ScrapeBodies.single(null,
				query("max_pages", "99999999999", "same_origin_only", "yes", "priority", "1.5"));

		assertThat(result.path("max_pages").asString()).isEqualTo("99999999999");
		assertThat(result.path("same_origin_only").asString()).isEqualTo("yes");
		assertThat(result.path("priority").asString()).isEqualTo("1.5");
	}

	@Test
	void wrapsABareArrayAsUrls() {
		JsonNode result = ScrapeBodies.batch(this.json.readTree("[\"http://a/\"]"), query("max_pages", "2"));

		assertThat(result.toString()).isEqualTo("{\"urls\":[\"http://a/\"],\"max_pages\":2}");
	}

	@Test
	void takesRepeatedUrlsFromTheQuery() {
		MultiValueMap<String, String> query = new LinkedMultiValueMap<>();
		query.add("urls", "http://a/");
		query.add("urls", "http://b/");

		JsonNode result = ScrapeBodies.batch(null, query);

		assertThat(result.toString()).isEqualTo("{\"urls\":[\"http://a/\",\"http://b/\"]}");
	}

	@Test
	void refusesJsonOfTheWrongShape() {
		assertThatExceptionOfType(ScrapeBodies.NotAJsonObject.class)
			.isThrownBy(() -> ScrapeBodies.single(this.json.readTree("[1]"), query()));
		assertThatExceptionOfType(ScrapeBodies.NotAJsonObject.class)
			.isThrownBy(() -> ScrapeBodies.batch(this.json.readTree("42"), query()));
	}

	private static MultiValueMap<String, String> query(String... pairs) {
		MultiValueMap<String, String> query = new LinkedMultiValueMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			query.add(pairs[i], pairs[i + 1]);
		}
		return query;
	}

}

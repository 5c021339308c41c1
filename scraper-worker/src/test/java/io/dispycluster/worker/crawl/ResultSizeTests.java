package io.dispycluster.worker.crawl;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.dispycluster.model.job.PiiFindings;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The size a result is counted at, against what Jackson writes.
 */
class ResultSizeTests {

	private static final JsonMapper JSON = JsonMapper.builder()
		.propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
		.build();

	@ParameterizedTest
	@ValueSource(strings = { "plain ascii", "quotes \" and \\ backslashes", "tabs\tand\nnew lines\u0001",
			"accents éàü and € and 漢字", "emoji 😀 pairs", "" })
	void countsAtLeastWhatJacksonWritesAndLittleMore(String text) {
		List<String> crawled = new ArrayList<>();
		Map<String, PiiFindings> pii = new LinkedHashMap<>();
		List<PageDetail> pages = new ArrayList<>();
		ResultSize size = new ResultSize(Long.MAX_VALUE);
		for (int i = 0; i < 50; i++) {
			String url = "https://example.org/" + i + "/" + text;
			Map<String, @Nullable Object> data = new LinkedHashMap<>();
			data.put("one", text);
			data.put("none", null);
			data.put("all", Arrays.asList(text, text + i));
			PageDetail page = new PageDetail(url, url + "?final", 200, "text/html; charset=utf-8", text, null, i, 12,
					123_456, 78, data);
			PiiFindings found = new PiiFindings(List.of("a" + i + "@example.org"), List.of(text));
			assertThat(size.tryAddPage(page, found)).isTrue();
			crawled.add(url);
			pii.put(url, found);
			pages.add(page);
		}
		size.addError("https://example.org/missing/" + text, "HTTP 404 / type " + text);
		CrawlResult result = new CrawlResult(crawled, pii,
				Map.of("https://example.org/missing/" + text, "HTTP 404 / type " + text), pages, "budget_exhausted",
				Map.of("crawled", 50, "http_error", 1, "out_of_scope", 12_345));

		long written = JSON.writeValueAsBytes(result).length;
		assertThat(size.bytes()).isGreaterThanOrEqualTo(written).isLessThan(written + written / 5 + 1024);
	}

}

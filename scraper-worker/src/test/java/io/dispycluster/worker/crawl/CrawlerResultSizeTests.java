package io.dispycluster.worker.crawl;

import java.util.ArrayList;
import java.util.List;

import io.dispycluster.worker.extract.FieldRule;
import io.dispycluster.worker.testsupport.FixtureSite;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

import static io.dispycluster.worker.crawl.CrawlOrderBuilder.anOrderFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * How a crawl holds its result to the worker's {@code max-result-size}: it stops when the
 * next page does not fit, and says so, instead of growing without bound.
 */
class CrawlerResultSizeTests {

	private static final long LIMIT = 64 * 1024;

	private static final String NOT_RECORDED = "Crawled but not recorded: the result reached the worker's limit of "
			+ "64 KB (max-result-size)";

	private static final JsonMapper JSON = JsonMapper.builder()
		.propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
		.build();

	private final FixtureSite site = FixtureSite.start();

	@AfterEach
	void closeSite() {
		this.site.close();
	}

	@Test
	void stopsWhenTheNextPageWouldTakeTheResultPastItsLimit() {
		servePagesOf(11 * 1024, 20);

		CrawlResult result = Crawlers.aCrawlerWithResultsUpTo(LIMIT, 1).crawl(order(), new CrawlControl()).result();

		// Each page carries 11 KB of extracted text: five fit in 64 KB after the start
		// page.
		assertThat(result.crawled()).hasSize(6).startsWith(this.site.url("/"));
		assertThat(result.pages()).hasSize(6);
		assertThat(result.piiByUrl()).hasSize(6);
		assertThat(result.stopReason()).isEqualTo("max_result_size");
		assertThat(result.errors()).containsExactly(entry(this.site.url("/p5"), NOT_RECORDED));
		assertThat(result.states()).containsExactly(entry("crawled", 6), entry("result_full", 1));
		assertThat(JSON.writeValueAsBytes(result).length).isLessThanOrEqualTo((int) LIMIT);
		// The crawl stopped there: no request for a page after the one left out.
		assertThat(this.site.requestedPaths()).doesNotContain("/p6");
	}

	@Test
	void leavesOutThePagesInFlightOnceOneDidNotFit() {
		servePagesOf(11 * 1024, 20);

		CrawlResult result = Crawlers.aCrawlerWithResultsUpTo(LIMIT, 4).crawl(order(), new CrawlControl()).result();

		// The pages recorded are those visited first; each page fetched after them is
		// named in errors, none is lost unsaid.
		assertThat(result.crawled()).hasSize(6);
		assertThat(result.stopReason()).isEqualTo("max_result_size");
		assertThat(result.errors()).isNotEmpty()
			.allSatisfy((url, reason) -> assertThat(reason).isEqualTo(NOT_RECORDED));
		assertThat(result.errors()).containsKey(this.site.url("/p5"));
		assertThat(result.states()).containsEntry("result_full", result.errors().size());
		assertThat(result.crawled().size() + result.errors().size()).isLessThanOrEqualTo(6 + 4);
		assertThat(JSON.writeValueAsBytes(result).length).isLessThanOrEqualTo((int) LIMIT);
	}

	@Test
	void namesAStartPageLargerThanTheWholeLimit() {
		// 100 KB of text, in values below the 10,000 characters each value is cut at.
		this.site.page("/", "<html><body>" + ("<p>" + "x".repeat(5000) + "</p>").repeat(20) + "</body></html>");

		CrawlResult result = Crawlers.aCrawlerWithResultsUpTo(LIMIT, 1).crawl(order(), new CrawlControl()).result();

		assertThat(result.crawled()).isEmpty();
		assertThat(result.errors()).containsExactly(entry(this.site.url("/"), NOT_RECORDED));
		assertThat(result.stopReason()).isEqualTo("max_result_size");
	}

	@Test
	void crawlsToTheEndWhenTheResultFits() {
		servePagesOf(1024, 5);

		CrawlResult result = Crawlers.aCrawlerWithResultsUpTo(LIMIT, 1).crawl(order(), new CrawlControl()).result();

		assertThat(result.crawled()).hasSize(6);
		assertThat(result.errors()).isEmpty();
		assertThat(result.stopReason()).isEqualTo("frontier_exhausted");
	}

	private CrawlOrder order() {
		return anOrderFor(this.site.url("/")).withMaxPages(100)
			.extracting(FieldRule.compile("paragraphs", "p", "text", true))
			.build();
	}

	// A start page linking to /p0 ... /pN-1, a chain so that the visit order is known;
	// each page holds textBytes of text in ten paragraphs.
	private void servePagesOf(int textBytes, int count) {
		List<String> links = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			links.add("<a href=\"/p" + i + "\">p" + i + "</a>");
		}
		this.site.page("/", "<html><body>" + String.join("", links) + "</body></html>");
		String paragraph = "<p>" + "a".repeat(textBytes / 10) + "</p>";
		for (int i = 0; i < count; i++) {
			this.site.page("/p" + i,
					"<html><head><title>Page " + i + "</title></head><body>" + paragraph.repeat(10) + "</body></html>");
		}
	}

}

package io.dispycluster.worker.scrape;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.dispycluster.model.job.PiiFindings;
import io.dispycluster.worker.WebSliceTests;
import io.dispycluster.worker.crawl.CrawlControl;
import io.dispycluster.worker.crawl.CrawlOrder;
import io.dispycluster.worker.crawl.CrawlOutcome;
import io.dispycluster.worker.crawl.CrawlResult;
import io.dispycluster.worker.crawl.PageDetail;
import io.dispycluster.worker.extract.FieldRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.ArgumentCaptor;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code POST /scrape}: the contract's body, its defaults and limits, and the problems it
 * answers for bad input.
 */
class ScrapeControllerTests extends WebSliceTests {

	@Test
	void answersTheCrawlResultInSnakeCase() throws Exception {
		given(this.crawler.crawl(any(), any())).willReturn(outcome(new CrawlResult(List.of("http://h/"),
				Map.of("http://h/", new PiiFindings(List.of("a@example.org"), List.of())),
				Map.of("http://h/x.css", "HTTP 200 / type text/css"), List.of(new PageDetail("http://h/", "http://h/",
						200, "text/html", "Home", null, 0, 3, 120, 15, Map.of())),
				"frontier_exhausted", Map.of("crawled", 1, "not_html", 1))));

		scrape("{\"start_url\":\"http://h/\"}").andExpect(status().isOk())
			.andExpect(jsonPath("$.crawled[0]").value("http://h/"))
			.andExpect(jsonPath("$.pii_by_url['http://h/'].emails[0]").value("a@example.org"))
			.andExpect(jsonPath("$.errors['http://h/x.css']").value("HTTP 200 / type text/css"))
			.andExpect(jsonPath("$.pages[0].links").value(3))
			.andExpect(jsonPath("$.pages[0].final_url").value("http://h/"))
			.andExpect(jsonPath("$.pages[0].fetch_ms").value(15))
			.andExpect(jsonPath("$.states.not_html").value(1))
			.andExpect(jsonPath("$.stop_reason").value("frontier_exhausted"));
	}

	@Test
	void saysInTheBodyThatTheCrawlFailedOnceTheStatusHasLeft() throws Exception {
		given(this.crawler.crawl(any(), any())).willThrow(new IllegalStateException("a bug"));

		scrape("{\"start_url\":\"http://h/\"}").andExpect(status().isOk())
			.andExpect(jsonPath("$.type").value("urn:dispycluster:problem:internal-error"))
			.andExpect(jsonPath("$.status").value(500))
			.andExpect(jsonPath("$.detail").value("Erreur interne du service"));
	}

	@Test
	void appliesTheContractsDefaults() throws Exception {
		given(this.crawler.crawl(any(), any())).willReturn(outcome(emptyResult()));

		scrape("{\"start_url\":\"HTTP://Example.org\"}").andExpect(status().isOk());

		CrawlOrder order = capturedOrder();
		assertThat(order.startUrl()).isEqualTo("http://example.org/");
		assertThat(order.maxPages()).isEqualTo(10);
		assertThat(order.sameOriginOnly()).isTrue();
		assertThat(order.requestTimeout()).isEqualTo(Duration.ofSeconds(30));
		assertThat(order.budget()).isEqualTo(Duration.ofHours(1));
		assertThat(order.politenessDelay()).isEqualTo(Duration.ofSeconds(1));
	}

	@Test
	void takesTheGivenValuesAndCapsTheBudget() throws Exception {
		given(this.crawler.crawl(any(), any())).willReturn(outcome(emptyResult()));

		scrape("""
				{"start_url":"https://example.org/a","max_pages":1000,"same_origin_only":false,"timeout_s":300,
				 "max_duration_s":999999,"priority":3,"unknown_field":true}
				""").andExpect(status().isOk());

		CrawlOrder order = capturedOrder();
		assertThat(order.maxPages()).isEqualTo(1000);
		assertThat(order.sameOriginOnly()).isFalse();
		assertThat(order.requestTimeout()).isEqualTo(Duration.ofSeconds(300));
		assertThat(order.budget()).isEqualTo(Duration.ofHours(6));
	}

	@Test
	void takesTheOptionalJobFields() throws Exception {
		given(this.crawler.crawl(any(), any())).willReturn(outcome(emptyResult()));

		scrape("{\"start_url\":\"http://h/\",\"max_depth\":2,\"include_patterns\":[\"/docs/\",\"\\\\.html$\"],"
				+ "\"exclude_patterns\":[\"/private/\"],\"delay_ms\":250}")
			.andExpect(status().isOk());

		CrawlOrder order = capturedOrder();
		assertThat(order.maxDepth()).isEqualTo(2);
		assertThat(order.includePatterns()).extracting(Pattern::pattern).containsExactly("/docs/", "\\.html$");
		assertThat(order.excludePatterns()).extracting(Pattern::pattern).containsExactly("/private/");
		assertThat(order.politenessDelay()).isEqualTo(Duration.ofMillis(250));
		assertThat(order.userAgent()).isNull();
	}

	@Test
	void takesExtractionRules() throws Exception {
		given(this.crawler.crawl(any(), any())).willReturn(outcome(emptyResult()));

		scrape("{\"start_url\":\"http://h/\",\"extract\":{\"price\":{\"selector\":\".price\"},"
				+ "\"images\":{\"selector\":\"img\",\"attribute\":\"src\",\"all\":true}}}")
			.andExpect(status().isOk());

		assertThat(capturedOrder().extract()).extracting(FieldRule::name, FieldRule::attribute, FieldRule::all)
			.containsExactly(tuple("price", "text", false), tuple("images", "src", true));
	}

	@Test
	void takesASelectorAloneAsTheTextOfItsFirstMatch() throws Exception {
		given(this.crawler.crawl(any(), any())).willReturn(outcome(emptyResult()));

		scrape("{\"start_url\":\"http://h/\",\"extract\":{\"price\":\".price\"}}").andExpect(status().isOk());

		assertThat(capturedOrder().extract())
			.extracting(FieldRule::name, FieldRule::selector, FieldRule::attribute, FieldRule::all)
			.containsExactly(tuple("price", ".price", "text", false));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "{\"price\":{\"selector\":\"div[\"}}|extract.price.selector",
					"{\"price\":{}}|extract.price.selector",
					"{\"price\":{\"selector\":\"p\",\"attribute\":\"a b\"}}|extract.price.attribute",
					"{\"price\":\"div[\"}|extract.price", "{\"price\":7}|extract.price", "\"all of it\"|extract" })
	void answers422ForABadExtractionRuleNotAFailedJob(String extract, String field) throws Exception {
		scrape("{\"start_url\":\"http://h/\",\"extract\":" + extract + "}").andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value(field));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "\"max_depth\":-1|max_depth", "\"max_depth\":\"deep\"|max_depth",
			"\"include_patterns\":[\"(\"]|include_patterns.0", "\"include_patterns\":\"/docs/\"|include_patterns",
			"\"exclude_patterns\":[\"\"]|exclude_patterns.0", "\"delay_ms\":60001|delay_ms", "\"delay_ms\":-1|delay_ms",
			"\"user_agent\":\"Other/1.0\"|user_agent" })
	void answers422NamingABadOptionalField(String option, String field) throws Exception {
		scrape("{\"start_url\":\"http://h/\"," + option + "}").andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value(field));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "{}|start_url", "{\"start_url\":\"\"}|start_url",
					"{\"start_url\":\"ftp://example.org/\"}|start_url", "{\"start_url\":\"example.org\"}|start_url",
					"{\"start_url\":\"javascript:alert(1)\"}|start_url",
					"{\"start_url\":\"http://h/\",\"max_pages\":0}|max_pages",
					"{\"start_url\":\"http://h/\",\"max_pages\":1001}|max_pages",
					"{\"start_url\":\"http://h/\",\"timeout_s\":0}|timeout_s",
					"{\"start_url\":\"http://h/\",\"timeout_s\":301}|timeout_s",
					"{\"start_url\":\"http://h/\",\"max_duration_s\":0}|max_duration_s",
					"{\"start_url\":\"http://h/\",\"max_pages\":\"ten\"}|max_pages",
					"{\"start_url\":\"http://h/\",\"same_origin_only\":\"maybe\"}|same_origin_only",
					"{\"start_url\":[\"http://h/\"]}|start_url" })
	void answers422NamingTheBadField(String body, String field) throws Exception {
		scrape(body).andExpect(status().isUnprocessableContent())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("urn:dispycluster:problem:invalid-request"))
			.andExpect(jsonPath("$.status").value(422))
			.andExpect(jsonPath("$.errors[0].field").value(field))
			.andExpect(jsonPath("$.errors[0].message").isNotEmpty());
		then(this.crawler).should(never()).crawl(any(), any());
	}

	// As the controller reads them: a number with a fraction is no integer (it was
	// truncated), and one beyond an int's range is out of the field's range (it was
	// answered as a body that is not JSON).
	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "\"max_depth\":1.5|max_depth|must be an integer",
					"\"max_pages\":2.5|max_pages|must be an integer",
					"\"max_pages\":99999999999|max_pages|must be between 1 and 1000",
					"\"timeout_s\":1e400|timeout_s|must be between 1 and 300",
					"\"delay_ms\":-99999999999|delay_ms|must be between 0 and 60000" })
	void answers422ForAnIntegerFieldThatIsNoIntOrBeyondAnIntsRange(String field, String name, String message)
			throws Exception {
		scrape("{\"start_url\":\"http://h/\"," + field + "}").andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value(name))
			.andExpect(jsonPath("$.errors[0].message").value(message));
		then(this.crawler).should(never()).crawl(any(), any());
	}

	@Test
	void namesEveryBadFieldAtOnce() throws Exception {
		scrape("{\"start_url\":\"ftp://x\",\"max_pages\":0,\"timeout_s\":500}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("start_url", "max_pages", "timeout_s")));
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"start_url\":", "not json", "[]", "\"http://h/\"", "" })
	void answers400ForABodyThatIsNotAJsonObject(String body) throws Exception {
		scrape(body).andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("urn:dispycluster:problem:malformed-request"));
	}

	@Test
	void answers415ForABodyThatIsNotJson() throws Exception {
		this.mvc.perform(post("/scrape").contentType(MediaType.TEXT_PLAIN).content("start_url=http://h/"))
			.andExpect(status().isUnsupportedMediaType())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
	}

	// A valid body starts the crawl in the background; its answer comes on the async
	// dispatch.
	private ResultActions scrape(String body) throws Exception {
		ResultActions started = this.mvc.perform(post("/scrape").contentType(MediaType.APPLICATION_JSON).content(body));
		MvcResult result = started.andReturn();
		if (!result.getRequest().isAsyncStarted()) {
			return started;
		}
		result.getAsyncResult(Duration.ofSeconds(10).toMillis());
		return this.mvc.perform(asyncDispatch(result));
	}

	private CrawlOrder capturedOrder() {
		ArgumentCaptor<CrawlOrder> order = ArgumentCaptor.forClass(CrawlOrder.class);
		then(this.crawler).should().crawl(order.capture(), any(CrawlControl.class));
		return order.getValue();
	}

	private static CrawlOutcome outcome(CrawlResult result) {
		return new CrawlOutcome(result, Map.of(), null);
	}

	private static CrawlResult emptyResult() {
		return new CrawlResult(List.of(), Map.of(), Map.of(), List.of(), "frontier_exhausted", Map.of());
	}

}

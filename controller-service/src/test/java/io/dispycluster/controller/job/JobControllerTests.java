package io.dispycluster.controller.job;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import io.dispycluster.model.job.BatchCreated;
import io.dispycluster.model.job.CrawlOptions;
import io.dispycluster.model.job.ExtractRule;
import io.dispycluster.model.job.JobCreated;
import io.dispycluster.model.job.JobStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.ArgumentCaptor;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;

import static io.dispycluster.controller.job.JobFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The job API's web layer: the catalogue of bad bodies and parameters (each answered 400
 * or 422 naming every bad field, never 500) and the contract answers.
 */
@WebMvcTest(JobController.class)
@Import(JobWebSliceConfiguration.class)
class JobControllerTests {

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private JobIntake intake;

	@MockitoBean
	private JobQueue queue;

	@BeforeEach
	void answers() {
		given(this.intake.submit(any(), any()))
			.willReturn(new JobCreated("Job créé avec succès", "job_1", JobStatus.PENDING));
		given(this.intake.submitBatch(anyList(), any())).willAnswer((invocation) -> {
			List<?> specs = invocation.getArgument(0);
			return new BatchCreated(specs.size() + " jobs créés avec succès",
					IntStream.range(0, specs.size()).mapToObj((i) -> "job_" + i).toList(), "batch_1");
		});
	}

	static Stream<Arguments> badScrapeBodies() {
		String url = "\"start_url\":\"http://site.test/\"";
		return Stream.of(Arguments.of("{}", List.of("start_url")),
				Arguments.of("{\"start_url\":null}", List.of("start_url")),
				Arguments.of("{\"start_url\":\"\"}", List.of("start_url")),
				Arguments.of("{\"start_url\":\"ftp://site.test/\"}", List.of("start_url")),
				Arguments.of("{\"start_url\":\"javascript:alert(1)\"}", List.of("start_url")),
				Arguments.of("{\"start_url\":\"not a url\"}", List.of("start_url")),
				Arguments.of("{\"start_url\":\"http://site test/\"}", List.of("start_url")),
				Arguments.of("{\"start_url\":\"http://site|test/\"}", List.of("start_url")),
				Arguments.of("{\"start_url\":\"http://site.test/a\\\\b\"}", List.of("start_url")),
				Arguments.of("{\"start_url\":\"http://\"}", List.of("start_url")),
				Arguments.of("{\"start_url\":\"http://site.test:99999/\"}", List.of("start_url")),
				Arguments.of("{\"start_url\":\"http://127.0.0.1:-1/\"}", List.of("start_url")),
				Arguments.of("{\"start_url\":\"http://127.0.0.1:0/\"}", List.of("start_url")),
				Arguments.of("{\"start_url\":\"http://site.test:/\"}", List.of("start_url")),
				Arguments.of("{\"start_url\":\"http://[::1]:x/\"}", List.of("start_url")),
				Arguments.of("{\"start_url\":\"/relative/path\"}", List.of("start_url")),
				Arguments.of("{\"start_url\":123}", List.of("start_url")),
				Arguments.of("{\"start_url\":[\"http://site.test/\"]}", List.of("start_url")),
				Arguments.of("{\"start_url\":\"http://site.test/" + "a".repeat(2100) + "\"}", List.of("start_url")),
				Arguments.of("{" + url + ",\"max_pages\":0}", List.of("max_pages")),
				Arguments.of("{" + url + ",\"max_pages\":1001}", List.of("max_pages")),
				Arguments.of("{" + url + ",\"max_pages\":-5}", List.of("max_pages")),
				Arguments.of("{" + url + ",\"max_pages\":\"abc\"}", List.of("max_pages")),
				Arguments.of("{" + url + ",\"max_pages\":1.5}", List.of("max_pages")),
				Arguments.of("{" + url + ",\"max_pages\":true}", List.of("max_pages")),
				Arguments.of("{" + url + ",\"max_pages\":[]}", List.of("max_pages")),
				Arguments.of("{" + url + ",\"max_pages\":{}}", List.of("max_pages")),
				Arguments.of("{" + url + ",\"max_pages\":1e999}", List.of("max_pages")),
				Arguments.of("{" + url + ",\"max_pages\":\"1e999999999\"}", List.of("max_pages")),
				Arguments.of("{" + url + ",\"max_pages\":99999999999999999999999999}", List.of("max_pages")),
				Arguments.of("{" + url + ",\"timeout_s\":0}", List.of("timeout_s")),
				Arguments.of("{" + url + ",\"timeout_s\":301}", List.of("timeout_s")),
				Arguments.of("{" + url + ",\"priority\":0}", List.of("priority")),
				Arguments.of("{" + url + ",\"priority\":11}", List.of("priority")),
				Arguments.of("{" + url + ",\"max_duration_s\":0}", List.of("max_duration_s")),
				Arguments.of("{" + url + ",\"max_duration_s\":3601}", List.of("max_duration_s")),
				Arguments.of("{" + url + ",\"same_origin_only\":\"maybe\"}", List.of("same_origin_only")),
				Arguments.of("{" + url + ",\"same_origin_only\":1}", List.of("same_origin_only")),
				Arguments.of(
						"{\"start_url\":\"ftp://x\",\"max_pages\":0,\"same_origin_only\":3,\"timeout_s\":\"abc\","
								+ "\"priority\":11,\"max_duration_s\":99999}",
						List.of("start_url", "max_pages", "same_origin_only", "timeout_s", "priority",
								"max_duration_s")),
				Arguments.of("[]", List.of("body")), Arguments.of("\"http://site.test/\"", List.of("body")),
				Arguments.of("42", List.of("body")));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badScrapeBodies")
	void refusesABadScrapeBodyNamingEachBadField(String body, List<String> fields) throws Exception {
		expectInvalid(this.mvc.perform(post("/scrape").contentType(MediaType.APPLICATION_JSON).content(body)), fields);
	}

	static Stream<Arguments> badBatchBodies() {
		String fiftyOne = String.join(",",
				IntStream.range(0, 51).mapToObj((i) -> "\"http://s.test/" + i + "\"").toList());
		return Stream.of(Arguments.of("{}", List.of("urls")), Arguments.of("{\"urls\":null}", List.of("urls")),
				Arguments.of("{\"urls\":\"http://s.test/\"}", List.of("urls")),
				Arguments.of("{\"urls\":{}}", List.of("urls")),
				Arguments.of("{\"urls\":[" + fiftyOne + "]}", List.of("urls")),
				Arguments.of("{\"urls\":[\"http://s.test/\",\"bad\",3,null]}",
						List.of("urls[1]", "urls[2]", "urls[3]")),
				Arguments.of("{\"urls\":[\"ftp://s.test/\"],\"priority\":0}", List.of("urls[0]", "priority")),
				Arguments.of("{\"urls\":[],\"max_pages\":5000,\"timeout_s\":-1}", List.of("max_pages", "timeout_s")),
				Arguments.of("[\"http://s.test/\"]", List.of("body")));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badBatchBodies")
	void refusesABadBatchBodyNamingEachBadField(String body, List<String> fields) throws Exception {
		expectInvalid(this.mvc.perform(post("/scrape/batch").contentType(MediaType.APPLICATION_JSON).content(body)),
				fields);
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"start_url\":", "{\"start_url\":\"http://s.test/\",}", "{'start_url':'x'}", "nul",
			"{\"start_url\":\"http://s.test/\"} trailing", "" })
	void answersMalformedJsonWith400(String body) throws Exception {
		this.mvc.perform(post("/scrape").contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("urn:dispycluster:problem:malformed-request"));
	}

	@Test
	void answersAnUnsupportedContentTypeWith415() throws Exception {
		this.mvc.perform(post("/scrape").contentType(MediaType.TEXT_PLAIN).content("start_url=http://s.test/"))
			.andExpect(status().isUnsupportedMediaType());
	}

	static Stream<Arguments> badCrawlOptions() {
		String tooMany = String.join(",", IntStream.range(0, 51).mapToObj((i) -> "\"p" + i + "\"").toList());
		String fiftyOneRules = String.join(",",
				IntStream.range(0, 51).mapToObj((i) -> "\"f" + i + "\":{\"selector\":\"p\"}").toList());
		return Stream.of(Arguments.of("\"max_depth\":-1", List.of("max_depth")),
				Arguments.of("\"max_depth\":\"deep\"", List.of("max_depth")),
				Arguments.of("\"include_patterns\":\"/blog\"", List.of("include_patterns")),
				Arguments.of("\"include_patterns\":[\"/ok\",\"([unclosed\"]", List.of("include_patterns.1")),
				Arguments.of("\"exclude_patterns\":[\"*bad\"]", List.of("exclude_patterns.0")),
				Arguments.of("\"exclude_patterns\":[\"\",3]", List.of("exclude_patterns.0", "exclude_patterns.1")),
				Arguments.of("\"exclude_patterns\":[\"" + "a".repeat(501) + "\"]", List.of("exclude_patterns.0")),
				Arguments.of("\"include_patterns\":[" + tooMany + "]", List.of("include_patterns")),
				Arguments.of("\"delay_ms\":-1", List.of("delay_ms")),
				Arguments.of("\"delay_ms\":60001", List.of("delay_ms")),
				Arguments.of("\"user_agent\":\"\"", List.of("user_agent")),
				Arguments.of("\"user_agent\":\"caf\u00e9\"", List.of("user_agent")),
				Arguments.of("\"user_agent\":\"" + "a".repeat(201) + "\"", List.of("user_agent")),
				Arguments.of("\"extract\":[\"h1\"]", List.of("extract")),
				Arguments.of("\"extract\":{\"title\":{\"selector\":\"h1[\"}}", List.of("extract.title.selector")),
				Arguments.of("\"extract\":{\"title\":{\"selector\":\"p:bogus\"}}", List.of("extract.title.selector")),
				Arguments.of("\"extract\":{\"title\":{}}", List.of("extract.title.selector")),
				Arguments.of("\"extract\":{\"title\":{\"selector\":\" \"}}", List.of("extract.title.selector")),
				Arguments.of("\"extract\":{\"title\":\"h1[\"}", List.of("extract.title")),
				Arguments.of("\"extract\":{\"title\":5}", List.of("extract.title")),
				Arguments.of("\"extract\":{\"link\":{\"selector\":\"a\",\"attribute\":\"on click\"}}",
						List.of("extract.link.attribute")),
				Arguments.of("\"extract\":{\"link\":{\"selector\":\"a\",\"all\":\"yes\"}}",
						List.of("extract.link.all")),
				Arguments.of("\"extract\":{\"\":{\"selector\":\"a\"}}", List.of("extract.")),
				Arguments.of("\"extract\":{" + fiftyOneRules + "}", List.of("extract")),
				Arguments.of("\"max_depth\":-2,\"delay_ms\":\"x\",\"extract\":{\"a\":{\"selector\":\"[\"}}",
						List.of("max_depth", "delay_ms", "extract.a.selector")));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badCrawlOptions")
	void refusesBadCrawlOptionsInASubmissionAndInABatch(String options, List<String> fields) throws Exception {
		expectInvalid(this.mvc.perform(post("/scrape").contentType(MediaType.APPLICATION_JSON)
			.content("{\"start_url\":\"http://s.test/\"," + options + "}")), fields);
		expectInvalid(this.mvc.perform(post("/scrape/batch").contentType(MediaType.APPLICATION_JSON)
			.content("{\"urls\":[\"http://s.test/\",\"http://t.test/\"]," + options + "}")), fields);
	}

	@Test
	@SuppressWarnings("unchecked")
	void keepsValidCrawlOptionsWithTheJobs() throws Exception {
		String options = "\"max_depth\":2,\"include_patterns\":[\"/blog/\\\\d+\"],\"exclude_patterns\":[\"\\\\.pdf$\"],"
				+ "\"delay_ms\":\"250\",\"user_agent\":\"MyBot/1.0\",\"extract\":{\"title\":{\"selector\":\"h1.title\"},"
				+ "\"links\":{\"selector\":\"a[href]\",\"attribute\":\"href\",\"all\":true}}";
		CrawlOptions expected = new CrawlOptions(2, List.of("/blog/\\d+"), List.of("\\.pdf$"), 250, "MyBot/1.0",
				new LinkedHashMap<>(Map.of("title", new ExtractRule("h1.title", null, null))));
		this.mvc
			.perform(post("/scrape").contentType(MediaType.APPLICATION_JSON)
				.content("{\"start_url\":\"http://s.test/\"," + options + "}"))
			.andExpect(status().isOk());
		ArgumentCaptor<JobSpec> spec = ArgumentCaptor.forClass(JobSpec.class);
		verify(this.intake).submit(spec.capture(), isNull());
		CrawlOptions read = spec.getValue().options();
		assertThat(read.maxDepth()).isEqualTo(expected.maxDepth());
		assertThat(read.includePatterns()).isEqualTo(expected.includePatterns());
		assertThat(read.excludePatterns()).isEqualTo(expected.excludePatterns());
		assertThat(read.delayMs()).isEqualTo(250);
		assertThat(read.userAgent()).isEqualTo("MyBot/1.0");
		assertThat(read.extract()).containsExactly(Map.entry("title", new ExtractRule("h1.title", null, null)),
				Map.entry("links", new ExtractRule("a[href]", "href", true)));

		this.mvc
			.perform(post("/scrape/batch").contentType(MediaType.APPLICATION_JSON)
				.content("{\"urls\":[\"http://a.test/\",\"http://b.test/\"]," + options + "}"))
			.andExpect(status().isOk());
		ArgumentCaptor<List<JobSpec>> specs = ArgumentCaptor.forClass(List.class);
		verify(this.intake).submitBatch(specs.capture(), isNull());
		assertThat(specs.getValue()).extracting(JobSpec::options).containsOnly(read);
	}

	@Test
	void acceptsAValidBodyWithDefaultsAndTheUpstreamAnswer() throws Exception {
		this.mvc
			.perform(post("/scrape").contentType(MediaType.APPLICATION_JSON)
				.content("{\"start_url\":\"https://Site.test\",\"unknown\":1}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.message").value("Job créé avec succès"))
			.andExpect(jsonPath("$.job_id").value("job_1"))
			.andExpect(jsonPath("$.status").value("pending"));
		verify(this.intake).submit(eq(new JobSpec("https://Site.test/", 10, true, 30, 1, 3600)), isNull());
	}

	/**
	 * Characters that browsers, the upstream's URL type and the worker all accept in a
	 * path, query or fragment, but that {@link java.net.URI} refuses: the URL is kept,
	 * with them percent-encoded, instead of the whole request being refused.
	 */
	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiterString = "->", quoteCharacter = '\'', textBlock = """
			http://s.test/a b.html -> http://s.test/a%20b.html
			http://s.test/search?q=a|b&tags={x} -> http://s.test/search?q=a%7Cb&tags=%7Bx%7D
			http://s.test/p?q="quoted"&r=a^b -> http://s.test/p?q=%22quoted%22&r=a%5Eb
			http://s.test/p?q=100%&r=%41 -> http://s.test/p?q=100%25&r=%41
			http://s.test/p?q=<b>`x` -> http://s.test/p?q=%3Cb%3E%60x%60
			http://s.test/p#a|b -> http://s.test/p#a%7Cb
			http://s.test?q=a b -> http://s.test/?q=a%20b
			""")
	void acceptsAUrlWithCharactersToEncodeAndStoresThemEncoded(String url, String stored) throws Exception {
		this.mvc
			.perform(post("/scrape").contentType(MediaType.APPLICATION_JSON)
				.content("{\"start_url\":\"" + url.replace("\"", "\\\"") + "\"}"))
			.andExpect(status().isOk());
		verify(this.intake).submit(eq(new JobSpec(stored, 10, true, 30, 1, 3600)), isNull());
	}

	@Test
	void acceptsNumbersAndBooleansWrittenAsStringsAndTheIdempotencyKey() throws Exception {
		this.mvc
			.perform(post("/scrape").contentType(MediaType.APPLICATION_JSON)
				.header("Idempotency-Key", "key-1")
				.content("{\"start_url\":\"http://s.test/a?b=1\",\"max_pages\":\"20\",\"priority\":9.0,"
						+ "\"same_origin_only\":\"false\",\"timeout_s\":null,\"max_duration_s\":60}"))
			.andExpect(status().isOk());
		verify(this.intake).submit(eq(new JobSpec("http://s.test/a?b=1", 20, false, 30, 9, 60)), eq("key-1"));
	}

	@Test
	@SuppressWarnings("unchecked")
	void acceptsABatchInUrlOrderAndAnEmptyOne() throws Exception {
		this.mvc
			.perform(post("/scrape/batch").contentType(MediaType.APPLICATION_JSON)
				.content("{\"urls\":[\"http://a.test/\",\"http://b.test/\"],\"priority\":5}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.message").value("2 jobs créés avec succès"))
			.andExpect(jsonPath("$.job_ids.length()").value(2))
			.andExpect(jsonPath("$.batch_id").value("batch_1"));
		ArgumentCaptor<List<JobSpec>> specs = ArgumentCaptor.forClass(List.class);
		verify(this.intake).submitBatch(specs.capture(), isNull());
		assertThat(specs.getValue()).extracting(JobSpec::startUrl).containsExactly("http://a.test/", "http://b.test/");
		assertThat(specs.getValue()).extracting(JobSpec::priority).containsOnly(5);

		this.mvc.perform(post("/scrape/batch").contentType(MediaType.APPLICATION_JSON).content("{\"urls\":[]}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.message").value("0 jobs créés avec succès"))
			.andExpect(jsonPath("$.job_ids").isEmpty());
	}

	@ParameterizedTest
	@ValueSource(strings = { "status=unknown", "limit=0", "limit=1001", "limit=abc", "offset=-1", "offset=x",
			"include_result=yes", "limit=\uff15", "offset=\u0663" })
	void refusesBadListParameters(String query) throws Exception {
		expectInvalid(this.mvc.perform(get("/jobs?" + query)), List.of(query.substring(0, query.indexOf('='))));
	}

	@Test
	void listsJobsByWireStatusIgnoringCase() throws Exception {
		given(this.queue.list(any(), anyInt(), anyInt())).willReturn(List.of(JobFixtures.aQueuedJob()));
		MvcResult streamed = this.mvc.perform(get("/jobs?status=PENDING&limit=5&offset=0"))
			.andExpect(request().asyncStarted())
			.andReturn();
		this.mvc.perform(asyncDispatch(streamed))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].status").value("pending"))
			.andExpect(jsonPath("$[0].id").value(startsWith("job_")))
			.andExpect(jsonPath("$[0].result").value(nullValue()));
		verify(this.queue).list(eq(JobState.withStatus(JobStatus.PENDING)), eq(5), eq(0));
	}

	@Test
	void listsJobsWithoutTheirResultsWhenAskedTo() throws Exception {
		given(this.queue.list(any(), anyInt(), anyInt())).willReturn(List.of(JobFixtures.aQueuedJob()));
		MvcResult streamed = this.mvc.perform(get("/jobs?include_result=FALSE"))
			.andExpect(request().asyncStarted())
			.andReturn();
		this.mvc.perform(asyncDispatch(streamed))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].status").value("pending"))
			.andExpect(jsonPath("$[0].result").doesNotExist());
		verify(this.queue, never()).withResult(any());
	}

	@Test
	void saysWhyAJobThatLostAnAttemptWaits() throws Exception {
		Job job = JobFixtures.aDispatchedJob("pi-1");
		job.requeue(job.attempt(),
				"assignment refused by pi-1: HTTP 422 (spec.user_agent cannot be set on this worker)",
				T0.plusSeconds(2), Duration.ofSeconds(10), 3);
		given(this.queue.get(any())).willReturn(job);
		given(this.queue.history(job.id())).willReturn(List.of(
				new JobEvent(T0, null, JobState.QUEUED, 0, null, "accepted"),
				new JobEvent(T0.plusSeconds(1), JobState.QUEUED, JobState.DISPATCHED, 1, "pi-1", "dispatched to pi-1"),
				new JobEvent(T0.plusSeconds(2), JobState.DISPATCHED, JobState.QUEUED, 1, "pi-1",
						"requeued: assignment refused by pi-1: HTTP 422 (spec.user_agent cannot be set on this worker)")));

		MvcResult streamed = this.mvc.perform(get("/jobs/" + job.id())).andExpect(request().asyncStarted()).andReturn();
		this.mvc.perform(asyncDispatch(streamed))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("pending"))
			.andExpect(jsonPath("$.waiting_for").value("a new attempt, not before 2026-12-04T10:00:12Z, after 1 lost "
					+ "attempt, the last because assignment refused by pi-1: HTTP 422 (spec.user_agent cannot be set "
					+ "on this worker)"));
	}

	@Test
	void answersAnUnknownJobWith404AndTheUpstreamDetail() throws Exception {
		given(this.queue.get(any())).willThrow(new JobNotFoundException(new JobId("job_x")));
		this.mvc.perform(get("/jobs/job_x"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value("Job non trouvé"))
			.andExpect(jsonPath("$.type").value("urn:dispycluster:problem:job-not-found"));
	}

	@Test
	void answersCancellingAFinishedJobWith409() throws Exception {
		given(this.queue.cancel(any()))
			.willThrow(new IllegalJobTransitionException(new JobId("job_x"), JobState.SUCCEEDED, JobState.CANCELLED));
		this.mvc.perform(post("/jobs/job_x/cancel"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.job_status").value("completed"));
	}

	@Test
	void refusesAnUnknownResultFormat() throws Exception {
		expectInvalid(this.mvc.perform(get("/jobs/job_x/results?format=xml")), List.of("format"));
	}

	@Test
	void answersAnUnknownPathWith404Problem() throws Exception {
		this.mvc.perform(get("/nowhere"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
	}

	private static void expectInvalid(ResultActions result, List<String> fields) throws Exception {
		result.andExpect(status().isUnprocessableContent())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("urn:dispycluster:problem:invalid-request"))
			.andExpect(jsonPath("$.status").value(422))
			.andExpect(jsonPath("$.errors[*].field", containsInAnyOrder(fields.toArray())));
	}

}

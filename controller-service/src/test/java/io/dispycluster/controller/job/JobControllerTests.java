package io.dispycluster.controller.job;

import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import io.dispycluster.model.job.BatchCreated;
import io.dispycluster.model.job.JobCreated;
import io.dispycluster.model.job.JobStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.ArgumentCaptor;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.startsWith;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
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
				Arguments.of("{\"start_url\":\"http://\"}", List.of("start_url")),
				Arguments.of("{\"start_url\":\"http://site.test:99999/\"}", List.of("start_url")),
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
	@ValueSource(strings = { "status=unknown", "limit=0", "limit=1001", "limit=abc", "offset=-1", "offset=x" })
	void refusesBadListParameters(String query) throws Exception {
		expectInvalid(this.mvc.perform(get("/jobs?" + query)), List.of(query.substring(0, query.indexOf('='))));
	}

	@Test
	void listsJobsByWireStatusIgnoringCase() throws Exception {
		given(this.queue.list(any(), anyInt(), anyInt())).willReturn(List.of(JobFixtures.aQueuedJob()));
		this.mvc.perform(get("/jobs?status=PENDING&limit=5&offset=0"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].status").value("pending"))
			.andExpect(jsonPath("$[0].id").value(startsWith("job_")))
			.andExpect(jsonPath("$[0].result").doesNotExist());
		verify(this.queue).list(eq(JobState.withStatus(JobStatus.PENDING)), eq(5), eq(0));
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

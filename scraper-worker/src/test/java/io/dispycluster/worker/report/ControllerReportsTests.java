package io.dispycluster.worker.report;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.jayway.jsonpath.JsonPath;
import io.dispycluster.model.job.AttemptProgress;
import io.dispycluster.model.worker.WorkerRegistration;
import io.dispycluster.model.job.AttemptOutcome;
import io.dispycluster.support.security.InternalTokenProperties;
import io.dispycluster.worker.crawl.CrawlResult;
import io.dispycluster.worker.testsupport.StubController;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.web.client.RestClient;
import org.springframework.web.client.support.RestClientAdapter;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * How the controller's answers and silences are classified, and what is retried.
 */
class ControllerReportsTests {

	private static final String TOKEN = "internal-token-for-tests-0123456789";

	// as the worker's: snake_case on the wire
	static final JsonMapper JSON = JsonMapper.builder()
		.propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
		.enable(EnumFeature.WRITE_ENUMS_TO_LOWERCASE)
		.build();

	private final StubController controller = StubController.start();

	private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

	private final ReportProperties properties = new ReportProperties(Duration.ofSeconds(5), Duration.ofMillis(20),
			Duration.ofMillis(80), Duration.ofSeconds(2));

	@AfterEach
	void stop() {
		this.controller.close();
		this.scheduler.shutdownNow();
	}

	@ParameterizedTest
	@CsvSource({ "204, ACCEPTED", "409, NOT_CURRENT", "404, NOT_CURRENT", "400, REFUSED", "500, UNAVAILABLE",
			"503, UNAVAILABLE" })
	void classifiesTheControllersAnswer(int status, Answer answer) {
		this.controller.answerNext("/internal/jobs/job_1/progress", status);

		assertThat(reports(this.controller.baseUrl()).progress("job_1", null, progress())).isEqualTo(answer);
	}

	@Test
	void treatsAControllerThatDoesNotAnswerAsUnavailable() throws IOException {
		assertThat(reports(closedPortUrl()).progress("job_1", null, progress())).isEqualTo(Answer.UNAVAILABLE);
	}

	@Test
	void retriesAReportUntilTheControllerAcceptsIt() {
		this.controller.answerNext("/internal/jobs/job_2/report", 500, 503, 502);

		AtomicInteger settled = new AtomicInteger();

		reports(this.controller.baseUrl()).report("job_2", null, report(), settled::incrementAndGet);

		await().atMost(Duration.ofSeconds(2))
			.until(() -> this.controller.bodies("/internal/jobs/job_2/report").size() == 4);
		// settled once, when accepted, not at each failed try
		await().atMost(Duration.ofSeconds(1)).until(() -> settled.get() == 1);
		await().during(Duration.ofMillis(200)).until(() -> settled.get() == 1);
	}

	@Test
	void settlesAReportTheControllerRefuses() {
		this.controller.answerNext("/internal/jobs/job_6/report", 503, 409);
		AtomicInteger settled = new AtomicInteger();

		reports(this.controller.baseUrl()).report("job_6", null, report(), settled::incrementAndGet);

		await().atMost(Duration.ofSeconds(2)).until(() -> settled.get() == 1);
		assertThat(this.controller.bodies("/internal/jobs/job_6/report")).hasSize(2);
	}

	@Test
	void givesUpOnAReportAfterTheConfiguredTime() {
		ReportProperties shortLived = new ReportProperties(Duration.ofSeconds(5), Duration.ofMillis(20),
				Duration.ofMillis(40), Duration.ofMillis(200));
		this.controller.answerAlways("/internal/jobs/job_3/report", 503);

		AtomicInteger settled = new AtomicInteger();

		new ControllerReports(client(this.controller.baseUrl()), this.scheduler, shortLived, JSON).report("job_3", null,
				report(), settled::incrementAndGet);

		await().pollDelay(Duration.ofMillis(600))
			.atMost(Duration.ofSeconds(2))
			.until(() -> this.controller.bodies("/internal/jobs/job_3/report").size() <= 10);
		int calls = this.controller.bodies("/internal/jobs/job_3/report").size();
		await().during(Duration.ofMillis(300))
			.until(() -> this.controller.bodies("/internal/jobs/job_3/report").size() == calls);
		assertThat(settled).hasValue(1);
	}

	@Test
	void reportsAResultTooLargeForTheControllerAsAFailureThatSaysSo() {
		String path = "/internal/jobs/job_9/report";
		this.controller.refuseBodiesOver(path, 4096);
		AtomicInteger settled = new AtomicInteger();

		reports(this.controller.baseUrl()).report("job_9", null, succeeded(bigResult()), settled::incrementAndGet);

		await().atMost(Duration.ofSeconds(2)).until(() -> settled.get() == 1);
		List<String> bodies = this.controller.bodies(path);
		assertThat(bodies).hasSize(2);
		String small = bodies.get(1);
		assertThat(JsonPath.<String>read(small, "$.outcome")).isEqualToIgnoringCase("failed");
		assertThat(JsonPath.<Object>read(small, "$.result")).isNull();
		assertThat(JsonPath.<String>read(small, "$.error"))
			.startsWith("Result too large for the controller: the report of this attempt (300 pages, "
					+ sizeOf(succeeded(bigResult())) + " bytes of JSON)")
			.contains("dispycluster.controller.max-report-size", "(Le corps de la requête dépasse 4 Ko)");
	}

	@Test
	void keepsTheReasonOfAFailureWhosePartialResultIsTooLargeForTheController() {
		String path = "/internal/jobs/job_10/report";
		this.controller.refuseBodiesOver(path, 4096);
		AttemptReportBody refusal = new AttemptReportBody(1, "n1", AttemptOutcome.FAILED, bigResult(),
				"Refused by robots.txt");

		assertThat(reports(this.controller.baseUrl()).reportOnce("job_10", null, refusal)).isEqualTo(Answer.ACCEPTED);

		String small = this.controller.bodies(path).get(1);
		assertThat(JsonPath.<String>read(small, "$.outcome")).isEqualToIgnoringCase("failed");
		assertThat(JsonPath.<Object>read(small, "$.result")).isNull();
		assertThat(JsonPath.<String>read(small, "$.error"))
			.startsWith("Refused by robots.txt (Result too large for the controller: ");
	}

	@Test
	void reportsACancelledAttemptWhosePartialResultIsTooLargeAsCancelledWithoutIt() {
		String path = "/internal/jobs/job_11/report";
		this.controller.refuseBodiesOver(path, 4096);
		AttemptReportBody cancelled = new AttemptReportBody(1, "n1", AttemptOutcome.CANCELLED, bigResult(), null);

		assertThat(reports(this.controller.baseUrl()).reportOnce("job_11", null, cancelled)).isEqualTo(Answer.ACCEPTED);

		String small = this.controller.bodies(path).get(1);
		assertThat(JsonPath.<String>read(small, "$.outcome")).isEqualToIgnoringCase("cancelled");
		assertThat(JsonPath.<Object>read(small, "$.result")).isNull();
	}

	@Test
	void retriesTheFailureThatReplacedAReportTooLargeNotTheReport() {
		String path = "/internal/jobs/job_12/report";
		this.controller.refuseBodiesOver(path, 4096);
		this.controller.answerNext(path, 503, 500);
		AtomicInteger settled = new AtomicInteger();

		reports(this.controller.baseUrl()).report("job_12", null, succeeded(bigResult()), settled::incrementAndGet);

		await().atMost(Duration.ofSeconds(2)).until(() -> settled.get() == 1);
		List<String> bodies = this.controller.bodies(path);
		// the report refused once; its replacement tried until the controller took it
		assertThat(bodies).hasSize(4);
		assertThat(bodies.subList(1, 4)).allSatisfy((body) -> {
			assertThat(JsonPath.<String>read(body, "$.outcome")).isEqualToIgnoringCase("failed");
			assertThat(JsonPath.<String>read(body, "$.error")).startsWith("Result too large for the controller");
		});
	}

	@Test
	void settlesAReportWithoutAResultThatIsStillTooLarge() {
		String path = "/internal/jobs/job_13/report";
		this.controller.refuseBodiesOver(path, 16);
		AtomicInteger settled = new AtomicInteger();

		reports(this.controller.baseUrl()).report("job_13", null, report(), settled::incrementAndGet);

		await().atMost(Duration.ofSeconds(2)).until(() -> settled.get() == 1);
		await().during(Duration.ofMillis(200)).until(() -> this.controller.bodies(path).size() == 1);
	}

	@Test
	void sendsTheInternalTokenOnEveryCallToTheController() {
		this.controller.requireToken(TOKEN);
		ControllerReports reports = new ControllerReports(client(this.controller.baseUrl(), TOKEN), this.scheduler,
				this.properties, JSON);

		assertThat(reports.registerOnce(new WorkerRegistration("n1", "http://n1:8080", 2))).isEqualTo(Answer.ACCEPTED);
		assertThat(reports.progress("job_4", null, progress())).isEqualTo(Answer.ACCEPTED);
		reports.report("job_4", null, report(), () -> {
		});

		await().atMost(Duration.ofSeconds(2))
			.until(() -> this.controller.bodies("/internal/jobs/job_4/report").size() == 1);
		assertThat(this.controller.calls("/internal/jobs/job_4/report").get(0).token()).isEqualTo(TOKEN);
	}

	@Test
	void sendsTheRequestIdOfTheJobWithItsProgressAndEveryTryOfItsReport() {
		this.controller.answerNext("/internal/jobs/job_7/report", 503);
		ControllerReports reports = reports(this.controller.baseUrl());
		Logger logger = (Logger) LoggerFactory.getLogger(RetryingCall.class);
		ListAppender<ILoggingEvent> logged = new ListAppender<>();
		logged.start();
		logger.addAppender(logged);

		assertThat(reports.progress("job_7", "abc", progress())).isEqualTo(Answer.ACCEPTED);
		// reported from the crawl's thread, whose logging context holds the id
		MDC.put("request_id", "abc");
		try {
			reports.report("job_7", "abc", report(), () -> {
			});
		}
		finally {
			MDC.remove("request_id");
		}

		await().atMost(Duration.ofSeconds(2))
			.until(() -> this.controller.bodies("/internal/jobs/job_7/report").size() == 2);
		assertThat(this.controller.calls("/internal/jobs/job_7/progress")).extracting(StubController.Call::requestId)
			.containsExactly("abc");
		assertThat(this.controller.calls("/internal/jobs/job_7/report")).extracting(StubController.Call::requestId)
			.containsExactly("abc", "abc");
		// the tries run on the scheduler's thread, with the caller's logging context
		try {
			await().atMost(Duration.ofSeconds(1))
				.until(() -> logged.list.stream()
					.anyMatch((event) -> event.getFormattedMessage().endsWith("accepted by the controller")));
			assertThat(logged.list).isNotEmpty().allSatisfy((event) -> {
				assertThat(event.getMDCPropertyMap()).containsEntry("request_id", "abc");
				assertThat(event.getThreadName()).isNotEqualTo(Thread.currentThread().getName());
			});
		}
		finally {
			logger.detachAppender(logged);
		}
	}

	@Test
	void sendsNoRequestIdHeaderForAJobWithoutOne() {
		assertThat(reports(this.controller.baseUrl()).progress("job_8", null, progress())).isEqualTo(Answer.ACCEPTED);
		assertThat(this.controller.calls("/internal/jobs/job_8/progress").get(0).requestId()).isNull();
	}

	@Test
	void isRefusedByAControllerThatRequiresATokenWhenNoneIsSet() {
		this.controller.requireToken(TOKEN);

		assertThat(reports(this.controller.baseUrl()).progress("job_5", null, progress())).isEqualTo(Answer.REFUSED);
		assertThat(reports(this.controller.baseUrl()).registerOnce(new WorkerRegistration("n1", "http://n1:8080", 2)))
			.isEqualTo(Answer.REFUSED);
		assertThat(this.controller.calls("/internal/jobs/job_5/progress").get(0).token()).isNull();
	}

	@Test
	void sendsNoTokenHeaderWhenTheTokenIsBlank() {
		ControllerReports reports = new ControllerReports(client(this.controller.baseUrl(), " "), this.scheduler,
				this.properties, JSON);

		assertThat(reports.progress("job_6", null, progress())).isEqualTo(Answer.ACCEPTED);
		assertThat(this.controller.calls("/internal/jobs/job_6/progress").get(0).token()).isNull();
	}

	private ControllerReports reports(String baseUrl) {
		return new ControllerReports(client(baseUrl), this.scheduler, this.properties, JSON);
	}

	static ControllerClient client(String baseUrl) {
		return client(baseUrl, null);
	}

	// The client as ReportConfiguration configures it.
	static ControllerClient client(String baseUrl, @Nullable String token) {
		RestClient.Builder builder = ReportConfiguration.withToken(RestClient.builder().baseUrl(baseUrl),
				new InternalTokenProperties(token, false));
		return HttpServiceProxyFactory.builderFor(RestClientAdapter.create(builder.build()))
			.build()
			.createClient(ControllerClient.class);
	}

	private static String closedPortUrl() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return "http://127.0.0.1:" + socket.getLocalPort();
		}
	}

	private static AttemptProgress progress() {
		return new AttemptProgress(1, "n1", 0, null);
	}

	private static AttemptReportBody succeeded(CrawlResult result) {
		return new AttemptReportBody(1, "n1", AttemptOutcome.SUCCEEDED, result, null);
	}

	// 300 pages crawled, about 20 KB of JSON
	private static CrawlResult bigResult() {
		List<String> crawled = IntStream.range(0, 300).mapToObj((i) -> "http://site.test/page/" + i).toList();
		return new CrawlResult(crawled, Map.of(), Map.of(), List.of(), "max_pages", Map.of("crawled", 300));
	}

	private static long sizeOf(AttemptReportBody report) {
		return JSON.writeValueAsBytes(report).length;
	}

	private static AttemptReportBody report() {
		return new AttemptReportBody(1, "n1", AttemptOutcome.FAILED, null, "boom");
	}

}

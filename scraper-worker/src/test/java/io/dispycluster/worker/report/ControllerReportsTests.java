package io.dispycluster.worker.report;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.dispycluster.model.job.AttemptProgress;
import io.dispycluster.model.worker.WorkerRegistration;
import io.dispycluster.model.job.AttemptOutcome;
import io.dispycluster.support.security.InternalTokenProperties;
import io.dispycluster.worker.testsupport.StubController;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

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

		new ControllerReports(client(this.controller.baseUrl()), this.scheduler, shortLived).report("job_3", null,
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
	void sendsTheInternalTokenOnEveryCallToTheController() {
		this.controller.requireToken(TOKEN);
		ControllerReports reports = new ControllerReports(client(this.controller.baseUrl(), TOKEN), this.scheduler,
				this.properties);

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
				this.properties);

		assertThat(reports.progress("job_6", null, progress())).isEqualTo(Answer.ACCEPTED);
		assertThat(this.controller.calls("/internal/jobs/job_6/progress").get(0).token()).isNull();
	}

	private ControllerReports reports(String baseUrl) {
		return new ControllerReports(client(baseUrl), this.scheduler, this.properties);
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

	private static AttemptReportBody report() {
		return new AttemptReportBody(1, "n1", AttemptOutcome.FAILED, null, "boom");
	}

}

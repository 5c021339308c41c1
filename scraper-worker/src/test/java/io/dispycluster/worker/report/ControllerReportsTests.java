package io.dispycluster.worker.report;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import io.dispycluster.model.job.AttemptProgress;
import io.dispycluster.model.worker.WorkerRegistration;
import io.dispycluster.model.job.AttemptOutcome;
import io.dispycluster.worker.testsupport.StubController;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.web.client.RestClient;
import org.springframework.web.client.support.RestClientAdapter;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * How the controller's answers and silences are classified, and what is retried.
 */
class ControllerReportsTests {

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

		assertThat(reports(this.controller.baseUrl()).progress("job_1", progress())).isEqualTo(answer);
	}

	@Test
	void treatsAControllerThatDoesNotAnswerAsUnavailable() throws IOException {
		assertThat(reports(closedPortUrl()).progress("job_1", progress())).isEqualTo(Answer.UNAVAILABLE);
	}

	@Test
	void retriesAReportUntilTheControllerAcceptsIt() {
		this.controller.answerNext("/internal/jobs/job_2/report", 500, 503, 502);

		reports(this.controller.baseUrl()).report("job_2", report());

		await().atMost(Duration.ofSeconds(2))
			.until(() -> this.controller.bodies("/internal/jobs/job_2/report").size() == 4);
	}

	@Test
	void givesUpOnAReportAfterTheConfiguredTime() {
		ReportProperties shortLived = new ReportProperties(Duration.ofSeconds(5), Duration.ofMillis(20),
				Duration.ofMillis(40), Duration.ofMillis(200));
		this.controller.answerAlways("/internal/jobs/job_3/report", 503);

		new ControllerReports(client(this.controller.baseUrl()), this.scheduler, shortLived).report("job_3", report());

		await().pollDelay(Duration.ofMillis(600))
			.atMost(Duration.ofSeconds(2))
			.until(() -> this.controller.bodies("/internal/jobs/job_3/report").size() <= 10);
		int calls = this.controller.bodies("/internal/jobs/job_3/report").size();
		await().during(Duration.ofMillis(300))
			.until(() -> this.controller.bodies("/internal/jobs/job_3/report").size() == calls);
	}

	@Test
	void retriesTheRegistrationUntilTheControllerAnswers() {
		this.controller.answerNext("/internal/workers/register", 503, 503);

		reports(this.controller.baseUrl()).register(new WorkerRegistration("n1", "http://n1:8080", 2));

		await().atMost(Duration.ofSeconds(2))
			.until(() -> this.controller.bodies("/internal/workers/register").size() == 3);
	}

	private ControllerReports reports(String baseUrl) {
		return new ControllerReports(client(baseUrl), this.scheduler, this.properties);
	}

	private static ControllerClient client(String baseUrl) {
		return HttpServiceProxyFactory.builderFor(RestClientAdapter.create(RestClient.create(baseUrl)))
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

package io.dispycluster.worker.assignment;

import java.time.Duration;
import java.util.List;

import io.dispycluster.worker.WorkerITSupport;
import io.dispycluster.worker.testsupport.StubController.Call;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient.ResponseSpec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The assignment API end to end: a job accepted, crawled and reported to a stub
 * controller; retries; capacity; cancellation; progress; stale attempts.
 */
class AssignmentsIT extends WorkerITSupport {

	private static final Duration A_SECOND = Duration.ofSeconds(1);

	@Test
	void crawlsAnAssignmentAndReportsTheResult() {
		SITE.page("/job1/", "<html><body><a href='a.html'>a</a> job1@example.org</body></html>")
			.page("/job1/a.html", "<html><body>a</body></html>");

		assign("job_1", 1, "/job1/").expectStatus()
			.isAccepted()
			.expectBody()
			.json("{\"job_id\":\"job_1\",\"attempt\":1}");

		String report = awaitReport("job_1");
		assertThat(report).contains("\"attempt\":1", "\"node\":\"it-node\"", "\"outcome\":\"succeeded\"",
				"\"crawled\":[\"" + SITE.url("/job1/") + "\",\"" + SITE.url("/job1/a.html") + "\"]", "\"pii_by_url\":",
				"\"job1@example.org\"", "\"stop_reason\":\"frontier_exhausted\"");
		await().atMost(A_SECOND).until(() -> !listed("job_1"));
	}

	@Test
	void retriesTheReportWhileTheControllerFails() {
		SITE.page("/job2/", "<html><body>job 2</body></html>");
		CONTROLLER.answerNext("/internal/jobs/job_2/report", 503, 500);

		assign("job_2", 1, "/job2/").expectStatus().isAccepted();

		await().atMost(Duration.ofSeconds(5)).until(() -> CONTROLLER.bodies("/internal/jobs/job_2/report").size() == 3);
		assertThat(CONTROLLER.bodies("/internal/jobs/job_2/report")).allMatch((body) -> body.contains("succeeded"));
	}

	@Test
	void listsAJobThatEndedUntilItsReportIsDelivered() {
		SITE.page("/job12/", "<html><body>job 12</body></html>");
		CONTROLLER.answerNext("/internal/jobs/job_12/report", 503, 503, 503, 503, 503);

		assign("job_12", 1, "/job12/").expectStatus().isAccepted();

		// The crawl ended and its report was refused for now: the controller, which
		// renews
		// the leases of the jobs listed here, must not hand the job to another worker.
		await().atMost(Duration.ofSeconds(5)).until(() -> !CONTROLLER.bodies("/internal/jobs/job_12/report").isEmpty());
		assertThat(listed("job_12")).isTrue();
		this.client.get().uri("/health").exchange().expectBody().jsonPath("$.active_jobs").isEqualTo(0);
		await().atMost(Duration.ofSeconds(5))
			.until(() -> CONTROLLER.bodies("/internal/jobs/job_12/report").size() == 6);
		await().atMost(A_SECOND).until(() -> !listed("job_12"));
	}

	@Test
	void stopsRetryingWhenTheControllerRefusesTheReport() {
		SITE.page("/job3/", "<html><body>job 3</body></html>");
		CONTROLLER.answerNext("/internal/jobs/job_3/report", 409);

		assign("job_3", 1, "/job3/").expectStatus().isAccepted();

		await().during(Duration.ofMillis(600))
			.atMost(Duration.ofSeconds(3))
			.until(() -> CONTROLLER.bodies("/internal/jobs/job_3/report").size() == 1);
	}

	@Test
	void refusesWorkBeyondItsCapacityAndStopsCancelledJobsWithinASecond() {
		SITE.slowPage("/slow-a/", Duration.ofSeconds(30), "<html></html>")
			.slowPage("/slow-b/", Duration.ofSeconds(30), "<html></html>");
		assign("job_a", 1, "/slow-a/").expectStatus().isAccepted();
		assign("job_b", 1, "/slow-b/").expectStatus().isAccepted();

		assign("job_c", 1, "/slow-a/").expectStatus()
			.isEqualTo(503)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:dispycluster:problem:worker-at-capacity");
		this.client.get().uri("/health").exchange().expectBody().jsonPath("$.active_jobs").isEqualTo(2);

		cancel("job_a").expectStatus().isAccepted();
		cancel("job_b").expectStatus().isAccepted();

		await().atMost(A_SECOND).until(() -> !listed("job_a") && !listed("job_b"));
		assertThat(awaitReport("job_a")).contains("\"outcome\":\"cancelled\"", "\"stop_reason\":\"cancelled\"");
		assertThat(awaitReport("job_b")).contains("\"outcome\":\"cancelled\"");
	}

	@Test
	void readsTheOptionalJobFieldsOfTheSpec() {
		SITE.page("/job9/", "<html><body><a href='a.html'>a</a></body></html>");

		this.client.post()
			.uri("/assignments")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"job_id\":\"job_9\",\"attempt\":1,\"spec\":{\"start_url\":\"" + SITE.url("/job9/")
					+ "\",\"max_pages\":5,\"same_origin_only\":true,\"timeout_s\":5,\"max_duration_s\":60,"
					+ "\"max_depth\":0}}")
			.exchange()
			.expectStatus()
			.isAccepted();

		assertThat(awaitReport("job_9")).contains("\"crawled\":[\"" + SITE.url("/job9/") + "\"]", "\"too_deep\":1");
	}

	@Test
	void failsAJobWhoseStartUrlTheGuardRefuses() {
		this.client.post()
			.uri("/assignments")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"job_id\":\"job_8\",\"attempt\":1,\"spec\":{\"start_url\":\"http://169.254.169.254/latest/\","
					+ "\"max_pages\":5,\"same_origin_only\":true,\"timeout_s\":5,\"max_duration_s\":60}}")
			.exchange()
			.expectStatus()
			.isAccepted();

		assertThat(awaitReport("job_8")).contains("\"outcome\":\"failed\"",
				"\"error\":\"Blocked address: 169.254.169.254 is a link-local address");
	}

	@Test
	void answers404WhenCancellingAJobItDoesNotRun() {
		cancel("job_unknown").expectStatus().isNotFound();
	}

	@Test
	void sendsProgressWhileItCrawls() {
		SITE.page("/job4/", "<html><body><a href='slow.html'>slow</a></body></html>")
			.slowPage("/job4/slow.html", Duration.ofSeconds(30), "<html></html>");
		assign("job_4", 1, "/job4/").expectStatus().isAccepted();

		await().atMost(Duration.ofSeconds(5))
			.until(() -> CONTROLLER.bodies("/internal/jobs/job_4/progress")
				.stream()
				.anyMatch((body) -> body.contains("\"pages_done\":1")
						&& body.contains("\"current_url\":\"" + SITE.url("/job4/slow.html") + "\"")));
		assertThat(CONTROLLER.bodies("/internal/jobs/job_4/progress").get(0)).contains("\"attempt\":1",
				"\"node\":\"it-node\"");
		cancel("job_4").expectStatus().isAccepted();
		awaitReport("job_4");
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void carriesTheRequestIdOfItsAssignmentThroughItsCrawlAndItsCallsToTheController(CapturedOutput output) {
		// a page that takes a second: progress is sent while it loads
		SITE.page("/job13/", "<html><body><a href='slow.html'>slow</a></body></html>")
			.slowPage("/job13/slow.html", Duration.ofSeconds(1), "<html><body>slow</body></html>");

		this.client.post()
			.uri("/assignments")
			.contentType(MediaType.APPLICATION_JSON)
			.header("X-Request-Id", "abc")
			.body("{\"job_id\":\"job_13\",\"attempt\":1,\"spec\":{\"start_url\":\"" + SITE.url("/job13/")
					+ "\",\"max_pages\":5,\"same_origin_only\":true,\"timeout_s\":60,\"max_duration_s\":120}}")
			.exchange()
			.expectStatus()
			.isAccepted();

		assertThat(awaitReport("job_13")).contains("\"outcome\":\"succeeded\"");
		assertThat(CONTROLLER.calls("/internal/jobs/job_13/progress")).isNotEmpty()
			.extracting(Call::requestId)
			.containsOnly("abc");
		assertThat(CONTROLLER.calls("/internal/jobs/job_13/report")).extracting(Call::requestId).containsOnly("abc");
		// lines of the crawl's thread and of the report's
		await().atMost(A_SECOND)
			.untilAsserted(() -> assertThat(output.getOut())
				.containsPattern("\\[abc\\] .*Job\\(id=job_13, attempt=1\\) started")
				.containsPattern("\\[abc\\] .*Job\\(id=job_13, attempt=1\\) ended")
				.containsPattern("\\[abc\\] .*Report of job job_13 attempt 1: accepted by the controller"));
	}

	@Test
	void stopsAJobTheControllerNoLongerCountsOnWithoutReportingIt() {
		SITE.slowPage("/job5/", Duration.ofSeconds(30), "<html></html>");
		CONTROLLER.answerAlways("/internal/jobs/job_5/progress", 409);

		assign("job_5", 1, "/job5/").expectStatus().isAccepted();

		await().atMost(Duration.ofSeconds(3)).until(() -> !listed("job_5"));
		await().during(Duration.ofMillis(500)).until(() -> CONTROLLER.bodies("/internal/jobs/job_5/report").isEmpty());
	}

	@Test
	void replacesAnOlderAttemptWithANewerOneAndRefusesAStaleOne() {
		SITE.slowPage("/job6/", Duration.ofSeconds(30), "<html></html>");
		assign("job_6", 1, "/job6/").expectStatus().isAccepted();

		assign("job_6", 2, "/job6/").expectStatus().isAccepted();
		assign("job_6", 2, "/job6/").expectStatus().isAccepted();
		assign("job_6", 1, "/job6/").expectStatus()
			.isEqualTo(409)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:dispycluster:problem:stale-attempt");

		this.client.get()
			.uri("/assignments")
			.exchange()
			.expectBody()
			.jsonPath("$[?(@.job_id == 'job_6')].attempt")
			.isEqualTo(2);
		cancel("job_6").expectStatus().isAccepted();
		String report = awaitReport("job_6");
		assertThat(report).contains("\"attempt\":2");
		assertThat(CONTROLLER.bodies("/internal/jobs/job_6/report")).hasSize(1);
	}

	@Test
	void aCancellationNamingAnOlderAttemptLeavesTheNewerOneRunning() {
		SITE.slowPage("/job10/", Duration.ofSeconds(30), "<html></html>");
		assign("job_10", 1, "/job10/").expectStatus().isAccepted();
		assign("job_10", 2, "/job10/").expectStatus().isAccepted();

		cancel("job_10", 1).expectStatus()
			.isNotFound()
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:dispycluster:problem:assignment-not-found")
			.jsonPath("$.job_id")
			.isEqualTo("job_10");
		cancel("job_10", 3).expectStatus().isNotFound();
		this.client.get()
			.uri("/assignments")
			.exchange()
			.expectBody()
			.jsonPath("$[?(@.job_id == 'job_10')].attempt")
			.isEqualTo(2);
		assertThat(CONTROLLER.bodies("/internal/jobs/job_10/report")).isEmpty();

		cancel("job_10", 2).expectStatus().isAccepted().expectBody().json("{\"job_id\":\"job_10\",\"attempt\":2}");
		assertThat(awaitReport("job_10")).contains("\"attempt\":2", "\"outcome\":\"cancelled\"");
	}

	@Test
	void answers422ForACancellationNamingNoValidAttempt() {
		this.client.post()
			.uri("/assignments/job_11/cancel?attempt=0")
			.exchange()
			.expectStatus()
			.isEqualTo(422)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("attempt");
	}

	@Test
	void answers422NamingTheBadFieldsOfAnAssignment() {
		this.client.post()
			.uri("/assignments")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"attempt\":0,\"spec\":{\"start_url\":\"file:///etc/passwd\",\"max_pages\":5,\"timeout_s\":5,"
					+ "\"same_origin_only\":true,\"max_duration_s\":60}}")
			.exchange()
			.expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.errors[*].field")
			.isEqualTo(List.of("job_id", "attempt", "spec.start_url"));
	}

	@Test
	void answers422NamingAMissingSpecField() {
		this.client.post()
			.uri("/assignments")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"job_id\":\"job_7\",\"attempt\":1,\"spec\":{\"start_url\":\"http://h/\",\"max_pages\":5}}")
			.exchange()
			.expectStatus()
			.isEqualTo(422)
			.expectBody()
			.jsonPath("$.errors[0].field")
			.value((field) -> assertThat(field).asString().startsWith("spec."));
	}

	private ResponseSpec assign(String jobId, int attempt, String path) {
		return this.client.post()
			.uri("/assignments")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"job_id\":\"" + jobId + "\",\"attempt\":" + attempt + ",\"spec\":{\"start_url\":\""
					+ SITE.url(path)
					+ "\",\"max_pages\":5,\"same_origin_only\":true,\"timeout_s\":60,\"max_duration_s\":120}}")
			.exchange();
	}

	private ResponseSpec cancel(String jobId) {
		return this.client.post().uri("/assignments/{jobId}/cancel", jobId).exchange();
	}

	private ResponseSpec cancel(String jobId, int attempt) {
		return this.client.post().uri("/assignments/{jobId}/cancel?attempt={attempt}", jobId, attempt).exchange();
	}

	private boolean listed(String jobId) {
		String list = this.client.get()
			.uri("/assignments")
			.exchange()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		return list != null && list.contains("\"job_id\":\"" + jobId + "\"");
	}

	private static String awaitReport(String jobId) {
		String path = "/internal/jobs/" + jobId + "/report";
		await().atMost(Duration.ofSeconds(5)).until(() -> !CONTROLLER.bodies(path).isEmpty());
		return CONTROLLER.bodies(path).get(0);
	}

}

package io.dispycluster.worker;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.dispycluster.model.job.AttemptOutcome;
import io.dispycluster.model.job.AttemptReport;
import io.dispycluster.model.job.PageSummary;
import io.dispycluster.model.job.PiiFindings;
import io.dispycluster.model.job.ScrapeAssignment;
import io.dispycluster.model.worker.WorkerState;
import io.dispycluster.model.worker.WorkerView;
import io.dispycluster.worker.crawl.CrawlResult;
import io.dispycluster.worker.crawl.PageDetail;
import io.dispycluster.worker.report.AttemptReportBody;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The wire conventions every service shares: snake_case names, lower-case enums read in
 * any case, ISO-8601 instants, and unknown properties ignored.
 */
class JacksonConventionsTests extends WebSliceTests {

	@Autowired
	private JsonMapper json;

	@Test
	void writesRecordComponentsInSnakeCaseAndEnumsInLowerCase() {
		String written = this.json.writeValueAsString(new AttemptReport(1, "n1", AttemptOutcome.SUCCEEDED, null, null));

		assertThat(written).contains("\"outcome\":\"succeeded\"").contains("\"attempt\":1").contains("\"node\":\"n1\"");
	}

	@Test
	void writesInstantsAsIsoStringsInUtc() {
		String written = this.json.writeValueAsString(new WorkerView("n1", WorkerState.ONLINE,
				Instant.parse("2026-12-04T19:20:00Z"), 0, 0, null, null, "http://n1:8080", 2));

		assertThat(written).contains("\"last_seen\":\"2026-12-04T19:20:00Z\"")
			.contains("\"total_jobs_completed\":0")
			.contains("\"status\":\"online\"");
	}

	@Test
	void sendsResultsAndReportsThatReadAsTheContractsRecords() {
		CrawlResult result = new CrawlResult(List.of("http://h/"),
				Map.of("http://h/", new PiiFindings(List.of("a@example.org"), List.of("01 23 45 67 89"))),
				Map.of("http://h/x", "HTTP 404 / type text/html"), List.of(new PageDetail("http://h/", "http://h/home",
						200, "text/html", "Home", "About us", 0, 4, 1024, 12, Map.of("price", "3 €"))),
				"frontier_exhausted", Map.of("crawled", 1, "http_error", 1));
		AttemptReportBody sent = new AttemptReportBody(2, "n1", AttemptOutcome.SUCCEEDED, result, null);

		AttemptReport read = this.json.readValue(this.json.writeValueAsString(sent), AttemptReport.class);

		assertThat(read).isEqualTo(sent.contract());
		assertThat(read.result().pages()).containsExactly(new PageSummary("http://h/", 200, "Home", 0, 4));
	}

	@Test
	void readsSnakeCaseIgnoringUnknownPropertiesAndEnumCase() {
		ScrapeAssignment assignment = this.json.readValue("""
				{"job_id":"job_1","attempt":1,"lease":"new","spec":{"start_url":"http://h/","max_pages":5,
				 "same_origin_only":true,"timeout_s":10,"max_duration_s":60,"max_depth":3}}
				""", ScrapeAssignment.class);
		AttemptReport report = this.json.readValue("{\"attempt\":1,\"node\":\"n\",\"outcome\":\"CANCELLED\"}",
				AttemptReport.class);

		assertThat(assignment.jobId()).isEqualTo("job_1");
		assertThat(assignment.spec().startUrl()).isEqualTo("http://h/");
		assertThat(assignment.spec().maxDurationS()).isEqualTo(60);
		assertThat(report.outcome()).isEqualTo(AttemptOutcome.CANCELLED);
		assertThat(List.of(report.attempt())).containsExactly(1);
	}

}

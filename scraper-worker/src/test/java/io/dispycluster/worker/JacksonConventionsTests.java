package io.dispycluster.worker;

import java.time.Instant;
import java.util.List;

import io.dispycluster.model.job.AttemptOutcome;
import io.dispycluster.model.job.AttemptReport;
import io.dispycluster.model.job.ScrapeAssignment;
import io.dispycluster.model.worker.WorkerState;
import io.dispycluster.model.worker.WorkerView;
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

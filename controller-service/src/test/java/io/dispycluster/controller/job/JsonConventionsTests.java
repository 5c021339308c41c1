package io.dispycluster.controller.job;

import io.dispycluster.model.job.AttemptOutcome;
import io.dispycluster.model.job.JobStatus;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service's JSON conventions, on the mapper Spring configures from application.yml:
 * snake_case names, lower-case enums read in any case, unknown properties ignored. Shares
 * the web slice context of {@link JobControllerTests}.
 */
@WebMvcTest(JobController.class)
@Import(JobWebSliceConfiguration.class)
class JsonConventionsTests {

	@Autowired
	private JsonMapper json;

	@MockitoBean
	private JobIntake intake;

	@MockitoBean
	private JobQueue queue;

	@Test
	void writesCamelCaseComponentsInSnakeCase() {
		assertThat(this.json.writeValueAsString(new Sample("http://s.test/", 3, JobStatus.PENDING)))
			.isEqualTo("{\"start_url\":\"http://s.test/\",\"max_pages\":3,\"status\":\"pending\"}");
	}

	@Test
	void readsSnakeCaseIgnoringUnknownPropertiesAndEnumCase() {
		Sample sample = this.json.readValue(
				"{\"start_url\":\"http://s.test/\",\"max_pages\":3,\"status\":\"RUNNING\",\"extra\":[1]}",
				Sample.class);
		assertThat(sample).isEqualTo(new Sample("http://s.test/", 3, JobStatus.RUNNING));
		assertThat(this.json.readValue("\"succeeded\"", AttemptOutcome.class)).isEqualTo(AttemptOutcome.SUCCEEDED);
	}

	@Test
	void writesInstantsAsIsoUtc() {
		assertThat(this.json.writeValueAsString(java.time.Instant.parse("2026-12-04T19:20:00Z")))
			.isEqualTo("\"2026-12-04T19:20:00Z\"");
	}

	record Sample(String startUrl, int maxPages, JobStatus status) {
	}

}

package io.dispycluster.gateway.system;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.dispycluster.gateway.support.GatewayTestSupport;
import io.dispycluster.model.job.JobStatus;
import io.dispycluster.model.job.ScrapeRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The wire conventions hold with the gateway's JSON settings.
 */
class JacksonConfigurationIT extends GatewayTestSupport {

	@Test
	void writesSnakeCaseLowerCaseEnumsAndIsoInstants() {
		record Sample(String startUrl, JobStatus status, Instant createdAt) {
		}

		String text = this.json
			.writeValueAsString(new Sample("http://a/", JobStatus.PENDING, Instant.parse("2026-12-04T19:20:00Z")));

		assertThat(text)
			.isEqualTo("{\"start_url\":\"http://a/\",\"status\":\"pending\",\"created_at\":\"2026-12-04T19:20:00Z\"}");
	}

	@Test
	void readsSnakeCaseIgnoresUnknownPropertiesAndAnyEnumCase() {
		ScrapeRequest request = this.json
			.readValue("{\"start_url\":\"http://a/\",\"max_pages\":3,\"unknown_field\":true}", ScrapeRequest.class);

		assertThat(request.startUrl()).isEqualTo("http://a/");
		assertThat(request.maxPages()).isEqualTo(3);
		assertThat(this.json.readValue("\"Completed\"", JobStatus.class)).isEqualTo(JobStatus.COMPLETED);
	}

}

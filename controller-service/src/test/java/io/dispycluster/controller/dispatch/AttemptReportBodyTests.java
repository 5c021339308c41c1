package io.dispycluster.controller.dispatch;

import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;

import io.dispycluster.model.job.AttemptOutcome;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A worker's report as the controller reads it: the result is kept as the JSON the worker
 * sent, every field included, and is copied while read instead of built into a tree.
 */
class AttemptReportBodyTests {

	private final JsonMapper json = JsonMapper.builder()
		.propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
		.enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
		.build();

	@Test
	void keepsTheResultAsSentAndCountsItsCrawledPages() {
		String result = "{\"crawled\":[\"http://s.test/\",\"http://s.test/a\"],\"pii_by_url\":{},"
				+ "\"pages\":[{\"url\":\"http://s.test/\",\"title\":\"Café 😀\",\"score\":1.10,\"n\":12345678901234}],"
				+ "\"added_by_a_newer_worker\":[null,true,{\"x\":[]}]}";
		AttemptReportBody report = read(
				"{\"attempt\":2,\"node\":\"n1\",\"outcome\":\"succeeded\",\"result\":" + result + ",\"error\":null}");

		assertThat(report.attempt()).isEqualTo(2);
		assertThat(report.outcome()).isEqualTo(AttemptOutcome.SUCCEEDED);
		assertThat(report.result()).isNotNull();
		assertThat(report.result().json()).isEqualTo(result);
		assertThat(report.result().crawled()).isEqualTo(2);
	}

	@Test
	void tellsAResultThatIsNoObjectAndReadsOnAfterIt() {
		AttemptReportBody report = read(
				"{\"attempt\":1,\"result\":[{\"crawled\":[1]}],\"node\":\"n1\",\"outcome\":\"failed\",\"error\":\"boom\"}");

		assertThat(report.result()).isNotNull();
		assertThat(report.result().isObject()).isFalse();
		assertThat(report.error()).isEqualTo("boom");
		assertThat(read("{\"attempt\":1,\"node\":\"n1\",\"outcome\":\"failed\",\"result\":null}").result()).isNull();
		assertThat(read("{\"attempt\":1,\"node\":\"n1\",\"outcome\":\"failed\",\"result\":{}}").result().crawled())
			.isZero();
	}

	@Test
	void readsALargeResultWithoutBuildingATreeOfIt() {
		StringBuilder pages = new StringBuilder();
		for (int i = 0; pages.length() < 24 * 1024 * 1024; i++) {
			pages.append((i > 0) ? "," : "")
				.append("{\"url\":\"http://s.test/")
				.append(i)
				.append("\",\"data\":{\"k\":[\"")
				.append(Integer.toHexString(i * 40503))
				.append("v".repeat(150))
				.append("\",\"w\"]}}");
		}
		byte[] body = ("{\"attempt\":1,\"node\":\"n1\",\"outcome\":\"succeeded\",\"result\":{\"crawled\":[],\"pages\":["
				+ pages + "]}}")
			.getBytes(StandardCharsets.UTF_8);

		long before = allocatedBytes();
		AttemptReportBody report = this.json.readValue(new ByteArrayInputStream(body), AttemptReportBody.class);
		long allocated = allocatedBytes() - before;

		assertThat(report.result().json()).hasSizeGreaterThan(24 * 1024 * 1024);
		// the text copied, its bytes and the string made of them; a tree took over 5
		// times
		assertThat(allocated).as("bytes allocated to read a report of %d bytes", body.length)
			.isLessThan(4L * body.length);
	}

	private AttemptReportBody read(String body) {
		return this.json.readValue(body, AttemptReportBody.class);
	}

	private static long allocatedBytes() {
		return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
	}

}

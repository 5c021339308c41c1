package io.dispycluster.controller.job;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.dispycluster.model.job.CrawlOptions;
import io.dispycluster.model.job.ExtractRule;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static io.dispycluster.controller.job.JobFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bodies of {@code GET /jobs/{id}} and {@code GET /jobs}: the fields of
 * {@link JobDetails} or {@link JobSummary} in their order, with each stored result copied
 * from the store's stream into its place while it is read, never whole in memory.
 */
class JobJsonWriterTests {

	private static final int PAGES = 40_000;

	private final JsonMapper json = JsonMapper.builder()
		.propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
		.enable(EnumFeature.WRITE_ENUMS_TO_LOWERCASE)
		.build();

	private final JobJsonWriter writer = new JobJsonWriter(this.json);

	@Test
	void streamsALargeResultIntoItsPlaceWhileReadingIt() {
		GeneratedResult result = new GeneratedResult(PAGES);
		ReadWatchingOutput out = new ReadWatchingOutput(result);
		JobDetails details = JobDetails.of(succeededJob(CrawlOptions.none()));

		this.writer.writeDetails(details, (id, copy) -> Optional.of(copy.apply(result)), out);

		// Several MB went through, and the first megabyte was written out before the
		// second megabyte of the result had been read: nothing held the whole document.
		assertThat(result.produced).isGreaterThan(4_000_000);
		assertThat((long) out.size()).isGreaterThan(result.produced);
		assertThat(out.readWhenFirstMegabyteWritten).isLessThan(2_000_000);
		JsonNode body = this.json.readTree(out.toByteArray());
		assertThat(body.get("result").get("pages")).hasSize(PAGES);
		assertThat(body.get("result").get("pages").get(PAGES - 1).get("url").stringValue())
			.isEqualTo("http://site.test/page/" + (PAGES - 1));
		assertThat(body.get("result").get("stop_reason").stringValue()).isEqualTo("max_pages");
	}

	@Test
	void writesTheSameBodyAsTheDetailsWithTheirResult() {
		Job job = succeededJob(
				new CrawlOptions(1, List.of("/a"), null, 0, null, Map.of("title", new ExtractRule("h1", null, null))));
		String result = "{\"crawled\":[\"http://site.test/\"],\"pii_by_url\":{},\"errors\":{},\"n\":1.5,\"big\":12345678901234567890}";
		ByteArrayOutputStream out = new ByteArrayOutputStream();

		this.writer.writeDetails(JobDetails.of(job), (id, copy) -> Optional.of(copy.apply(new StringReader(result))),
				out);

		ObjectNode expected = this.json.valueToTree(JobDetails.of(job));
		expected.set("result", this.json.readTree(result));
		JsonNode written = this.json.readTree(out.toByteArray());
		assertThat(written).isEqualTo(expected);
		assertThat(written.propertyNames()).containsExactlyElementsOf(expected.propertyNames());
		assertThat(written.get("max_depth").intValue()).isEqualTo(1);
		assertThat(written.get("extract").get("title").get("selector").stringValue()).isEqualTo("h1");
	}

	@Test
	void writesANullResultWhenThereIsNone() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		this.writer.writeDetails(JobDetails.of(JobFixtures.aQueuedJob()), StoredResults.NONE, out);
		JsonNode written = this.json.readTree(out.toByteArray());
		assertThat(written.get("result").isNull()).isTrue();
		assertThat(written.get("status").stringValue()).isEqualTo("pending");
		assertThat(written.has("extract")).isFalse();
	}

	@Test
	void listsJobsWithTheirResultsInTheirPlaceAndNullWhereThereIsNone() {
		Job succeeded = succeededJob(CrawlOptions.none());
		Job queued = JobFixtures.aQueuedJob();
		String result = "{\"crawled\":[\"http://site.test/\"],\"pii_by_url\":{},\"errors\":{}}";
		List<JobId> read = new ArrayList<>();
		ByteArrayOutputStream out = new ByteArrayOutputStream();

		this.writer.writeList(List.of(JobSummary.of(succeeded), JobSummary.of(queued)), (id, copy) -> {
			read.add(id);
			return id.equals(succeeded.id()) ? Optional.of(copy.apply(new StringReader(result))) : Optional.empty();
		}, out);

		JsonNode written = this.json.readTree(out.toByteArray());
		assertThat(written).hasSize(2);
		ObjectNode expected = this.json.valueToTree(JobDetails.of(succeeded));
		expected.set("result", this.json.readTree(result));
		// the contract's fields in the order of the details, result between completed_at
		// and error
		List<String> names = new ArrayList<>(written.get(0).propertyNames());
		assertThat(names).containsSubsequence("completed_at", "result", "error", "batch_id");
		assertThat(names.indexOf("result")).isEqualTo(names.indexOf("completed_at") + 1);
		assertThat(written.get(0).get("result")).isEqualTo(expected.get("result"));
		assertThat(written.get(0).get("id").stringValue()).isEqualTo(succeeded.id().value());
		assertThat(written.get(1).get("result").isNull()).isTrue();
		assertThat(written.get(1).get("status").stringValue()).isEqualTo("pending");
		assertThat(read).containsExactly(succeeded.id(), queued.id());
	}

	@Test
	void leavesResultsOutOfAListWhenAskedTo() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		this.writer.writeList(List.of(JobSummary.of(succeededJob(CrawlOptions.none()))), null, out);
		JsonNode written = this.json.readTree(out.toByteArray());
		assertThat(written.get(0).has("result")).isFalse();
		assertThat(written.get(0).get("status").stringValue()).isEqualTo("completed");
	}

	@Test
	void streamsTheLargeResultsOfAListOneAtATime() {
		int jobs = 3;
		List<GeneratedResult> results = new ArrayList<>();
		for (int i = 0; i < jobs; i++) {
			results.add(new GeneratedResult(PAGES / 2));
		}
		ReadWatchingOutput out = new ReadWatchingOutput(results.get(0));
		List<JobSummary> listed = new ArrayList<>();
		for (int i = 0; i < jobs; i++) {
			listed.add(JobSummary.of(succeededJob(CrawlOptions.none())));
		}
		int[] next = { 0 };

		this.writer.writeList(listed, (id, copy) -> Optional.of(copy.apply(results.get(next[0]++))), out);

		assertThat(out.readWhenFirstMegabyteWritten).isBetween(0L, 2_000_000L);
		JsonNode body = this.json.readTree(out.toByteArray());
		assertThat(body).hasSize(jobs);
		for (JsonNode job : body) {
			assertThat(job.get("result").get("pages")).hasSize(PAGES / 2);
		}
	}

	@Test
	void writesAnEmptyList() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		this.writer.writeList(List.of(), StoredResults.NONE, out);
		assertThat(out.toString(java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("[]");
	}

	private static Job succeededJob(CrawlOptions options) {
		Job job = Job.accept(new JobId("job_big"), null,
				new JobSpec("http://site.test/", 1000, true, 30, 1, 3600, options), T0, 0);
		job.dispatchTo("node-a", T0, JobFixtures.LEASE);
		job.succeed(1, "node-a", new ResultDocument("{}", 1000), T0.plusSeconds(60));
		return job;
	}

	/**
	 * A crawl result of many pages, made up as it is read (like a database's character
	 * stream): only what was asked for so far exists.
	 */
	private static final class GeneratedResult extends Reader {

		private final int pages;

		private int next = -1;

		private String chunk = "{\"crawled\":[],\"pii_by_url\":{},\"errors\":{},\"pages\":[";

		private int position;

		private long produced;

		GeneratedResult(int pages) {
			this.pages = pages;
		}

		@Override
		public int read(char[] buffer, int offset, int length) {
			if (this.position == this.chunk.length() && !advance()) {
				return -1;
			}
			int count = Math.min(length, this.chunk.length() - this.position);
			this.chunk.getChars(this.position, this.position + count, buffer, offset);
			this.position += count;
			this.produced += count;
			return count;
		}

		private boolean advance() {
			this.next++;
			if (this.next > this.pages) {
				return false;
			}
			this.chunk = (this.next == this.pages) ? "],\"stop_reason\":\"max_pages\"}"
					: ((this.next > 0) ? "," : "") + "{\"url\":\"http://site.test/page/" + this.next
							+ "\",\"status\":200,\"title\":\"Page " + this.next + " of a rather large site\","
							+ "\"depth\":3,\"links\":20,\"data\":{\"price\":\"12.50\"}}";
			this.position = 0;
			return true;
		}

		@Override
		public void close() {
		}

	}

	/** Records how much of the result had been read when the first megabyte went out. */
	private static final class ReadWatchingOutput extends ByteArrayOutputStream {

		private final GeneratedResult source;

		private long readWhenFirstMegabyteWritten = -1;

		ReadWatchingOutput(GeneratedResult source) {
			this.source = source;
		}

		@Override
		public synchronized void write(byte[] bytes, int offset, int length) {
			super.write(bytes, offset, length);
			watch();
		}

		@Override
		public synchronized void write(int b) {
			super.write(b);
			watch();
		}

		@Override
		public void writeBytes(byte[] bytes) {
			write(bytes, 0, bytes.length);
		}

		private void watch() {
			if (this.readWhenFirstMegabyteWritten < 0 && size() >= 1_000_000) {
				this.readWhenFirstMegabyteWritten = this.source.produced;
			}
		}

		@Override
		public void close() throws IOException {
			// the writer closes its output; the test reads it afterwards
		}

	}

}

package io.dispycluster.controller.job;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

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
 * The body of {@code GET /jobs/{id}}: the fields of {@link JobDetails} in their order,
 * with the stored result copied from the store's stream into its place while it is read,
 * never whole in memory.
 */
class JobDetailsWriterTests {

	private static final int PAGES = 40_000;

	private final JsonMapper json = JsonMapper.builder()
		.propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
		.enable(EnumFeature.WRITE_ENUMS_TO_LOWERCASE)
		.build();

	private final JobDetailsWriter writer = new JobDetailsWriter(this.json);

	@Test
	void streamsALargeResultIntoItsPlaceWhileReadingIt() {
		GeneratedResult result = new GeneratedResult(PAGES);
		ReadWatchingOutput out = new ReadWatchingOutput(result);
		JobDetails details = JobDetails.of(succeededJob(CrawlOptions.none()));

		this.writer.write(details, (copy) -> Optional.of(copy.apply(result)), out);

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

		this.writer.write(JobDetails.of(job), (copy) -> Optional.of(copy.apply(new StringReader(result))), out);

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
		Function<Function<Reader, Boolean>, Optional<Boolean>> none = (copy) -> Optional.empty();
		this.writer.write(JobDetails.of(JobFixtures.aQueuedJob()), none, out);
		JsonNode written = this.json.readTree(out.toByteArray());
		assertThat(written.get("result").isNull()).isTrue();
		assertThat(written.get("status").stringValue()).isEqualTo("pending");
		assertThat(written.has("extract")).isFalse();
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

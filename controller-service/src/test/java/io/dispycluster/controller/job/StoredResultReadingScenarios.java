package io.dispycluster.controller.job;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import static io.dispycluster.controller.job.JobFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reading a large stored result: it reaches the reader piece by piece, so that serving it
 * (one job's results, or a list of jobs with theirs) holds a bounded part of it in memory
 * however large it is, on each database.
 */
abstract class StoredResultReadingScenarios {

	private static final int RESULT_CHARS = 24 * 1024 * 1024;

	private static final long BOUNDED_BYTES = 6L * 1024 * 1024;

	abstract NamedParameterJdbcTemplate jdbc();

	@Test
	void readsTheStartOfALargeResultWithoutLoadingItWhole() {
		JobStore store = new JobStore(jdbc());
		String json = largeResult();
		JobId id = storeResult(store, json);

		long before = allocatedBytes();
		String start = store.readResult(id, (reader) -> read(reader, 64)).orElseThrow();
		long allocated = allocatedBytes() - before;

		assertThat(start).isEqualTo(json.substring(0, 64));
		assertThat(allocated)
			.as("bytes allocated to read the first 64 characters of a %d-character result", json.length())
			.isLessThan(BOUNDED_BYTES);
	}

	@Test
	void readsALargeResultWholeAndUnchanged() {
		JobStore store = new JobStore(jdbc());
		String json = largeResult().replace("page", "pâge€\uD83D\uDE00");
		JobId id = storeResult(store, json);

		assertThat(store.readResult(id, (reader) -> read(reader, Integer.MAX_VALUE))).contains(json);
	}

	@Test
	void readsNothingForAJobWithoutResult() {
		JobStore store = new JobStore(jdbc());
		Job job = JobFixtures.aQueuedJob();
		store.insert(List.of(job));

		assertThat(store.readResult(job.id(), (reader) -> read(reader, 1))).isEmpty();
	}

	private static JobId storeResult(JobStore store, String json) {
		Job job = JobFixtures.aQueuedJob();
		store.insert(List.of(job));
		Job loaded = store.find(job.id()).orElseThrow();
		loaded.dispatchTo("node-a", T0.plusSeconds(1), JobFixtures.LEASE);
		loaded.succeed(1, "node-a", new ResultDocument(json, 1), T0.plusSeconds(5));
		assertThat(store.update(loaded)).isTrue();
		return job.id();
	}

	/**
	 * A result of many pages, each different (so that it does not compress to nothing).
	 */
	private static String largeResult() {
		StringBuilder json = new StringBuilder(RESULT_CHARS + 200).append("{\"crawled\":[],\"pages\":[");
		for (int i = 0; json.length() < RESULT_CHARS; i++) {
			json.append((i > 0) ? "," : "")
				.append("{\"url\":\"http://site.test/page/")
				.append(Integer.toHexString(i * 40503))
				.append("\",\"title\":\"page ")
				.append(Long.toString(i * 2654435761L, 36))
				.append("\"}");
		}
		return json.append("]}").toString();
	}

	static String readAll(Reader reader) {
		return read(reader, Integer.MAX_VALUE);
	}

	private static String read(Reader reader, int max) {
		try {
			StringBuilder text = new StringBuilder();
			char[] buffer = new char[8192];
			int n;
			while (text.length() < max
					&& (n = reader.read(buffer, 0, Math.min(buffer.length, max - text.length()))) > 0) {
				text.append(buffer, 0, n);
			}
			return text.toString();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static long allocatedBytes() {
		return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
	}

}

package io.dispycluster.controller.job;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.util.List;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

	/** A pool of one connection, which gives up waiting for it after a quarter second. */
	abstract HikariDataSource poolOfOne();

	@ParameterizedTest
	@ValueSource(ints = { 100, RESULT_CHARS })
	void holdsNoConnectionWhileTheResultIsSent(int size) {
		try (HikariDataSource pool = poolOfOne()) {
			JobStore store = new JobStore(new NamedParameterJdbcTemplate(pool));
			String json = largeResult(size);
			JobId id = storeResult(store, json);

			String sent = store.readResult(id, (reader) -> {
				// a client still receiving the result: the store answers other calls
				assertThat(store.find(id)).isPresent();
				return readAll(reader);
			}).orElseThrow();

			assertThat(sent).isEqualTo(json);
		}
	}

	@Test
	void readsTheStartOfALargeResultWithoutLoadingItWhole() {
		JobStore store = new JobStore(jdbc());
		String json = largeResult();
		JobId id = storeResult(store, json);

		long before = allocatedBytes();
		String start = store.readStoredResult(id, (reader) -> read(reader, 64)).orElseThrow();
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
		return largeResult(RESULT_CHARS);
	}

	private static String largeResult(int size) {
		StringBuilder json = new StringBuilder(size + 200).append("{\"crawled\":[],\"pages\":[");
		for (int i = 0; json.length() < size; i++) {
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

package io.dispycluster.controller.job;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Copies of stored results: small ones in memory, large ones in a file deleted after. */
class ResultSpoolTests {

	@Test
	void keepsASmallResultInMemory() {
		try (ResultSpool spool = ResultSpool.copy(new StringReader("{\"pages\":[]}"))) {
			assertThat(spool.file()).isNull();
			assertThat(readAll(spool.reader())).isEqualTo("{\"pages\":[]}");
		}
	}

	@Test
	void copiesALargeResultToAFileDeletedOnceSent() {
		String json = "{\"title\":\"Café 😀\",\"x\":\"" + "é".repeat(ResultSpool.IN_MEMORY_CHARS) + "\"}";
		Path file;
		try (ResultSpool spool = ResultSpool.copy(new StringReader(json))) {
			file = spool.file();
			assertThat(file).isNotNull().exists();
			assertThat(readAll(spool.reader())).isEqualTo(json);
			assertThat(readAll(spool.reader())).as("read again from its start").isEqualTo(json);
		}
		assertThat(Files.exists(file)).isFalse();
	}

	private static String readAll(Reader reader) {
		try (reader) {
			StringBuilder text = new StringBuilder();
			reader.transferTo(new java.io.Writer() {
				@Override
				public void write(char[] buffer, int offset, int length) {
					text.append(buffer, offset, length);
				}

				@Override
				public void flush() {
				}

				@Override
				public void close() {
				}
			});
			return text.toString();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

package io.dispycluster.controller.job;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.jspecify.annotations.Nullable;

/**
 * A copy of a stored result, taken at the database's pace so that its connection goes
 * back to the pool before the result is sent at the client's pace: a client reading a
 * large result slowly (a slow link, a paused download) would otherwise hold a connection
 * all along, and ten of them left none for dispatch, intake or any other read. A small
 * result is kept in memory; a larger one in a temporary file, deleted once sent.
 */
final class ResultSpool implements Closeable {

	/** The largest result kept in memory, in characters. */
	static final int IN_MEMORY_CHARS = 256 * 1024;

	private final @Nullable String text;

	private final @Nullable Path file;

	private ResultSpool(@Nullable String text, @Nullable Path file) {
		this.text = text;
		this.file = file;
	}

	/**
	 * Copies a result to memory or, beyond {@link #IN_MEMORY_CHARS}, to a temporary file.
	 * @param in the stored result
	 * @return its copy
	 */
	static ResultSpool copy(Reader in) {
		try {
			StringBuilder start = new StringBuilder();
			char[] buffer = new char[8192];
			int n;
			while ((n = in.read(buffer)) > 0) {
				start.append(buffer, 0, n);
				if (start.length() > IN_MEMORY_CHARS) {
					return toFile(start, in);
				}
			}
			return new ResultSpool(start.toString(), null);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static ResultSpool toFile(CharSequence start, Reader rest) throws IOException {
		Path file = Files.createTempFile("dispycluster-result-", ".json");
		try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			out.append(start);
			rest.transferTo(out);
			return new ResultSpool(null, file);
		}
		catch (IOException | RuntimeException ex) {
			Files.deleteIfExists(file);
			throw ex;
		}
	}

	/** The copied result, from its start. */
	Reader reader() {
		if (this.file == null) {
			return new StringReader((this.text != null) ? this.text : "");
		}
		try {
			return Files.newBufferedReader(this.file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The file of the copy, for a result larger than {@link #IN_MEMORY_CHARS}. */
	@Nullable Path file() {
		return this.file;
	}

	@Override
	public void close() {
		if (this.file != null) {
			try {
				Files.deleteIfExists(this.file);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
	}

}

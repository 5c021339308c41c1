package io.dispycluster.controller.job;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * Reads a stored result from PostgreSQL in pieces of {@link #CHUNK_BYTES} bytes, one
 * query each. The PostgreSQL driver hands a value over whole, whatever the reading
 * method, so a result of 50 MB would otherwise take over 100 MB of heap for each request
 * serving it. The column holds the result's UTF-8 bytes uncompressed (migration V9), so
 * that each piece costs its own size only. The pieces are read in one read-only
 * repeatable-read transaction: a result replaced or deleted meanwhile (a new attempt,
 * retention) is still read whole as it was.
 */
final class ResultChunks {

	/** Bytes per query: a few round trips for a large result, well under a MB each. */
	static final int CHUNK_BYTES = 512 * 1024;

	private static final String SQL = "SELECT SUBSTRING(result_json FROM ? FOR ?) FROM job_result WHERE job_id = ?";

	private ResultChunks() {
	}

	/**
	 * The value to store for a result.
	 * @param json the result
	 * @return its UTF-8 bytes
	 */
	static byte[] toStored(String json) {
		return json.getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * Reads the result of a job on the given connection.
	 * @param connection a connection of the store
	 * @param jobId the job
	 * @param reader what to do with the result
	 * @param <T> what the reader returns
	 * @return the reader's value, or empty if the job has no result
	 * @throws SQLException if the database fails
	 */
	static <T> Optional<T> read(Connection connection, String jobId, Function<Reader, T> reader) throws SQLException {
		if (!connection.getAutoCommit()) {
			// already in a transaction: its snapshot holds
			return read(new Chunks(connection, jobId), reader);
		}
		int isolation = connection.getTransactionIsolation();
		boolean readOnly = connection.isReadOnly();
		connection.setAutoCommit(false);
		try {
			connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
			connection.setReadOnly(true);
			return read(new Chunks(connection, jobId), reader);
		}
		finally {
			connection.rollback();
			connection.setAutoCommit(true);
			connection.setReadOnly(readOnly);
			connection.setTransactionIsolation(isolation);
		}
	}

	private static <T> Optional<T> read(Chunks chunks, Function<Reader, T> reader) throws SQLException {
		byte[] first = chunks.fetch(1);
		if (first == null) {
			return Optional.empty();
		}
		return Optional.of(reader.apply(new InputStreamReader(new ChunkStream(chunks, first), StandardCharsets.UTF_8)));
	}

	/** The queries of one read. */
	private static final class Chunks {

		private final Connection connection;

		private final String jobId;

		Chunks(Connection connection, String jobId) {
			this.connection = connection;
			this.jobId = jobId;
		}

		/**
		 * The piece starting at a byte position (1-based), empty past the end, or null if
		 * the job has no result.
		 */
		byte @Nullable [] fetch(int position) throws SQLException {
			try (PreparedStatement statement = this.connection.prepareStatement(SQL)) {
				statement.setInt(1, position);
				statement.setInt(2, CHUNK_BYTES);
				statement.setString(3, this.jobId);
				try (ResultSet rs = statement.executeQuery()) {
					return rs.next() ? rs.getBytes(1) : null;
				}
			}
		}

	}

	/** The stored bytes, fetching the next piece when the one it holds is used up. */
	private static final class ChunkStream extends InputStream {

		private final Chunks chunks;

		private byte[] chunk;

		private int index;

		/** The position of the next piece (a value holds at most 1 GB). */
		private int next = 1 + CHUNK_BYTES;

		ChunkStream(Chunks chunks, byte[] first) {
			this.chunks = chunks;
			this.chunk = first;
		}

		@Override
		public int read() throws IOException {
			byte[] one = new byte[1];
			return (read(one, 0, 1) == 1) ? (one[0] & 0xff) : -1;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			if (length == 0) {
				return 0;
			}
			while (this.index == this.chunk.length) {
				if (this.chunk.length < CHUNK_BYTES) {
					return -1;
				}
				fetchNext();
			}
			int n = Math.min(length, this.chunk.length - this.index);
			System.arraycopy(this.chunk, this.index, buffer, offset, n);
			this.index += n;
			return n;
		}

		private void fetchNext() throws IOException {
			try {
				byte[] fetched = this.chunks.fetch(this.next);
				this.chunk = (fetched != null) ? fetched : new byte[0];
			}
			catch (SQLException ex) {
				throw new IOException("Reading the next piece of a stored result failed", ex);
			}
			this.index = 0;
			this.next += CHUNK_BYTES;
		}

	}

}

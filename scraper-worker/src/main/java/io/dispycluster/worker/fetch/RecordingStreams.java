package io.dispycluster.worker.fetch;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The streams of a connection whose {@code Location} values a {@link LocationRecorder}
 * watches: what is read passes through it, and each write starts a new response.
 */
final class RecordingStreams {

	private RecordingStreams() {
	}

	static InputStream input(InputStream in, LocationRecorder recorder) {
		return new FilterInputStream(in) {

			@Override
			public int read() throws IOException {
				int b = super.read();
				if (b >= 0) {
					recorder.read(b);
				}
				return b;
			}

			@Override
			public int read(byte[] bytes, int offset, int length) throws IOException {
				int read = this.in.read(bytes, offset, length);
				if (read > 0) {
					recorder.read(bytes, offset, read);
				}
				return read;
			}

		};
	}

	static OutputStream output(OutputStream out, LocationRecorder recorder) {
		return new FilterOutputStream(out) {

			@Override
			public void write(int b) throws IOException {
				recorder.requestWritten();
				this.out.write(b);
			}

			@Override
			public void write(byte[] bytes, int offset, int length) throws IOException {
				recorder.requestWritten();
				this.out.write(bytes, offset, length);
			}

		};
	}

}

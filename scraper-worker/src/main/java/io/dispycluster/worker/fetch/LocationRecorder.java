package io.dispycluster.worker.fetch;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.jspecify.annotations.Nullable;

/**
 * Watches the bytes of an HTTP/1 connection for the value of the {@code Location} header
 * of each response, as sent ({@link RawLocations}). It keeps that value alone, if it is
 * at most {@value #MAX_VALUE} bytes long: the rest of the headers and the bodies pass by.
 * A request written starts a new response; its header block ends at the first empty line.
 * <p>
 * A connection is used by one exchange at a time, whose thread writes the request, reads
 * the response and then asks for the value: no lock is needed.
 */
final class LocationRecorder {

	static final int MAX_VALUE = 8 * 1024;

	private static final byte[] NAME = "location:".getBytes(StandardCharsets.US_ASCII);

	private boolean inHeaders;

	// Bytes of the current line, carriage returns aside.
	private int lineLength;

	// How many bytes of "location:" the current line started with; NAME.length once it
	// did, and the value is being kept.
	private int matched;

	private byte[] value = new byte[0];

	private int valueLength;

	private byte @Nullable [] location;

	private boolean enabled = true;

	/** A request was written: the next bytes read are a response's. */
	void requestWritten() {
		if (this.enabled) {
			this.inHeaders = true;
			this.lineLength = 0;
			this.matched = 0;
			this.valueLength = 0;
			this.location = null;
		}
	}

	/** The connection carries another protocol (TLS) over this one: stop watching. */
	void disable() {
		this.enabled = false;
		this.inHeaders = false;
		this.value = new byte[0];
	}

	void read(byte[] bytes, int offset, int length) {
		for (int i = offset; i < offset + length && this.inHeaders; i++) {
			read(bytes[i]);
		}
	}

	void read(int b) {
		if (!this.inHeaders) {
			return;
		}
		if (b == '\n') {
			endLine();
		}
		else if (b != '\r') {
			if (this.matched == NAME.length) {
				keep(b);
			}
			else if (this.matched == this.lineLength && lowerCase(b) == NAME[this.matched]) {
				this.matched++;
			}
			this.lineLength++;
		}
	}

	/** The last {@code Location} value of the last response, trimmed, or null. */
	byte @Nullable [] location() {
		return this.location;
	}

	private void keep(int b) {
		// One byte past the limit says the value was longer: it is then not kept.
		if (this.valueLength <= MAX_VALUE) {
			if (this.valueLength == this.value.length) {
				this.value = Arrays.copyOf(this.value, Math.min(MAX_VALUE + 1, Math.max(64, this.valueLength * 2)));
			}
			this.value[this.valueLength++] = (byte) b;
		}
	}

	private void endLine() {
		if (this.lineLength == 0) {
			this.inHeaders = false;
		}
		else if (this.matched == NAME.length && this.valueLength > MAX_VALUE) {
			// Too long to be followed (see WebUrls.MAX_LENGTH): OkHttp's value stands.
			this.location = null;
		}
		else if (this.matched == NAME.length) {
			int start = 0;
			int end = this.valueLength;
			while (start < end && isSpace(this.value[start])) {
				start++;
			}
			while (end > start && isSpace(this.value[end - 1])) {
				end--;
			}
			this.location = Arrays.copyOfRange(this.value, start, end);
		}
		this.lineLength = 0;
		this.matched = 0;
		this.valueLength = 0;
	}

	private static int lowerCase(int b) {
		return (b >= 'A' && b <= 'Z') ? b + ('a' - 'A') : b;
	}

	private static boolean isSpace(byte b) {
		return b == ' ' || b == '\t';
	}

}

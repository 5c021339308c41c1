package io.dispycluster.worker.fetch;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the recorder keeps of the bytes of a connection: the {@code Location} value of the
 * last response's header block, in any case, however the bytes arrive.
 */
class LocationRecorderTests {

	private final LocationRecorder recorder = new LocationRecorder();

	@Test
	void keepsTheLocationOfTheHeaderBlockAsSentWhateverTheReadsAre() {
		this.recorder.requestWritten();
		byte[] response = latin1(
				"HTTP/1.1 302 Found\r\nX-Location: /no\r\nLOCATION:  /caf\u00e9 \r\n\r\n" + "Location: /body");
		for (byte b : response) {
			this.recorder.read(new byte[] { b }, 0, 1);
		}

		assertThat(this.recorder.location()).isEqualTo(latin1("/caf\u00e9"));
	}

	@Test
	void forgetsTheLocationOfThePreviousResponse() {
		this.recorder.requestWritten();
		read("HTTP/1.1 301 Moved\nlocation: /a\n\n");
		this.recorder.requestWritten();
		read("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");

		assertThat(this.recorder.location()).isNull();
	}

	@Test
	void keepsNoValueLongerThanItsLimit() {
		this.recorder.requestWritten();
		read("HTTP/1.1 302 Found\r\nLocation: /" + "\u00e9".repeat(LocationRecorder.MAX_VALUE) + "\r\n\r\n");
		assertThat(this.recorder.location()).isNull();

		this.recorder.requestWritten();
		read("HTTP/1.1 302 Found\r\nLocation:/" + "\u00e9".repeat(LocationRecorder.MAX_VALUE - 1) + "\r\n\r\n");
		assertThat(this.recorder.location()).hasSize(LocationRecorder.MAX_VALUE);
	}

	@Test
	void watchesNothingOnceDisabled() {
		this.recorder.disable();
		this.recorder.requestWritten();
		read("HTTP/1.1 302 Found\r\nLocation: /a\r\n\r\n");

		assertThat(this.recorder.location()).isNull();
	}

	@Test
	void percentEncodesEachByteBeyondAscii() {
		assertThat(RawLocations.percentEncoded(latin1("/caf\u00e9 x?q=\u00ff"))).isEqualTo("/caf%E9%20x?q=%FF");
	}

	private void read(String text) {
		byte[] bytes = latin1(text);
		this.recorder.read(bytes, 0, bytes.length);
	}

	private static byte[] latin1(String text) {
		return text.getBytes(StandardCharsets.ISO_8859_1);
	}

}

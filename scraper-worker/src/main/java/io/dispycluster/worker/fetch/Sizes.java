package io.dispycluster.worker.fetch;

import java.time.Duration;

import org.springframework.util.unit.DataSize;

/**
 * Human-readable sizes and durations for error messages ("2 MB", "1 s", "250 ms").
 */
final class Sizes {

	private Sizes() {
	}

	static String describe(DataSize size) {
		long bytes = size.toBytes();
		if (bytes % DataSize.ofMegabytes(1).toBytes() == 0) {
			return size.toMegabytes() + " MB";
		}
		if (bytes % DataSize.ofKilobytes(1).toBytes() == 0) {
			return size.toKilobytes() + " KB";
		}
		return bytes + " bytes";
	}

	static String describe(Duration duration) {
		long millis = duration.toMillis();
		return (millis % 1000 == 0) ? (millis / 1000) + " s" : millis + " ms";
	}

}

package io.dispycluster.monitoring.alert;

import java.time.Duration;

/**
 * Durations in French words for messages: {@code 15 min}, {@code 2 h}, {@code 45 s}.
 */
final class Durations {

	private Durations() {
	}

	static String french(Duration duration) {
		long seconds = duration.toSeconds();
		if (seconds > 0 && seconds % 3600 == 0) {
			return (seconds / 3600) + " h";
		}
		if (seconds > 0 && seconds % 60 == 0) {
			return (seconds / 60) + " min";
		}
		return seconds + " s";
	}

}

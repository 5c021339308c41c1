package io.dispycluster.monitoring.node;

import java.time.Duration;

/**
 * The bucket size of a history window, so that any window returns at most about 170
 * points: up to 1 h → 1 min, 6 h → 5 min, 24 h → 10 min, 72 h → 30 min, beyond → 60 min.
 */
public final class Downsampling {

	private Downsampling() {
	}

	public static Duration bucketFor(Duration window) {
		if (window.compareTo(Duration.ofHours(1)) <= 0) {
			return Duration.ofMinutes(1);
		}
		if (window.compareTo(Duration.ofHours(6)) <= 0) {
			return Duration.ofMinutes(5);
		}
		if (window.compareTo(Duration.ofHours(24)) <= 0) {
			return Duration.ofMinutes(10);
		}
		if (window.compareTo(Duration.ofHours(72)) <= 0) {
			return Duration.ofMinutes(30);
		}
		return Duration.ofMinutes(60);
	}

}

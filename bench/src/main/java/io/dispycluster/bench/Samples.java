package io.dispycluster.bench;

import java.util.Arrays;
import java.util.Locale;

/**
 * A set of measured durations in nanoseconds, summarised as percentiles in milliseconds.
 */
public final class Samples {

	private final long[] sorted;

	public Samples(long[] nanos) {
		this.sorted = nanos.clone();
		Arrays.sort(this.sorted);
	}

	public int count() {
		return this.sorted.length;
	}

	/**
	 * The nearest-rank percentile in milliseconds.
	 * @param percent 0 to 100
	 * @return the value, or NaN when there are no samples
	 */
	public double percentileMs(double percent) {
		if (this.sorted.length == 0) {
			return Double.NaN;
		}
		int rank = (int) Math.ceil(percent / 100.0 * this.sorted.length);
		int index = Math.min(this.sorted.length - 1, Math.max(0, rank - 1));
		return this.sorted[index] / 1e6;
	}

	/** One line: count, min, p50, p90, p99, max, in milliseconds. */
	public String summary() {
		return String.format(Locale.ROOT, "n=%d min=%.1f p50=%.1f p90=%.1f p99=%.1f max=%.1f ms", count(),
				percentileMs(0), percentileMs(50), percentileMs(90), percentileMs(99), percentileMs(100));
	}

}

package io.dispycluster.scheduler.history;

import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes the runs that ended longer ago than the history keeps them, at most once an
 * hour: a purge is a table scan, and a run's age counts in days.
 */
public final class HistoryPurge {

	private static final Logger LOG = LoggerFactory.getLogger(HistoryPurge.class);

	private static final Duration EVERY = Duration.ofHours(1);

	private final String label;

	private final RunTable runs;

	private final Duration retention;

	private volatile Instant next = Instant.MIN;

	/**
	 * @param label what is purged, as logged (e.g. {@code task runs})
	 * @param runs where
	 * @param retention how long a finished run is kept
	 */
	public HistoryPurge(String label, RunTable runs, Duration retention) {
		this.label = label;
		this.runs = runs;
		this.retention = retention;
	}

	/** Purges if the last purge is an hour old. */
	public void purgeIfDue(Instant now) {
		if (now.isAfter(this.next)) {
			this.next = now.plus(EVERY);
			int deleted = this.runs.deleteFinishedBefore(now.minus(this.retention));
			if (deleted > 0) {
				LOG.info("History purged: {}={}", this.label, deleted);
			}
		}
	}

}

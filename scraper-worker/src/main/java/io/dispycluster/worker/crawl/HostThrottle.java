package io.dispycluster.worker.crawl;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Spaces out requests to the same host (host and port), across every crawl this worker
 * runs: each request reserves the next free slot of its host, at least the politeness
 * delay after the previous one (and no sooner than a 429 or 503 asked), and waits for it.
 */
public class HostThrottle {

	private static final int PRUNE_ABOVE = 1024;

	private final Map<String, Long> nextSlot = new HashMap<>();

	/**
	 * Waits for this host's turn.
	 * @param host the host and port to be requested
	 * @param delay the least time between two requests to the host
	 * @param deadline the crawl's deadline, in {@link System#nanoTime()} terms
	 * @param control the crawl, whose cancel ends the wait
	 * @return true if the request may go now; false if the crawl was cancelled or its
	 * deadline came first
	 */
	boolean awaitTurn(String host, Duration delay, long deadline, CrawlControl control) {
		long slot = reserve(host, Math.max(0, delay.toNanos()));
		if (slot - System.nanoTime() <= 0) {
			return !control.isCancelled();
		}
		long wait = Math.min(slot, deadline) - System.nanoTime();
		return control.pause(Duration.ofNanos(wait)) && slot <= deadline;
	}

	/**
	 * Keeps every request to a host waiting at least this long from now, as a 429 or 503
	 * asks.
	 */
	synchronized void backOff(String host, Duration wait) {
		long until = System.nanoTime() + wait.toNanos();
		this.nextSlot.merge(host, until, (current, asked) -> (asked - current > 0) ? asked : current);
	}

	private synchronized long reserve(String host, long delayNanos) {
		long now = System.nanoTime();
		if (this.nextSlot.size() > PRUNE_ABOVE) {
			this.nextSlot.values().removeIf((slot) -> slot - now < 0);
		}
		long slot = Math.max(now, this.nextSlot.getOrDefault(host, now));
		this.nextSlot.put(host, slot + delayNanos);
		return slot;
	}

}

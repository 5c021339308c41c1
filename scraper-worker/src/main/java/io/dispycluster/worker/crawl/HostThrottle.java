package io.dispycluster.worker.crawl;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Spaces out requests to the same host (host and port), across every crawl this worker
 * runs: each request reserves the next free slot of its host, at least its own politeness
 * delay after the previous request and at least that request's delay after it (and no
 * sooner than a 429 or 503 asked), and waits for it. Crawls may keep different delays (a
 * job's {@code delay_ms}, the {@code Crawl-delay} robots.txt gives its user agent): the
 * longer of two neighbouring requests' delays separates them, so that a crawl with no
 * delay does not send its request together with one of a crawl that keeps a second.
 */
public class HostThrottle {

	private static final int PRUNE_ABOVE = 1024;

	private final Map<String, Slots> hosts = new HashMap<>();

	// The longest delay asked so far: a host whose last request is further back than this
	// holds back no request, and may be forgotten.
	private long longestDelay;

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
		Slots slots = this.hosts.get(host);
		if (slots == null) {
			this.hosts.put(host, new Slots(until - this.longestDelay, until));
		}
		else if (until - slots.next() > 0) {
			this.hosts.put(host, new Slots(slots.last(), until));
		}
	}

	private synchronized long reserve(String host, long delayNanos) {
		long now = System.nanoTime();
		this.longestDelay = Math.max(this.longestDelay, delayNanos);
		if (this.hosts.size() > PRUNE_ABOVE) {
			this.hosts.values().removeIf((slots) -> slots.next() - now < 0 && now - slots.last() > this.longestDelay);
		}
		Slots slots = this.hosts.get(host);
		long slot = now;
		if (slots != null) {
			slot = later(later(slot, slots.next()), slots.last() + delayNanos);
		}
		this.hosts.put(host, new Slots(slot, slot + delayNanos));
		return slot;
	}

	private static long later(long a, long b) {
		return (b - a > 0) ? b : a;
	}

	/**
	 * A host's last reserved request and the earliest the next may go.
	 *
	 * @param last when the last request reserved goes, in {@link System#nanoTime()} terms
	 * @param next the earliest the next request may go: the last one's delay after it, or
	 * later if the host asked for a pause
	 */
	private record Slots(long last, long next) {
	}

}

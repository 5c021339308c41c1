package io.dispycluster.worker.crawl;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

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
		Reservation reservation = reserve(host, Math.max(0, delay.toNanos()));
		long slot = reservation.taken().last();
		boolean turn;
		if (slot - System.nanoTime() <= 0) {
			turn = !control.isCancelled();
		}
		else {
			long wait = ((slot - deadline <= 0) ? slot : deadline) - System.nanoTime();
			turn = control.pause(Duration.ofNanos(wait)) && slot - deadline <= 0;
		}
		if (!turn) {
			release(host, reservation);
		}
		return turn;
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

	// A slot given up (the crawl cancelled, or out of time) holds back no one, unless
	// another request was given the next one meanwhile: without this, a crawl keeping
	// delay_ms 60000 that is cancelled while it waits would hold the host's other crawls
	// back for a request it never sent.
	private synchronized void release(String host, Reservation reservation) {
		if (this.hosts.get(host) != reservation.taken()) {
			return;
		}
		if (reservation.before() != null) {
			this.hosts.put(host, reservation.before());
		}
		else {
			this.hosts.remove(host);
		}
	}

	private synchronized Reservation reserve(String host, long delayNanos) {
		long now = System.nanoTime();
		this.longestDelay = Math.max(this.longestDelay, delayNanos);
		if (this.hosts.size() > PRUNE_ABOVE) {
			this.hosts.values().removeIf((slots) -> slots.next() - now < 0 && now - slots.last() > this.longestDelay);
		}
		Slots before = this.hosts.get(host);
		long slot = now;
		if (before != null) {
			slot = later(later(slot, before.next()), before.last() + delayNanos);
		}
		Slots taken = new Slots(slot, slot + delayNanos);
		this.hosts.put(host, taken);
		return new Reservation(taken, before);
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

	/**
	 * The slots a request took, and those of the host before it.
	 */
	private record Reservation(Slots taken, @Nullable Slots before) {
	}

}

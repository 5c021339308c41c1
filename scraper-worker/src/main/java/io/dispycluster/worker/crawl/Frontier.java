package io.dispycluster.worker.crawl;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Queue;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The URLs waiting to be visited, first in first out (breadth-first), each offered once.
 * Like the upstream, it stops taking URLs once those it queued (visited or waiting) reach
 * three times {@code max_pages}, which bounds its memory and its requests whatever the
 * site does (a visit adds at most {@code max-redirects} URLs reached by redirects);
 * unlike the upstream, it remembers that it left links out, so that the crawl can say so.
 */
final class Frontier {

	private final Queue<QueuedUrl> queue = new ArrayDeque<>();

	private final Set<String> seen = new HashSet<>();

	private final int capacity;

	// The URLs queued so far (visited or waiting), which the bound counts. The URLs
	// redirects reach are seen too, but are visits of the URLs that redirect: counted,
	// a site whose links all redirect (/docs to /docs/) would have half the room.
	private int queued;

	private boolean leftLinksOut;

	Frontier(String startUrl, int maxPages) {
		this.capacity = Math.multiplyExact(maxPages, 3);
		offer(startUrl, 0);
	}

	/**
	 * Queues a URL unless it was seen before or the frontier is full.
	 * @return whether it was queued
	 */
	boolean offer(String url, int depth) {
		if (this.queued >= this.capacity) {
			this.leftLinksOut |= !this.seen.contains(url);
			return false;
		}
		if (!this.seen.add(url)) {
			return false;
		}
		this.queued++;
		return this.queue.add(new QueuedUrl(url, depth));
	}

	/** Whether a new URL was refused because the frontier was full. */
	boolean leftLinksOut() {
		return this.leftLinksOut;
	}

	/**
	 * Remembers a URL reached by a redirect so that it is not visited again; it does not
	 * count towards the bound.
	 * @return whether the URL was new
	 */
	boolean markSeen(String url) {
		return this.seen.add(url);
	}

	boolean hasSeen(String url) {
		return this.seen.contains(url);
	}

	@Nullable QueuedUrl next() {
		return this.queue.poll();
	}

	boolean isEmpty() {
		return this.queue.isEmpty();
	}

	/**
	 * A URL waiting in the frontier.
	 *
	 * @param url the URL in normal form
	 * @param depth the number of links followed from the start URL to reach it
	 */
	record QueuedUrl(String url, int depth) {
	}

}

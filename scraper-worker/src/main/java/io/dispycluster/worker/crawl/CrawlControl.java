package io.dispycluster.worker.crawl;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.dispycluster.worker.fetch.AbortSignal;
import org.jspecify.annotations.Nullable;

/**
 * The handle between a running crawl and the outside world: another thread may cancel it,
 * which wakes it from any politeness pause and aborts its request in flight, and reads
 * its progress.
 */
public class CrawlControl implements AbortSignal {

	private final CountDownLatch cancelled = new CountDownLatch(1);

	private final Set<Runnable> aborts = ConcurrentHashMap.newKeySet();

	private volatile int pagesDone;

	private volatile @Nullable String currentUrl;

	/** Stops the crawl: it ends at once with what it has. */
	public void cancel() {
		this.cancelled.countDown();
		this.aborts.forEach(Runnable::run);
	}

	/** Whether {@link #cancel()} was called. */
	public boolean isCancelled() {
		return this.cancelled.getCount() == 0;
	}

	@Override
	public Registration onAbort(Runnable abort) {
		this.aborts.add(abort);
		if (isCancelled()) {
			abort.run();
		}
		return () -> this.aborts.remove(abort);
	}

	/** Pages crawled so far. */
	public int pagesDone() {
		return this.pagesDone;
	}

	/** The URL being fetched, or null between fetches. */
	public @Nullable String currentUrl() {
		return this.currentUrl;
	}

	/**
	 * Waits, unless the crawl is cancelled first.
	 * @param duration how long to wait
	 * @return true if the wait ran its course, false if the crawl was cancelled
	 */
	boolean pause(Duration duration) {
		try {
			return !this.cancelled.await(Math.max(0, duration.toNanos()), TimeUnit.NANOSECONDS);
		}
		catch (InterruptedException ex) {
			// Interrupted means the worker is shutting down: stop like a cancel.
			Thread.currentThread().interrupt();
			cancel();
			return false;
		}
	}

	void fetching(@Nullable String url) {
		this.currentUrl = url;
	}

	void crawled(int pages) {
		this.pagesDone = pages;
	}

}

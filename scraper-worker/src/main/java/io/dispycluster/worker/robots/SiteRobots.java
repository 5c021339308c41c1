package io.dispycluster.worker.robots;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import crawlercommons.robots.BaseRobotRules;
import io.dispycluster.worker.fetch.AbortSignal;
import org.jspecify.annotations.Nullable;

/**
 * One site's robots.txt as the worker knows it: rules valid until they expire, or a run
 * of failed fetches that, once long enough, makes the site unavailable for a while. A
 * site's lock serialises its fetches, so that concurrent crawls fetch it once; a crawl
 * cancelled while it waits for the lock stops waiting.
 * <p>
 * A site made unavailable by fetches that timed out is so only for crawls whose requests
 * may take no longer: each job has its own {@code timeout_s}, and one with a short
 * timeout must not have the site skipped by a job that would wait long enough for it.
 */
final class SiteRobots {

	private final RobotsProperties properties;

	// Serialises the site's fetches; not a monitor, so that a crawl waiting for it can
	// give up when cancelled.
	private final ReentrantLock lock = new ReentrantLock();

	private @Nullable BaseRobotRules rules;

	private long rulesExpire;

	private int failures;

	private String lastFailure = "";

	private long unavailableUntil;

	// The timeout of the last failed fetch if it failed for want of time, else null.
	private @Nullable Duration timedOutWithin;

	SiteRobots(RobotsProperties properties) {
		this.properties = properties;
	}

	/**
	 * The verdict on a URL, fetching robots.txt (with {@code fetch}) if its rules are not
	 * known.
	 * @param timeout the timeout {@code fetch} gives its request
	 * @param signal fires when the crawl is cancelled, which ends a wait for the site
	 */
	RobotsVerdict verdict(String url, Duration timeout, AbortSignal signal, Supplier<RobotsFile> fetch) {
		if (!acquire(signal)) {
			return RobotsVerdict.retryLater("cancelled");
		}
		try {
			return verdict(url, timeout, fetch);
		}
		finally {
			this.lock.unlock();
		}
	}

	// Waits for the site's lock unless the crawl is cancelled first: another crawl may
	// hold it for a whole robots.txt request (up to its timeout_s), and a cancelled
	// crawl must stop within a moment, not then.
	private boolean acquire(AbortSignal signal) {
		if (this.lock.tryLock()) {
			return true;
		}
		AtomicBoolean aborted = new AtomicBoolean();
		try (AbortSignal.Registration registration = signal.onAbort(() -> aborted.set(true))) {
			while (!aborted.get()) {
				if (this.lock.tryLock(100, TimeUnit.MILLISECONDS)) {
					return true;
				}
			}
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private RobotsVerdict verdict(String url, Duration timeout, Supplier<RobotsFile> fetch) {
		long now = System.nanoTime();
		if (this.rules != null && now - this.rulesExpire < 0) {
			return verdictOf(this.rules, url);
		}
		if (this.failures >= this.properties.attempts() && now - this.unavailableUntil < 0
				&& !waitsLongerThanFailed(timeout)) {
			return RobotsVerdict.unavailable(unavailableReason());
		}
		return learn(fetch.get(), timeout, url, now);
	}

	private boolean waitsLongerThanFailed(Duration timeout) {
		return this.timedOutWithin != null && timeout.compareTo(this.timedOutWithin) > 0;
	}

	/** Whether no crawl is asking about the site now. */
	boolean isIdle() {
		if (!this.lock.tryLock()) {
			return false;
		}
		this.lock.unlock();
		return true;
	}

	boolean isExpired(long now) {
		// A site whose lock is held is in use.
		if (!this.lock.tryLock()) {
			return false;
		}
		try {
			return (this.rules == null || now - this.rulesExpire >= 0) && now - this.unavailableUntil >= 0;
		}
		finally {
			this.lock.unlock();
		}
	}

	private RobotsVerdict learn(RobotsFile file, Duration timeout, String url, long now) {
		if (file.rules() != null) {
			this.rules = file.rules();
			this.rulesExpire = now + this.properties.cacheTtl().toNanos();
			this.failures = 0;
			this.timedOutWithin = null;
			return verdictOf(this.rules, url);
		}
		if (file.aborted()) {
			return RobotsVerdict.retryLater(file.failure());
		}
		if (file.unreachable()) {
			// Nothing learnt about the site's robots.txt: its URLs fail for that reason,
			// and the next one asks again (a name may resolve in a moment).
			return RobotsVerdict.unreachable(file.failure());
		}
		this.failures = (this.failures >= this.properties.attempts()) ? 1 : this.failures + 1;
		this.lastFailure = file.failure();
		this.timedOutWithin = file.timedOut() ? timeout : null;
		if (this.failures < this.properties.attempts()) {
			return RobotsVerdict.retryLater(this.lastFailure);
		}
		this.unavailableUntil = now + this.properties.unavailableTtl().toNanos();
		return RobotsVerdict.unavailable(unavailableReason());
	}

	private String unavailableReason() {
		return "robots.txt unavailable after " + this.properties.attempts() + " attempts (" + this.lastFailure
				+ "); site skipped";
	}

	private RobotsVerdict verdictOf(BaseRobotRules rules, String url) {
		if (!rules.isAllowed(url)) {
			return RobotsVerdict.denied();
		}
		long delay = rules.getCrawlDelay();
		if (delay <= 0) {
			return RobotsVerdict.allowed(Duration.ZERO);
		}
		Duration asked = Duration.ofMillis(delay);
		Duration cap = this.properties.crawlDelayCap();
		return RobotsVerdict.allowed((asked.compareTo(cap) > 0) ? cap : asked);
	}

}

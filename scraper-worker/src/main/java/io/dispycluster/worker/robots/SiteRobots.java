package io.dispycluster.worker.robots;

import java.time.Duration;
import java.util.function.Supplier;

import crawlercommons.robots.BaseRobotRules;
import org.jspecify.annotations.Nullable;

/**
 * One site's robots.txt as the worker knows it: rules valid until they expire, or a run
 * of failed fetches that, once long enough, makes the site unavailable for a while. A
 * site's lock serialises its fetches, so that concurrent crawls fetch it once.
 * <p>
 * A site made unavailable by fetches that timed out is so only for crawls whose requests
 * may take no longer: each job has its own {@code timeout_s}, and one with a short
 * timeout must not have the site skipped by a job that would wait long enough for it.
 */
final class SiteRobots {

	private final RobotsProperties properties;

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
	 */
	synchronized RobotsVerdict verdict(String url, Duration timeout, Supplier<RobotsFile> fetch) {
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

	synchronized boolean isExpired(long now) {
		return (this.rules == null || now - this.rulesExpire >= 0) && now - this.unavailableUntil >= 0;
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

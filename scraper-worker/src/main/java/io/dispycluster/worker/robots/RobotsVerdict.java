package io.dispycluster.worker.robots;

import java.time.Duration;

/**
 * What robots.txt says about one URL.
 *
 * @param kind whether the URL may be fetched
 * @param crawlDelay the site's {@code Crawl-delay}, capped (zero when none)
 * @param reason why, for a URL that may not be fetched
 */
public record RobotsVerdict(Kind kind, Duration crawlDelay, String reason) {

	static RobotsVerdict allowed(Duration crawlDelay) {
		return new RobotsVerdict(Kind.ALLOWED, crawlDelay, "");
	}

	static RobotsVerdict denied() {
		return new RobotsVerdict(Kind.DENIED, Duration.ZERO, "Denied by robots.txt");
	}

	static RobotsVerdict retryLater(String reason) {
		return new RobotsVerdict(Kind.RETRY_LATER, Duration.ZERO, reason);
	}

	static RobotsVerdict unreachable(String reason) {
		return new RobotsVerdict(Kind.UNREACHABLE, Duration.ZERO, reason);
	}

	static RobotsVerdict unavailable(String reason) {
		return new RobotsVerdict(Kind.UNAVAILABLE, Duration.ZERO, reason);
	}

	/**
	 * The kinds of verdict.
	 */
	public enum Kind {

		/** The URL may be fetched. */
		ALLOWED,

		/** robots.txt forbids the URL. */
		DENIED,

		/** robots.txt could not be had just now: wait and ask again. */
		RETRY_LATER,

		/** robots.txt could not be had after every attempt: the site is skipped. */
		UNAVAILABLE,

		/**
		 * The site cannot be reached at all (unknown host, TLS failure): the URL fails
		 * with that reason, as its own request would.
		 */
		UNREACHABLE

	}

}

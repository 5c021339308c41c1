package io.dispycluster.worker.robots;

import crawlercommons.robots.BaseRobotRules;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of fetching a site's robots.txt: its rules, or why none could be had.
 *
 * @param rules the rules, or null when the fetch failed
 * @param failure why the fetch failed (empty when it did not)
 * @param aborted whether the fetch was abandoned by the crawl (not the site's fault)
 * @param timedOut whether the fetch failed for want of time: no answer within the
 * request's timeout
 * @param unreachable whether the site cannot be reached at all (unknown host, TLS
 * failure): its pages would fail the same way, so there is nothing to retry
 */
record RobotsFile(@Nullable BaseRobotRules rules, String failure, boolean aborted, boolean timedOut,
		boolean unreachable) {

	static RobotsFile of(BaseRobotRules rules) {
		return new RobotsFile(rules, "", false, false, false);
	}

	static RobotsFile failed(String failure) {
		return new RobotsFile(null, failure, false, false, false);
	}

	static RobotsFile timedOut(String failure) {
		return new RobotsFile(null, failure, false, true, false);
	}

	static RobotsFile unreachable(String failure) {
		return new RobotsFile(null, failure, false, false, true);
	}

	static RobotsFile abandoned() {
		return new RobotsFile(null, "cancelled", true, false, false);
	}

}

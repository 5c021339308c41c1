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
 */
record RobotsFile(@Nullable BaseRobotRules rules, String failure, boolean aborted, boolean timedOut) {

	static RobotsFile of(BaseRobotRules rules) {
		return new RobotsFile(rules, "", false, false);
	}

	static RobotsFile failed(String failure) {
		return new RobotsFile(null, failure, false, false);
	}

	static RobotsFile timedOut(String failure) {
		return new RobotsFile(null, failure, false, true);
	}

	static RobotsFile abandoned() {
		return new RobotsFile(null, "cancelled", true, false);
	}

}

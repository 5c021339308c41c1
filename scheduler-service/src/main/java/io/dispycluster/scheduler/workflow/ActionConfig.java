package io.dispycluster.scheduler.workflow;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.dispycluster.model.job.BatchScrapeRequest;
import io.dispycluster.scheduler.scrape.CrawlFields;
import io.dispycluster.support.problem.FieldProblem;
import io.dispycluster.support.submission.StartUrls;

/**
 * The validated {@code config} of a step, one record per action.
 */
sealed interface ActionConfig {

	/** The configuration as stored and shown, with defaults applied. */
	Map<String, Object> asMap();

	/**
	 * Reads a step's configuration for its action.
	 * @param path where the configuration is in the request (e.g.
	 * {@code steps[2].config})
	 * @param problems where to add what is wrong
	 * @return the configuration, or null if it has problems
	 */
	static @Nullable ActionConfig parse(StepAction action, @Nullable Map<String, ?> config, String path,
			List<FieldProblem> problems) {
		ConfigReader reader = new ConfigReader(config, path, problems);
		int before = problems.size();
		ActionConfig parsed = switch (action) {
			case SCRAPE -> Scrape.read(reader);
			case WAIT -> new Wait(reader.integer("seconds", 60, 0, 30L * 24 * 3600));
			case WEBHOOK -> Webhook.read(reader);
			case CONDITION -> Condition.read(reader);
		};
		return reader.hasProblems(before) ? null : parsed;
	}

	/**
	 * Scrapes URLs: one job per URL, as a task run does.
	 *
	 * @param urls the start URLs
	 * @param maxPages pages per job
	 * @param sameOriginOnly follow only same-origin links
	 * @param timeoutS timeout of each page request in seconds
	 * @param priority 1..10
	 * @param crawl the optional crawl fields and node labels of its jobs, as for a task
	 */
	record Scrape(List<String> urls, int maxPages, boolean sameOriginOnly, int timeoutS, int priority,
			CrawlFields crawl) implements ActionConfig {

		static Scrape read(ConfigReader reader) {
			return new Scrape(reader.urls("urls", 50), (int) reader.integer("max_pages", 10, 1, 1000),
					reader.bool("same_origin_only", true), (int) reader.integer("timeout_s", 30, 1, 300),
					(int) reader.integer("priority", 1, 1, 10), reader.crawlFields());
		}

		BatchScrapeRequest batch() {
			return this.crawl.batch(this.urls, this.maxPages, this.sameOriginOnly, this.timeoutS, this.priority);
		}

		@Override
		public Map<String, Object> asMap() {
			Map<String, Object> map = new LinkedHashMap<>();
			map.put("urls", this.urls);
			map.put("max_pages", this.maxPages);
			map.put("same_origin_only", this.sameOriginOnly);
			map.put("timeout_s", this.timeoutS);
			map.put("priority", this.priority);
			map.putAll(this.crawl.asMap());
			return map;
		}

	}

	/**
	 * Waits.
	 *
	 * @param seconds how long
	 */
	record Wait(long seconds) implements ActionConfig {

		@Override
		public Map<String, Object> asMap() {
			return Map.of("seconds", this.seconds);
		}

	}

	/**
	 * Posts a summary of the run to a URL.
	 *
	 * @param url where
	 */
	record Webhook(String url) implements ActionConfig {

		static @Nullable Webhook read(ConfigReader reader) {
			String url = reader.requiredText("url");
			String problem = (url != null) ? StartUrls.problem(url) : null;
			String normalised = (problem == null) ? StartUrls.normalise(url) : null;
			URI uri = (normalised != null) ? URI.create(normalised) : null;
			// The HTTP client refuses such URLs on every call: say so when it is saved
			if (uri != null && uri.getRawUserInfo() != null) {
				problem = "must not contain a user name or password (user:password@)";
			}
			else if (uri != null && uri.getHost() == null) {
				problem = "must have a host name the HTTP client can reach (letters, digits, '-' and '.')";
			}
			if (problem != null) {
				reader.problem("url", problem);
			}
			return (normalised != null && problem == null) ? new Webhook(normalised) : null;
		}

		@Override
		public Map<String, Object> asMap() {
			return Map.of("url", this.url);
		}

	}

	/**
	 * A declarative check of an earlier scrape step's output. Every check given must
	 * hold.
	 *
	 * @param step the scrape step whose output is checked
	 * @param minPages at least this many pages crawled, or null
	 * @param minJobsCompleted at least this many jobs completed, or null
	 * @param maxJobsFailed at most this many jobs failed, or null
	 * @param maxFailureRatio at most this share of jobs failed (0..1), or null
	 * @param onFalse what a false check does to the steps that depend on this one
	 */
	record Condition(String step, @Nullable Long minPages, @Nullable Long minJobsCompleted,
			@Nullable Long maxJobsFailed, @Nullable Double maxFailureRatio, OnFalse onFalse) implements ActionConfig {

		private static final Set<String> KEYS = Set.of("step", "min_pages", "min_jobs_completed", "max_jobs_failed",
				"max_failure_ratio", "on_false");

		static @Nullable Condition read(ConfigReader reader) {
			reader.refuseUnknownKeys(KEYS, " (conditions are declarative: step, min_pages, min_jobs_completed, "
					+ "max_jobs_failed, max_failure_ratio, on_false; no expression is evaluated)");
			String step = reader.requiredText("step");
			Long minPages = reader.has("min_pages") ? reader.integer("min_pages", 0, 0, Integer.MAX_VALUE) : null;
			Long minCompleted = reader.has("min_jobs_completed")
					? reader.integer("min_jobs_completed", 0, 0, Integer.MAX_VALUE) : null;
			Long maxFailed = reader.has("max_jobs_failed") ? reader.integer("max_jobs_failed", 0, 0, Integer.MAX_VALUE)
					: null;
			Double maxRatio = reader.has("max_failure_ratio") ? reader.ratio("max_failure_ratio") : null;
			if (minPages == null && minCompleted == null && maxFailed == null && maxRatio == null) {
				reader.problem("min_pages",
						"give at least one check: min_pages, min_jobs_completed, max_jobs_failed or max_failure_ratio");
			}
			OnFalse onFalse = OnFalse.SKIP;
			String text = reader.text("on_false");
			if (text != null) {
				try {
					onFalse = OnFalse.valueOf(text.toUpperCase(Locale.ROOT));
				}
				catch (IllegalArgumentException ex) {
					reader.problem("on_false", "must be skip or stop");
				}
			}
			return (step != null) ? new Condition(step, minPages, minCompleted, maxFailed, maxRatio, onFalse) : null;
		}

		/**
		 * The checks that fail on an output, as French sentences; empty if the condition
		 * holds.
		 */
		List<String> failedChecks(ScrapeOutput output) {
			List<String> failed = new ArrayList<>();
			if (this.minPages != null && output.pagesCrawled() < this.minPages) {
				failed.add(count(output.pagesCrawled(), "page", "pages") + " < min_pages " + this.minPages);
			}
			if (this.minJobsCompleted != null && output.jobsCompleted() < this.minJobsCompleted) {
				failed.add(count(output.jobsCompleted(), "job terminé", "jobs terminés") + " < min_jobs_completed "
						+ this.minJobsCompleted);
			}
			if (this.maxJobsFailed != null && output.jobsFailed() > this.maxJobsFailed) {
				failed.add(count(output.jobsFailed(), "job en échec", "jobs en échec") + " > max_jobs_failed "
						+ this.maxJobsFailed);
			}
			if (this.maxFailureRatio != null && output.failureRatio() > this.maxFailureRatio) {
				failed.add(String.format(Locale.ROOT, "taux d'échec %.2f > max_failure_ratio %.2f",
						output.failureRatio(), this.maxFailureRatio));
			}
			return failed;
		}

		// French takes the singular for 0 and 1 ("1 job en échec")
		private static String count(int n, String singular, String plural) {
			return n + " " + ((n <= 1) ? singular : plural);
		}

		@Override
		public Map<String, Object> asMap() {
			Map<String, Object> map = new LinkedHashMap<>();
			map.put("step", this.step);
			if (this.minPages != null) {
				map.put("min_pages", this.minPages);
			}
			if (this.minJobsCompleted != null) {
				map.put("min_jobs_completed", this.minJobsCompleted);
			}
			if (this.maxJobsFailed != null) {
				map.put("max_jobs_failed", this.maxJobsFailed);
			}
			if (this.maxFailureRatio != null) {
				map.put("max_failure_ratio", this.maxFailureRatio);
			}
			map.put("on_false", this.onFalse.name().toLowerCase(Locale.ROOT));
			return map;
		}

	}

	/**
	 * What a false condition does.
	 */
	enum OnFalse {

		/**
		 * The condition step and everything that depends on it are skipped; the run goes
		 * on.
		 */
		SKIP,

		/** The condition step fails, and the workflow's error policy applies. */
		STOP

	}

}

package io.dispycluster.worker.crawl;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

import io.dispycluster.worker.crawl.Frontier.QueuedUrl;
import io.dispycluster.worker.extract.WebUrls;
import io.dispycluster.worker.fetch.FetchException;
import io.dispycluster.worker.fetch.FetchedPage;
import io.dispycluster.worker.fetch.PageFetcher;
import io.dispycluster.worker.robots.RobotsRules;
import io.dispycluster.worker.robots.RobotsVerdict;

/**
 * Fetches one URL of a crawl, following its redirects one hop at a time. Before each
 * request, robots.txt is asked (a site whose robots.txt cannot be had just now is tried
 * again after a pause) and the host's turn awaited, {@code Crawl-delay} included. Each
 * hop must stay in the crawl's scope (except from the start URL, which the user chose),
 * is checked by the fetcher like any request, and is remembered as seen. After
 * {@code max-redirects} hops the URL fails.
 */
final class RequestChain {

	private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

	private final PageFetcher fetcher;

	private final RobotsRules robots;

	private final HostThrottle throttle;

	private final CrawlMetrics metrics;

	private final int maxRedirects;

	RequestChain(PageFetcher fetcher, RobotsRules robots, HostThrottle throttle, CrawlMetrics metrics,
			int maxRedirects) {
		this.fetcher = fetcher;
		this.robots = robots;
		this.throttle = throttle;
		this.metrics = metrics;
		this.maxRedirects = maxRedirects;
	}

	/**
	 * Fetches a URL and the hops it redirects to.
	 * @return the last response, which is not a redirect
	 * @throws PageFailure when the URL cannot be crawled
	 */
	FetchedPage fetch(CrawlRun run, QueuedUrl start, CrawlControl control) throws PageFailure {
		String url = start.url();
		for (int hops = 0;; hops++) {
			prepare(run, url, control, hops > 0);
			FetchedPage page = fetchOnce(run, url, control);
			Optional<String> target = redirectTarget(page);
			if (target.isEmpty()) {
				return page;
			}
			url = nextHop(run, start, target.get(), hops + 1);
		}
	}

	private void prepare(CrawlRun run, String url, CrawlControl control, boolean hop) throws PageFailure {
		Duration delay = allowedDelay(run, url, control, hop);
		if (!this.throttle.awaitTurn(WebUrls.authority(url), delay, run.deadline(), control)) {
			throw stopped(url, control, hop);
		}
	}

	// The politeness delay to keep before the request, once robots.txt allows it.
	private Duration allowedDelay(CrawlRun run, String url, CrawlControl control, boolean hop) throws PageFailure {
		while (true) {
			RobotsVerdict verdict = this.robots.verdict(url, run.requestTimeout(), control);
			switch (verdict.kind()) {
				case ALLOWED -> {
					return longer(run.order().politenessDelay(), verdict.crawlDelay());
				}
				case DENIED, UNAVAILABLE -> throw new PageFailure(PageState.ROBOTS_DENIED, verdict.reason());
				case RETRY_LATER -> {
					if (control.isCancelled() || !run.pause(control, this.robots.retryDelay())) {
						throw stopped(url, control, hop);
					}
				}
			}
		}
	}

	private FetchedPage fetchOnce(CrawlRun run, String url, CrawlControl control) throws PageFailure {
		try {
			FetchedPage page = this.fetcher.fetch(url, run.requestTimeout(), control);
			this.metrics.fetched(page);
			return page;
		}
		catch (FetchException ex) {
			boolean budgetCut = ex.kind() == FetchException.Kind.TIMEOUT && run.budgetExhausted();
			throw new PageFailure(PageState.of(ex),
					budgetCut ? "Timeout: the crawl's budget ran out during the request" : ex.getMessage());
		}
	}

	// A URL never requested is left unrecorded; a redirect cut short is recorded.
	private static PageFailure stopped(String url, CrawlControl control, boolean hop) {
		if (!hop) {
			return PageFailure.notRequested();
		}
		return new PageFailure(control.isCancelled() ? PageState.CANCELLED : PageState.TIMEOUT,
				"The crawl stopped before the redirect to " + url + " was followed");
	}

	private String nextHop(CrawlRun run, QueuedUrl start, String target, int hops) throws PageFailure {
		if (hops > this.maxRedirects) {
			throw new PageFailure(PageState.HTTP_ERROR, "More than " + this.maxRedirects + " redirects");
		}
		if (start.depth() > 0 && !run.inScope(target)) {
			throw new PageFailure(PageState.OUT_OF_SCOPE, "Redirected out of the crawl's scope to " + target);
		}
		run.markSeen(target);
		return target;
	}

	private static Optional<String> redirectTarget(FetchedPage page) {
		if (!REDIRECTS.contains(page.status()) || page.location() == null) {
			return Optional.empty();
		}
		return WebUrls.resolve(page.url(), page.location());
	}

	private static Duration longer(Duration a, Duration b) {
		return (a.compareTo(b) >= 0) ? a : b;
	}

}

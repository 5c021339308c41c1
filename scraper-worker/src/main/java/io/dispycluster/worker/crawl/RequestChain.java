package io.dispycluster.worker.crawl;

import java.util.Optional;
import java.util.Set;

import io.dispycluster.worker.crawl.Frontier.QueuedUrl;
import io.dispycluster.worker.extract.WebUrls;
import io.dispycluster.worker.fetch.FetchException;
import io.dispycluster.worker.fetch.FetchedPage;
import io.dispycluster.worker.fetch.PageFetcher;

/**
 * Fetches one URL of a crawl, following its redirects one hop at a time: each hop waits
 * its host's turn, must stay in the crawl's scope (except from the start URL, which the
 * user chose), is checked by the fetcher like any request, and is remembered as seen.
 * After {@code max-redirects} hops the URL fails.
 */
final class RequestChain {

	private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

	private final PageFetcher fetcher;

	private final HostThrottle throttle;

	private final CrawlMetrics metrics;

	private final int maxRedirects;

	RequestChain(PageFetcher fetcher, HostThrottle throttle, CrawlMetrics metrics, int maxRedirects) {
		this.fetcher = fetcher;
		this.throttle = throttle;
		this.metrics = metrics;
		this.maxRedirects = maxRedirects;
	}

	/**
	 * Fetches a URL whose host's turn has come, and the hops it redirects to.
	 * @return the last response, which is not a redirect
	 * @throws PageFailure when the URL cannot be crawled
	 */
	FetchedPage fetch(CrawlRun run, QueuedUrl start, CrawlControl control) throws PageFailure {
		String url = start.url();
		for (int hops = 0;; hops++) {
			if (hops > 0) {
				awaitTurnForHop(run, url, control);
			}
			FetchedPage page = fetchOnce(run, url, control);
			Optional<String> target = redirectTarget(page);
			if (target.isEmpty()) {
				return page;
			}
			url = nextHop(run, start, target.get(), hops + 1);
		}
	}

	/** Waits for a host's turn; false if the crawl was cancelled or ran out of time. */
	boolean awaitTurn(CrawlRun run, String url, CrawlControl control) {
		return this.throttle.awaitTurn(WebUrls.authority(url), run.order().politenessDelay(), run.deadline(), control);
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

	private void awaitTurnForHop(CrawlRun run, String url, CrawlControl control) throws PageFailure {
		if (!awaitTurn(run, url, control)) {
			throw new PageFailure(control.isCancelled() ? PageState.CANCELLED : PageState.TIMEOUT,
					"The crawl stopped before the redirect to " + url + " was followed");
		}
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

}

package io.dispycluster.worker.crawl;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import io.dispycluster.worker.crawl.Frontier.QueuedUrl;
import io.dispycluster.worker.extract.WebUrls;
import io.dispycluster.worker.fetch.FetchException;
import io.dispycluster.worker.fetch.FetchProperties;
import io.dispycluster.worker.fetch.FetchedPage;
import io.dispycluster.worker.fetch.PageFetcher;
import io.dispycluster.worker.robots.RobotsRules;
import io.dispycluster.worker.robots.RobotsVerdict;
import org.jspecify.annotations.Nullable;

/**
 * Fetches one URL of a crawl, following its redirects one hop at a time. Before each
 * request, robots.txt is asked (a site whose robots.txt cannot be had just now is tried
 * again after a pause) and the host's turn awaited, {@code Crawl-delay} included. A
 * request that fails for a passing reason is retried with backoff, a 429 or 503 after the
 * wait its {@code Retry-After} asks, which holds back every request to the host. Each hop
 * must stay in the crawl's scope (except from the start URL, which the user chose), is
 * checked by the fetcher like any request, and is remembered as seen; a hop to a URL the
 * crawl has seen already ends the visit unrecorded, as a duplicate, and a hop back to a
 * URL of the same chain ends it as a redirect loop.
 */
final class RequestChain {

	private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

	private static final Set<Integer> PASSING_STATUSES = Set.of(429, 500, 502, 503, 504);

	private final PageFetcher fetcher;

	private final RobotsRules robots;

	private final HostThrottle throttle;

	private final CrawlMetrics metrics;

	private final FetchProperties properties;

	RequestChain(PageFetcher fetcher, RobotsRules robots, HostThrottle throttle, CrawlMetrics metrics,
			FetchProperties properties) {
		this.fetcher = fetcher;
		this.robots = robots;
		this.throttle = throttle;
		this.metrics = metrics;
		this.properties = properties;
	}

	/**
	 * Fetches a URL and the hops it redirects to.
	 * @return the last response, which is not a redirect
	 * @throws PageFailure when the URL cannot be crawled
	 */
	FetchedPage fetch(CrawlRun run, QueuedUrl start, CrawlControl control) throws PageFailure {
		List<String> chain = new ArrayList<>(List.of(start.url()));
		String url = start.url();
		for (int hops = 0;; hops++) {
			Duration delay = allowedDelay(run, url, control, hops > 0);
			awaitTurn(run, url, delay, control, hops > 0);
			FetchedPage page = fetchWithRetries(run, url, delay, control);
			Optional<String> target = redirectTarget(page);
			if (target.isEmpty()) {
				return page;
			}
			url = nextHop(run, start, target.get(), chain);
		}
	}

	// The politeness delay to keep before the request, once robots.txt allows it.
	private Duration allowedDelay(CrawlRun run, String url, CrawlControl control, boolean redirected)
			throws PageFailure {
		while (true) {
			RobotsVerdict verdict = this.robots.verdict(url, run.requestTimeout(), control, run.order().userAgent());
			switch (verdict.kind()) {
				case ALLOWED -> {
					return longer(run.order().politenessDelay(), verdict.crawlDelay());
				}
				case DENIED, UNAVAILABLE ->
					throw new PageFailure(PageState.ROBOTS_DENIED, hopReason(url, verdict.reason(), redirected));
				case UNREACHABLE ->
					throw new PageFailure(PageState.FETCH_ERROR, hopReason(url, verdict.reason(), redirected));
				case RETRY_LATER -> {
					if (control.isCancelled() || !run.pause(control, this.robots.retryDelay())) {
						throw stopped(url, control, redirected);
					}
				}
			}
		}
	}

	// The failure is recorded under the URL the chain started from: when a redirect led
	// to the URL refused, the reason names it, or the start URL would read as refused
	// itself (by a robots.txt that allows it).
	private static String hopReason(String url, String reason, boolean redirected) {
		return redirected ? "Redirected to " + url + ": " + reason : reason;
	}

	private void awaitTurn(CrawlRun run, String url, Duration delay, CrawlControl control, boolean redirected)
			throws PageFailure {
		if (!this.throttle.awaitTurn(WebUrls.authority(url), delay, run.deadline(), control)) {
			throw stopped(url, control, redirected);
		}
	}

	private FetchedPage fetchWithRetries(CrawlRun run, String url, Duration delay, CrawlControl control)
			throws PageFailure {
		for (int retry = 0;; retry++) {
			Attempt attempt = attempt(run, url, control);
			Optional<Duration> wait = retryWait(url, attempt, retry);
			if (wait.isEmpty()) {
				return attempt.outcome(retry);
			}
			this.throttle.backOff(WebUrls.authority(url), wait.get());
			if (!this.throttle.awaitTurn(WebUrls.authority(url), delay, run.deadline(), control)) {
				throw stopped(attempt.reason(), "a retry", control);
			}
		}
	}

	private Attempt attempt(CrawlRun run, String url, CrawlControl control) {
		try {
			FetchedPage page = this.fetcher.fetch(url, run.requestTimeout(), control, run.order().userAgent());
			this.metrics.fetched(page);
			return new Attempt(page, null, false);
		}
		catch (FetchException ex) {
			boolean budgetCut = ex.kind() == FetchException.Kind.TIMEOUT && run.budgetExhausted();
			String reason = budgetCut ? "Timeout: the crawl's budget ran out during the request" : ex.getMessage();
			return new Attempt(null, new PageFailure(PageState.of(ex), reason), ex.isTransient() && !budgetCut);
		}
	}

	// How long to wait before trying again, or empty if the attempt is final.
	private Optional<Duration> retryWait(String url, Attempt attempt, int retry) throws PageFailure {
		boolean passing = attempt.transientFailure()
				|| (attempt.page() != null && PASSING_STATUSES.contains(attempt.page().status()));
		if (!passing) {
			return Optional.empty();
		}
		Optional<Duration> asked = (attempt.page() != null)
				? RetryAfter.parse(attempt.page().retryAfter(), Instant.now()) : Optional.empty();
		if (retry >= this.properties.retries()) {
			// The URL is given up on, but the site asked for a pause all the same: the
			// host's next URL, of this crawl or another, waits for it rather than
			// follow at once.
			asked.filter((wait) -> wait.compareTo(this.properties.retryAfterCap()) <= 0)
				.ifPresent((wait) -> this.throttle.backOff(WebUrls.authority(url), wait));
			return Optional.empty();
		}
		Duration backoff = this.properties.retryBackoff().multipliedBy(1L << Math.min(retry, 16));
		if (attempt.page() == null) {
			return Optional.of(backoff);
		}
		if (asked.isPresent() && asked.get().compareTo(this.properties.retryAfterCap()) > 0) {
			throw new PageFailure(PageState.RETRIES_EXHAUSTED,
					statusText(attempt.page()) + "; Retry-After of " + asked.get().toSeconds() + " s exceeds the "
							+ this.properties.retryAfterCap().toSeconds() + " s cap");
		}
		return Optional.of(asked.orElse(backoff));
	}

	// A URL never requested is left unrecorded; one cut short after a request (its own,
	// or one that redirected) is recorded, with what that request got.
	private static PageFailure stopped(String url, CrawlControl control, boolean redirected) {
		if (!redirected) {
			return PageFailure.notRequested();
		}
		return stopped("Redirected to " + url, "it was requested", control);
	}

	private static PageFailure stopped(String got, String before, CrawlControl control) {
		boolean cancelled = control.isCancelled();
		return new PageFailure(cancelled ? PageState.CANCELLED : PageState.TIMEOUT, got + "; the crawl "
				+ (cancelled ? "was cancelled" : "ran out of its time (max_duration_s)") + " before " + before);
	}

	private String nextHop(CrawlRun run, QueuedUrl start, String target, List<String> chain) throws PageFailure {
		// A hop back into the chain would only repeat it: say so now, with the chain,
		// rather than follow it up to the limit and report a long chain.
		if (chain.contains(target)) {
			throw new PageFailure(PageState.HTTP_ERROR, "Redirect loop: " + String.join(" → ", chain) + " → " + target);
		}
		if (chain.size() > this.properties.maxRedirects()) {
			throw new PageFailure(PageState.HTTP_ERROR, "More than " + this.properties.maxRedirects() + " redirects");
		}
		if (start.depth() > 0 && !run.inScope(target)) {
			throw new PageFailure(PageState.OUT_OF_SCOPE, "Redirected out of the crawl's scope to " + target);
		}
		// A URL the crawl already queued, visited or reached through another redirect is
		// crawled under its own name: following the hop would crawl that page a second
		// time and spend max_pages on it (/docs redirecting to a /docs/ also linked, or
		// several short links to one page).
		if (!run.markSeen(target)) {
			throw PageFailure.duplicate(target);
		}
		chain.add(target);
		return target;
	}

	private static Optional<String> redirectTarget(FetchedPage page) {
		if (!REDIRECTS.contains(page.status()) || page.location() == null) {
			return Optional.empty();
		}
		return WebUrls.resolve(page.url(), page.location());
	}

	static String statusText(FetchedPage page) {
		return "HTTP " + page.status() + " / type " + page.contentType();
	}

	private static Duration longer(Duration a, Duration b) {
		return (a.compareTo(b) >= 0) ? a : b;
	}

	/**
	 * One try at a request: a response, or a failure (passing or not).
	 */
	private record Attempt(@Nullable FetchedPage page, @Nullable PageFailure failure, boolean transientFailure) {

		// The final word on the URL once no retry is left.
		FetchedPage outcome(int retries) throws PageFailure {
			if (this.failure != null) {
				throw (retries > 0) ? exhausted(this.failure.getMessage(), retries) : this.failure;
			}
			FetchedPage response = Objects.requireNonNull(this.page);
			if (retries > 0 && PASSING_STATUSES.contains(response.status())) {
				throw exhausted(statusText(response), retries);
			}
			return response;
		}

		// What the attempt got, in the words of the result's errors.
		String reason() {
			return (this.failure != null) ? this.failure.getMessage() : statusText(Objects.requireNonNull(this.page));
		}

		private static PageFailure exhausted(String reason, int retries) {
			return new PageFailure(PageState.RETRIES_EXHAUSTED,
					reason + " (gave up after " + retries + ((retries == 1) ? " retry)" : " retries)"));
		}

	}

}

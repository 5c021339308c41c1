package io.dispycluster.worker.crawl;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.dispycluster.model.job.PiiFindings;
import io.dispycluster.worker.crawl.Frontier.QueuedUrl;
import io.dispycluster.worker.extract.PageContent;
import io.dispycluster.worker.fetch.FetchedPage;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state of one crawl in progress: its frontier, scope, deadline and what it has
 * recorded so far. Confined to the thread that drives the crawl, except for the frontier,
 * which the threads that fetch also mark redirect targets in (hence its lock), and what
 * never changes (order, scope, deadline).
 */
final class CrawlRun {

	private static final Logger LOG = LoggerFactory.getLogger(CrawlRun.class);

	private static final int MAX_SKIPPED = 10_000;

	private final CrawlOrder order;

	private final Frontier frontier;

	private final SameOriginScope scope;

	// The links not followed, by a 64-bit hash of each rather than the URL itself: they
	// are only counted, and up to 10,000 URLs of up to 8 KB each (tracking links run to
	// hundreds of characters) would weigh megabytes per crawl. Two links with one hash
	// (about one chance in 10^11 at 10,000) would be counted once.
	private final Set<Long> skipped = new HashSet<>();

	private final long deadline;

	private final List<String> crawled = new ArrayList<>();

	private final Map<String, PiiFindings> pii = new LinkedHashMap<>();

	private final Map<String, String> errors = new LinkedHashMap<>();

	private final List<PageDetail> pages = new ArrayList<>();

	private final Map<PageState, Integer> states = new EnumMap<>(PageState.class);

	private @Nullable String refusal;

	private final ResultSize size;

	// Set once the result has reached its size limit: no page is recorded after that.
	private boolean full;

	CrawlRun(CrawlOrder order, long maxResultBytes) {
		this.order = order;
		this.size = new ResultSize(maxResultBytes);
		this.frontier = new Frontier(order.startUrl(), order.maxPages());
		this.scope = new SameOriginScope(order.startUrl(), order.sameOriginOnly());
		this.deadline = System.nanoTime() + order.budget().toNanos();
	}

	CrawlOrder order() {
		return this.order;
	}

	long deadline() {
		return this.deadline;
	}

	/**
	 * Why the crawl must stop now, or null if it goes on.
	 * @param control the crawl's control
	 * @param inFlight how many URLs are being fetched, whose links may refill the
	 * frontier
	 */
	@Nullable StopReason stopReason(CrawlControl control, int inFlight) {
		if (control.isCancelled()) {
			return StopReason.CANCELLED;
		}
		if (this.crawled.size() >= this.order.maxPages()) {
			return StopReason.MAX_PAGES;
		}
		if (this.full) {
			return StopReason.MAX_RESULT_SIZE;
		}
		if (budgetExhausted()) {
			return StopReason.BUDGET_EXHAUSTED;
		}
		return (inFlight == 0) ? endOfFrontier() : null;
	}

	private synchronized @Nullable StopReason endOfFrontier() {
		if (!this.frontier.isEmpty()) {
			return null;
		}
		return this.frontier.leftLinksOut() ? StopReason.FRONTIER_FULL : StopReason.FRONTIER_EXHAUSTED;
	}

	synchronized @Nullable QueuedUrl next() {
		return this.frontier.next();
	}

	boolean budgetExhausted() {
		return System.nanoTime() - this.deadline >= 0;
	}

	/**
	 * Waits, unless the crawl is cancelled or its budget ends first.
	 * @return whether the wait ran its course
	 */
	boolean pause(CrawlControl control, Duration duration) {
		Duration left = Duration.ofNanos(this.deadline - System.nanoTime());
		boolean whole = duration.compareTo(left) <= 0;
		return control.pause(whole ? duration : left) && whole;
	}

	/** The timeout of the next request: the job's, or less if the budget ends sooner. */
	Duration requestTimeout() {
		Duration left = Duration.ofNanos(this.deadline - System.nanoTime());
		return (left.compareTo(this.order.requestTimeout()) < 0) ? left : this.order.requestTimeout();
	}

	/**
	 * Remembers a URL reached by a redirect so that it is not visited again.
	 * @return whether the URL was new to the crawl
	 */
	synchronized boolean markSeen(String url) {
		return this.frontier.markSeen(url);
	}

	int crawledCount() {
		return this.crawled.size();
	}

	/**
	 * Records a crawled page and queues its links, unless the result has no room left for
	 * it: the page is then listed in {@code errors} as {@link PageState#RESULT_FULL}, and
	 * the crawl stops. Once one page is left out, so are the pages still in flight, so
	 * that the pages recorded are those visited first.
	 * @return whether the page was recorded
	 */
	synchronized boolean crawled(QueuedUrl url, FetchedPage page, PageContent content) {
		PageDetail detail = new PageDetail(url.url(), page.finalUrl(), page.status(), page.contentType(),
				content.title(), content.description(), url.depth(), content.links().size(), page.bytes(),
				page.elapsed().toMillis(), content.data());
		if (this.full || !this.size.tryAddPage(detail, content.pii())) {
			this.full = true;
			failed(url.url(), PageState.RESULT_FULL, "Crawled but not recorded: the result reached the worker's "
					+ "limit of " + sizeText(this.size.limit()) + " (max-result-size)");
			return false;
		}
		this.crawled.add(url.url());
		this.pii.put(url.url(), content.pii());
		this.pages.add(detail);
		this.states.merge(PageState.CRAWLED, 1, Integer::sum);
		this.frontier.markSeen(page.finalUrl());
		if (url.depth() == 0) {
			this.scope.landedOn(page.finalUrl());
		}
		for (String link : content.links()) {
			follow(link, url.depth() + 1);
		}
		return true;
	}

	// 8 MB, 512 KB, 1000 bytes: the limit as it is likely configured.
	static String sizeText(long bytes) {
		if (bytes % (1024 * 1024) == 0) {
			return (bytes / (1024 * 1024)) + " MB";
		}
		return (bytes % 1024 == 0) ? (bytes / 1024) + " KB" : bytes + " bytes";
	}

	/** Whether a URL is within the crawl's scope: its origin rule and URL patterns. */
	boolean inScope(String url) {
		return this.scope.allows(url) && matchesPatterns(url);
	}

	private void follow(String link, int depth) {
		if (!inScope(link)) {
			skip(link, PageState.OUT_OF_SCOPE);
		}
		else if (depth > this.order.maxDepth()) {
			skip(link, PageState.TOO_DEEP);
		}
		else {
			this.frontier.offer(link, depth);
		}
	}

	// Links not followed are counted once each (up to a bound), not listed as errors.
	private void skip(String link, PageState state) {
		if (this.skipped.size() < MAX_SKIPPED && !this.frontier.hasSeen(link) && this.skipped.add(hash(link))) {
			this.states.merge(state, 1, Integer::sum);
		}
	}

	// FNV-1a, 64 bits, over the URL's characters.
	static long hash(String url) {
		long hash = 0xcbf29ce484222325L;
		for (int i = 0; i < url.length(); i++) {
			hash = (hash ^ url.charAt(i)) * 0x100000001b3L;
		}
		return hash;
	}

	private boolean matchesPatterns(String url) {
		List<Pattern> include = this.order.includePatterns();
		boolean included = include.isEmpty() || include.stream().anyMatch((p) -> finds(p, url, false));
		return included && this.order.excludePatterns().stream().noneMatch((p) -> finds(p, url, true));
	}

	// Java's regex engine recurses once per repetition of a group with alternatives, so
	// a job's pattern such as "(a|b)*" overflows the stack on a long enough URL. That URL
	// is then left out (neither included nor let past an exclusion) rather than the
	// error ending the whole crawl.
	private static boolean finds(Pattern pattern, String url, boolean otherwise) {
		try {
			return pattern.matcher(url).find();
		}
		catch (StackOverflowError ex) {
			LOG.debug("Pattern {} could not be matched against a URL of {} characters", pattern, url.length());
			return otherwise;
		}
	}

	/**
	 * Records a URL that could not be crawled. It is recorded even past the result's size
	 * limit (it is small, and only the URLs in flight follow), which it may bring the
	 * crawl to.
	 */
	void failed(String url, PageState state, String reason) {
		this.errors.put(url, reason);
		this.full |= this.size.addError(url, reason);
		this.states.merge(state, 1, Integer::sum);
		if (url.equals(this.order.startUrl()) && state.refusesTheStart()) {
			this.refusal = reason;
		}
	}

	CrawlOutcome outcome(StopReason reason) {
		Map<String, Integer> counts = new LinkedHashMap<>();
		this.states.forEach((state, count) -> counts.put(state.wireName(), count));
		CrawlResult result = new CrawlResult(this.crawled, this.pii, this.errors, this.pages, reason.wireName(),
				counts);
		return new CrawlOutcome(result, this.states, this.refusal);
	}

}

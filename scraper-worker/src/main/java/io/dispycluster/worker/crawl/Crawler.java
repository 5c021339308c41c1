package io.dispycluster.worker.crawl;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicInteger;

import io.dispycluster.worker.crawl.Frontier.QueuedUrl;
import io.dispycluster.worker.extract.PageContent;
import io.dispycluster.worker.extract.PageReader;
import io.dispycluster.worker.fetch.FetchProperties;
import io.dispycluster.worker.fetch.FetchedPage;
import io.dispycluster.worker.fetch.PageFetcher;
import io.dispycluster.worker.robots.RobotsRules;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Runs one crawl: breadth-first from the start URL, each URL waiting its host's turn,
 * then fetched (following its redirects), read by the extractors, and recorded as crawled
 * or failed, until the frontier is empty, {@code max_pages} pages are crawled, the budget
 * runs out or the crawl is cancelled. The crawl is driven by the caller's thread.
 * <p>
 * Up to {@code fetchesAtOnce} URLs of a crawl are fetched and read at once, on threads of
 * the crawl's own (the caller's thread alone when it is 1). Each still waits its host's
 * turn, so the politeness delay separates the starts of requests to a host. URLs are
 * taken from the frontier in order and their results recorded in that same order, so the
 * frontier grows exactly as in a crawl that fetches one URL at a time: the same URLs are
 * visited, at the same depths, whatever order the responses come back in. A URL is taken
 * only while the pages crawled and the URLs in flight are fewer than {@code max_pages},
 * so {@code max_pages} is never exceeded, and memory holds at most {@code fetchesAtOnce}
 * pages in flight.
 * <p>
 * The result is held to {@code maxResultBytes} of JSON, counted as pages are recorded: a
 * page that would take it past that is listed in {@code errors} instead, and the crawl
 * stops ({@link StopReason#MAX_RESULT_SIZE}), so that neither the worker nor the
 * controller taking its report holds more than that for one crawl.
 */
public class Crawler {

	private static final Logger LOG = LoggerFactory.getLogger(Crawler.class);

	private static final AtomicInteger CRAWLS = new AtomicInteger();

	private final RequestChain requests;

	private final PageReader reader;

	private final CrawlMetrics metrics;

	private final int fetchesAtOnce;

	private final long maxResultBytes;

	public Crawler(PageFetcher fetcher, RobotsRules robots, PageReader reader, HostThrottle throttle,
			CrawlMetrics metrics, FetchProperties fetchProperties) {
		this(fetcher, robots, reader, throttle, metrics, fetchProperties, 1);
	}

	/**
	 * A crawler that fetches up to {@code fetchesAtOnce} URLs of a crawl at once, with
	 * results of up to {@link CrawlProperties#DEFAULT_MAX_RESULT_SIZE}.
	 */
	public Crawler(PageFetcher fetcher, RobotsRules robots, PageReader reader, HostThrottle throttle,
			CrawlMetrics metrics, FetchProperties fetchProperties, int fetchesAtOnce) {
		this(fetcher, robots, reader, throttle, metrics, fetchProperties, fetchesAtOnce,
				CrawlProperties.DEFAULT_MAX_RESULT_SIZE.toBytes());
	}

	/**
	 * A crawler that fetches up to {@code fetchesAtOnce} URLs of a crawl at once, and
	 * holds each crawl's result to {@code maxResultBytes} of JSON.
	 */
	public Crawler(PageFetcher fetcher, RobotsRules robots, PageReader reader, HostThrottle throttle,
			CrawlMetrics metrics, FetchProperties fetchProperties, int fetchesAtOnce, long maxResultBytes) {
		if (fetchesAtOnce < 1) {
			throw new IllegalArgumentException("fetchesAtOnce must be at least 1");
		}
		if (maxResultBytes < 1) {
			throw new IllegalArgumentException("maxResultBytes must be positive");
		}
		this.requests = new RequestChain(fetcher, robots, throttle, metrics, fetchProperties);
		this.reader = reader;
		this.metrics = metrics;
		this.fetchesAtOnce = fetchesAtOnce;
		this.maxResultBytes = maxResultBytes;
	}

	/**
	 * Crawls a site.
	 * @param order what to crawl
	 * @param control lets another thread cancel the crawl and follow its progress
	 * @return what was crawled, with why the crawl stopped
	 */
	public CrawlOutcome crawl(CrawlOrder order, CrawlControl control) {
		CrawlRun run = new CrawlRun(order, this.maxResultBytes);
		ExecutorService pool = (this.fetchesAtOnce > 1) ? newPool() : null;
		try {
			StopReason reason = crawl(run, control, (pool != null) ? pool : Runnable::run);
			LOG.debug("Crawl of {} stopped ({}) after {} pages", order.startUrl(), reason.wireName(),
					run.crawledCount());
			return run.outcome(reason);
		}
		finally {
			if (pool != null) {
				pool.shutdownNow();
			}
		}
	}

	private StopReason crawl(CrawlRun run, CrawlControl control, Executor executor) {
		Deque<FutureTask<Visit>> inFlight = new ArrayDeque<>();
		boolean interrupted = false;
		try {
			while (true) {
				StopReason reason = run.stopReason(control, inFlight.size());
				if (reason != null && inFlight.isEmpty()) {
					return reason;
				}
				if (reason == null) {
					dispatch(run, control, executor, inFlight);
				}
				if (inFlight.isEmpty()) {
					continue;
				}
				try {
					record(run, await(inFlight.peekFirst()));
					inFlight.removeFirst();
				}
				catch (InterruptedException ex) {
					// The worker is shutting down: stop like a cancel, and collect what
					// is in flight.
					interrupted = true;
					control.cancel();
				}
				control.crawled(run.crawledCount());
			}
		}
		finally {
			control.fetching(null);
			if (interrupted) {
				Thread.currentThread().interrupt();
			}
		}
	}

	// Takes URLs from the frontier while fewer than fetchesAtOnce are in flight, and
	// fewer than max_pages would be crawled if they all were.
	private void dispatch(CrawlRun run, CrawlControl control, Executor executor, Deque<FutureTask<Visit>> inFlight) {
		while (inFlight.size() < this.fetchesAtOnce && run.crawledCount() + inFlight.size() < run.order().maxPages()) {
			QueuedUrl next = run.next();
			if (next == null) {
				return;
			}
			control.fetching(next.url());
			FutureTask<Visit> visit = new FutureTask<>(() -> visit(run, next, control));
			inFlight.addLast(visit);
			executor.execute(visit);
		}
	}

	private static Visit await(FutureTask<Visit> visit) throws InterruptedException {
		try {
			return visit.get();
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			if (ex.getCause() instanceof Error error) {
				throw error;
			}
			throw new IllegalStateException(ex.getCause());
		}
	}

	// Runs on a thread of the crawl's pool: fetches and reads one URL.
	private Visit visit(CrawlRun run, QueuedUrl next, CrawlControl control) {
		try {
			FetchedPage page = this.requests.fetch(run, next, control);
			if (PageState.of(page) != PageState.CRAWLED) {
				return new Visit(next, page, null, null);
			}
			return new Visit(next, page, read(page, run), null);
		}
		catch (PageFailure failure) {
			return new Visit(next, null, null, failure);
		}
	}

	// A page that cannot be read fails alone: the crawl goes on, with the pages it has.
	private PageContent read(FetchedPage page, CrawlRun run) throws PageFailure {
		try {
			return this.reader.read(page, run.order().extract());
		}
		catch (RuntimeException | StackOverflowError ex) {
			LOG.warn("{} could not be read", page.url(), ex);
			throw new PageFailure(PageState.READ_ERROR, "Could not read the page: " + ex.getClass().getSimpleName()
					+ ((ex.getMessage() != null) ? ": " + ex.getMessage() : ""));
		}
	}

	// Runs on the crawl's thread, in the order the URLs were taken.
	private void record(CrawlRun run, Visit visit) {
		if (visit.failure() != null) {
			PageState state = visit.failure().state();
			if (state != null) {
				fail(run, visit.url().url(), state, visit.failure().getMessage());
			}
			return;
		}
		FetchedPage page = visit.page();
		if (visit.content() == null) {
			fail(run, visit.url().url(), PageState.of(page), RequestChain.statusText(page));
			return;
		}
		if (run.crawled(visit.url(), page, visit.content())) {
			this.metrics.ended(PageState.CRAWLED);
		}
		else {
			LOG.debug("{} crawled but not recorded: the result is full", visit.url().url());
			this.metrics.ended(PageState.RESULT_FULL);
		}
	}

	private void fail(CrawlRun run, String url, PageState state, String reason) {
		LOG.debug("{} ended {}: {}", url, state.wireName(), reason);
		run.failed(url, state, reason);
		this.metrics.ended(state);
	}

	/**
	 * The crawl's fetch threads, which log with the logging context of the thread that
	 * drives the crawl (the request id of the job), as it does.
	 */
	private ExecutorService newPool() {
		String name = "crawl-" + CRAWLS.incrementAndGet() + "-fetch-";
		AtomicInteger threads = new AtomicInteger();
		@Nullable Map<String, String> context = MDC.getCopyOfContextMap();
		return Executors.newFixedThreadPool(this.fetchesAtOnce, (task) -> {
			Thread thread = new Thread(() -> {
				if (context != null) {
					MDC.setContextMap(context);
				}
				task.run();
			}, name + threads.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
	}

	/**
	 * What became of one URL: a response, read when it is a page to crawl, or a failure.
	 */
	private record Visit(QueuedUrl url, @Nullable FetchedPage page, @Nullable PageContent content,
			@Nullable PageFailure failure) {
	}

}

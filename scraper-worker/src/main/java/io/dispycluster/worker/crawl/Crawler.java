package io.dispycluster.worker.crawl;

import io.dispycluster.model.job.ScrapeResult;
import io.dispycluster.worker.crawl.Frontier.QueuedUrl;
import io.dispycluster.worker.extract.PageContent;
import io.dispycluster.worker.extract.PageReader;
import io.dispycluster.worker.extract.WebUrls;
import io.dispycluster.worker.fetch.FetchException;
import io.dispycluster.worker.fetch.FetchedPage;
import io.dispycluster.worker.fetch.PageFetcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one crawl: breadth-first from the start URL, each URL waiting its host's turn,
 * then fetched, read by the extractors, and recorded as crawled or failed, until the
 * frontier is empty, {@code max_pages} pages are crawled, the budget runs out or the
 * crawl is cancelled. The crawl runs on the caller's thread.
 */
public class Crawler {

	private static final Logger LOG = LoggerFactory.getLogger(Crawler.class);

	private final PageFetcher fetcher;

	private final PageReader reader;

	private final HostThrottle throttle;

	private final CrawlMetrics metrics;

	public Crawler(PageFetcher fetcher, PageReader reader, HostThrottle throttle, CrawlMetrics metrics) {
		this.fetcher = fetcher;
		this.reader = reader;
		this.throttle = throttle;
		this.metrics = metrics;
	}

	/**
	 * Crawls a site.
	 * @param order what to crawl
	 * @param control lets another thread cancel the crawl and follow its progress
	 * @return what was crawled, with why the crawl stopped
	 */
	public ScrapeResult crawl(CrawlOrder order, CrawlControl control) {
		CrawlRun run = new CrawlRun(order);
		StopReason reason;
		while ((reason = run.stopReason(control)) == null) {
			QueuedUrl next = run.next();
			if (next != null && awaitTurn(run, next, control)) {
				visit(run, next, control);
			}
		}
		LOG.debug("Crawl of {} stopped ({}) after {} pages", order.startUrl(), reason.wireName(), run.crawledCount());
		return run.result(reason);
	}

	private boolean awaitTurn(CrawlRun run, QueuedUrl next, CrawlControl control) {
		return this.throttle.awaitTurn(WebUrls.authority(next.url()), run.order().politenessDelay(), run.deadline(),
				control);
	}

	private void visit(CrawlRun run, QueuedUrl next, CrawlControl control) {
		control.fetching(next.url());
		try {
			FetchedPage page = this.fetcher.fetch(next.url(), run.requestTimeout(), control);
			this.metrics.fetched(page);
			record(run, next, page);
		}
		catch (FetchException ex) {
			String reason = budgetCut(run, ex) ? "Timeout: the crawl's budget ran out during the request"
					: ex.getMessage();
			fail(run, next.url(), PageState.of(ex), reason);
		}
		finally {
			control.fetching(null);
			control.crawled(run.crawledCount());
		}
	}

	private void record(CrawlRun run, QueuedUrl next, FetchedPage page) {
		PageState state = PageState.of(page);
		if (state != PageState.CRAWLED) {
			fail(run, next.url(), state, "HTTP " + page.status() + " / type " + page.contentType());
			return;
		}
		PageContent content = this.reader.read(page);
		run.crawled(next, page, content);
		this.metrics.ended(state);
	}

	private void fail(CrawlRun run, String url, PageState state, String reason) {
		LOG.debug("{} ended {}: {}", url, state.wireName(), reason);
		run.failed(url, reason);
		this.metrics.ended(state);
	}

	private static boolean budgetCut(CrawlRun run, FetchException ex) {
		return ex.kind() == FetchException.Kind.TIMEOUT && run.budgetExhausted();
	}

}

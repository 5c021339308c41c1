package io.dispycluster.worker.crawl;

import io.dispycluster.worker.crawl.Frontier.QueuedUrl;
import io.dispycluster.worker.extract.PageContent;
import io.dispycluster.worker.extract.PageReader;
import io.dispycluster.worker.fetch.FetchProperties;
import io.dispycluster.worker.fetch.FetchedPage;
import io.dispycluster.worker.fetch.PageFetcher;
import io.dispycluster.worker.robots.RobotsRules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one crawl: breadth-first from the start URL, each URL waiting its host's turn,
 * then fetched (following its redirects), read by the extractors, and recorded as crawled
 * or failed, until the frontier is empty, {@code max_pages} pages are crawled, the budget
 * runs out or the crawl is cancelled. The crawl runs on the caller's thread.
 */
public class Crawler {

	private static final Logger LOG = LoggerFactory.getLogger(Crawler.class);

	private final RequestChain requests;

	private final PageReader reader;

	private final CrawlMetrics metrics;

	public Crawler(PageFetcher fetcher, RobotsRules robots, PageReader reader, HostThrottle throttle,
			CrawlMetrics metrics, FetchProperties fetchProperties) {
		this.requests = new RequestChain(fetcher, robots, throttle, metrics, fetchProperties);
		this.reader = reader;
		this.metrics = metrics;
	}

	/**
	 * Crawls a site.
	 * @param order what to crawl
	 * @param control lets another thread cancel the crawl and follow its progress
	 * @return what was crawled, with why the crawl stopped
	 */
	public CrawlOutcome crawl(CrawlOrder order, CrawlControl control) {
		CrawlRun run = new CrawlRun(order);
		StopReason reason;
		while ((reason = run.stopReason(control)) == null) {
			QueuedUrl next = run.next();
			if (next != null) {
				visit(run, next, control);
			}
		}
		LOG.debug("Crawl of {} stopped ({}) after {} pages", order.startUrl(), reason.wireName(), run.crawledCount());
		return run.outcome(reason);
	}

	private void visit(CrawlRun run, QueuedUrl next, CrawlControl control) {
		control.fetching(next.url());
		try {
			record(run, next, this.requests.fetch(run, next, control));
		}
		catch (PageFailure failure) {
			if (failure.state() != null) {
				fail(run, next.url(), failure.state(), failure.getMessage());
			}
		}
		finally {
			control.fetching(null);
			control.crawled(run.crawledCount());
		}
	}

	private void record(CrawlRun run, QueuedUrl next, FetchedPage page) {
		PageState state = PageState.of(page);
		if (state != PageState.CRAWLED) {
			fail(run, next.url(), state, RequestChain.statusText(page));
			return;
		}
		PageContent content = this.reader.read(page, run.order().extract());
		run.crawled(next, page, content);
		this.metrics.ended(state);
	}

	private void fail(CrawlRun run, String url, PageState state, String reason) {
		LOG.debug("{} ended {}: {}", url, state.wireName(), reason);
		run.failed(url, state, reason);
		this.metrics.ended(state);
	}

}

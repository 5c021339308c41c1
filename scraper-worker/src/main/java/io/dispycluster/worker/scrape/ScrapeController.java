package io.dispycluster.worker.scrape;

import io.dispycluster.model.job.ScrapeRequest;
import io.dispycluster.worker.crawl.CrawlControl;
import io.dispycluster.worker.crawl.CrawlOrder;
import io.dispycluster.worker.crawl.CrawlResult;
import io.dispycluster.worker.crawl.Crawler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The upstream's synchronous {@code POST /scrape}: crawls while the client waits and
 * answers with the result (the contract's fields, with more detail).
 */
@RestController
class ScrapeController {

	private static final Logger LOG = LoggerFactory.getLogger(ScrapeController.class);

	private final CrawlOrders orders;

	private final Crawler crawler;

	ScrapeController(CrawlOrders orders, Crawler crawler) {
		this.orders = orders;
		this.crawler = crawler;
	}

	@PostMapping("/scrape")
	CrawlResult scrape(@RequestBody ScrapeRequest request) {
		CrawlOrder order = this.orders.fromRequest(request);
		LOG.info("Synchronous crawl of {} started (max_pages={})", order.startUrl(), order.maxPages());
		CrawlResult result = this.crawler.crawl(order, new CrawlControl()).result();
		LOG.info("Synchronous crawl of {} ended: {} pages, {} errors, {}", order.startUrl(), result.crawled().size(),
				result.errors().size(), result.stopReason());
		return result;
	}

}

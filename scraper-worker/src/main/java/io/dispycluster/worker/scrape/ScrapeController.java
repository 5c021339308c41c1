package io.dispycluster.worker.scrape;

import io.dispycluster.model.job.CrawlOptions;
import io.dispycluster.model.job.ScrapeRequest;
import io.dispycluster.worker.crawl.CrawlControl;
import io.dispycluster.worker.crawl.CrawlOrder;
import io.dispycluster.worker.crawl.CrawlResult;
import io.dispycluster.worker.crawl.Crawler;
import io.dispycluster.worker.system.JsonBodies;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The upstream's synchronous {@code POST /scrape}: crawls while the client waits and
 * answers with the result (the contract's fields, with more detail). The body is the
 * contract's, with the optional job fields alongside.
 */
@RestController
class ScrapeController {

	private static final Logger LOG = LoggerFactory.getLogger(ScrapeController.class);

	private final CrawlOrders orders;

	private final Crawler crawler;

	private final JsonBodies bodies;

	ScrapeController(CrawlOrders orders, Crawler crawler, JsonBodies bodies) {
		this.orders = orders;
		this.crawler = crawler;
		this.bodies = bodies;
	}

	@PostMapping("/scrape")
	CrawlResult scrape(@RequestBody JsonNode body) {
		CrawlOrder order = this.orders.fromRequest(this.bodies.read(body, ScrapeRequest.class, ""),
				this.bodies.read(body, CrawlOptions.class, ""));
		LOG.info("Synchronous crawl of {} started (max_pages={})", order.startUrl(), order.maxPages());
		CrawlResult result = this.crawler.crawl(order, new CrawlControl()).result();
		LOG.info("Synchronous crawl of {} ended: {} pages, {} errors, {}", order.startUrl(), result.crawled().size(),
				result.errors().size(), result.stopReason());
		return result;
	}

}

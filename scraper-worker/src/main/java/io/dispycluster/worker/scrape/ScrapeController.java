package io.dispycluster.worker.scrape;

import java.util.ArrayList;
import java.util.List;

import io.dispycluster.support.problem.FieldProblem;
import io.dispycluster.support.problem.InvalidRequestException;
import io.dispycluster.support.submission.CrawlOptionsReader;
import io.dispycluster.support.submission.StartUrls;
import io.dispycluster.model.job.CrawlOptions;
import io.dispycluster.model.job.ScrapeRequest;
import io.dispycluster.worker.crawl.CrawlOrder;
import io.dispycluster.worker.crawl.CrawlResult;
import io.dispycluster.worker.system.JsonBodies;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;

/**
 * The upstream's synchronous {@code POST /scrape}: crawls while the client waits and
 * answers with the result (the contract's fields, with more detail). The body is the
 * contract's, with the optional job fields alongside. A crawl whose client leaves stops
 * (see {@link SynchronousCrawls}).
 */
@RestController
class ScrapeController {

	private static final Logger LOG = LoggerFactory.getLogger(ScrapeController.class);

	private final CrawlOrders orders;

	private final SynchronousCrawls crawls;

	private final JsonBodies bodies;

	ScrapeController(CrawlOrders orders, SynchronousCrawls crawls, JsonBodies bodies) {
		this.orders = orders;
		this.crawls = crawls;
		this.bodies = bodies;
	}

	@PostMapping("/scrape")
	@ApiResponse(responseCode = "200", description = "The crawl's result",
			content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
					schema = @Schema(implementation = CrawlResult.class)))
	ResponseEntity<ResponseBodyEmitter> scrape(@RequestBody JsonNode body) {
		CrawlOrder order = this.orders.fromRequest(this.bodies.read(body, ScrapeRequest.class, ""), crawlOptions(body));
		LOG.info("Synchronous crawl of {} started (max_pages={})", StartUrls.withoutCredentials(order.startUrl()),
				order.maxPages());
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(this.crawls.start(order));
	}

	/**
	 * The crawl options read as the controller reads a submission's, so that a body the
	 * cluster takes is one a worker takes directly (the short form of an extraction rule
	 * among them).
	 */
	private static CrawlOptions crawlOptions(JsonNode body) {
		List<FieldProblem> problems = new ArrayList<>();
		CrawlOptions options = CrawlOptionsReader.read(body, problems);
		if (!problems.isEmpty()) {
			throw new InvalidRequestException(problems);
		}
		return options;
	}

}

package io.dispycluster.worker;

import io.dispycluster.worker.assignment.Assignments;
import io.dispycluster.worker.crawl.CrawlProperties;
import io.dispycluster.worker.crawl.Crawler;
import io.dispycluster.worker.fetch.FetchProperties;
import io.dispycluster.worker.node.SystemSampler;
import io.dispycluster.worker.node.WorkerInstance;
import io.dispycluster.worker.scrape.CrawlOrders;
import io.dispycluster.worker.scrape.ScrapeWebSlice;
import io.dispycluster.worker.system.JsonBodies;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The web layer of every controller with the crawler and the assignments mocked. The
 * slice tests extend it so that they share one Spring context.
 */
@WebMvcTest
@Import({ CrawlOrders.class, ScrapeWebSlice.class, JsonBodies.class, WorkerInstance.class })
@EnableConfigurationProperties({ WorkerProperties.class, CrawlProperties.class, FetchProperties.class })
public abstract class WebSliceTests {

	@Autowired
	protected MockMvc mvc;

	@MockitoBean
	protected Crawler crawler;

	@MockitoBean
	protected Assignments assignments;

	@MockitoBean
	protected SystemSampler system;

}

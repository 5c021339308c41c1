package io.dispycluster.worker.assignment;

import java.time.Duration;
import java.util.Map;

import io.dispycluster.model.job.AttemptOutcome;
import io.dispycluster.model.job.CrawlOptions;
import io.dispycluster.model.job.ScrapeAssignment;
import io.dispycluster.model.job.ScrapeSpec;
import io.dispycluster.worker.WorkerProperties;
import io.dispycluster.worker.crawl.CrawlProperties;
import io.dispycluster.worker.crawl.Crawler;
import io.dispycluster.worker.fetch.FetchProperties;
import io.dispycluster.worker.report.ControllerReports;
import io.dispycluster.worker.scrape.CrawlOrders;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;

/**
 * A crawl that ends in an error rather than an exception is still reported, as a failed
 * attempt, so that the controller need not wait for a report that never comes.
 */
class AssignmentsFailureTests {

	@Test
	void reportsACrawlThatOverflowedTheStackAsFailed() {
		Crawler crawler = mock(Crawler.class);
		given(crawler.crawl(any(), any())).willThrow(new StackOverflowError());
		ControllerReports reports = mock(ControllerReports.class);
		CrawlOrders orders = new CrawlOrders(
				new CrawlProperties(Duration.ZERO, Duration.ofHours(1), Duration.ofHours(6), 1,
						CrawlProperties.DEFAULT_MAX_RESULT_SIZE, 4),
				new FetchProperties("DispyClusterBot/test", DataSize.ofMegabytes(2), 5, 2, Duration.ofSeconds(1),
						Duration.ofSeconds(60), false));
		Assignments assignments = new Assignments(crawler, orders, reports,
				new WorkerProperties("n1", "http://n1:8080", 2, false, Duration.ofSeconds(30), Map.of()),
				new SimpleMeterRegistry());
		try {
			assignments.accept(new ScrapeAssignment("job_1", 1, new ScrapeSpec("http://site.test/", 5, true, 5, 60)),
					CrawlOptions.none(), null);

			verify(reports, timeout(5000)).report(eq("job_1"), isNull(),
					argThat((report) -> report.outcome() == AttemptOutcome.FAILED
							&& report.error().equals("Crawl failed: java.lang.StackOverflowError")),
					any());
		}
		finally {
			assignments.destroy();
		}
	}

}

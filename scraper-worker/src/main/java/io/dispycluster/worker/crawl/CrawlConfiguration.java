package io.dispycluster.worker.crawl;

import io.dispycluster.worker.extract.PageReader;
import io.dispycluster.worker.fetch.FetchProperties;
import io.dispycluster.worker.fetch.PageFetcher;
import io.dispycluster.worker.robots.RobotsProperties;
import io.dispycluster.worker.robots.RobotsRules;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The crawler and its collaborators, shared by every crawl.
 */
@Configuration(proxyBeanMethods = false)
class CrawlConfiguration {

	@Bean
	Crawler crawler(PageFetcher pageFetcher, FetchProperties fetchProperties, RobotsProperties robotsProperties,
			CrawlProperties crawlProperties, MeterRegistry meterRegistry) {
		RobotsRules robots = new RobotsRules(pageFetcher, fetchProperties, robotsProperties);
		return new Crawler(pageFetcher, robots, new PageReader(), new HostThrottle(), new CrawlMetrics(meterRegistry),
				fetchProperties, crawlProperties.maxConcurrentFetchesPerHost(),
				crawlProperties.maxResultSize().toBytes());
	}

}

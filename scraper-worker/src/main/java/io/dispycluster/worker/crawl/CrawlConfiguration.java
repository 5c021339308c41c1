package io.dispycluster.worker.crawl;

import io.dispycluster.worker.extract.PageReader;
import io.dispycluster.worker.fetch.FetchProperties;
import io.dispycluster.worker.fetch.PageFetcher;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The crawler and its collaborators, shared by every crawl.
 */
@Configuration(proxyBeanMethods = false)
class CrawlConfiguration {

	@Bean
	Crawler crawler(PageFetcher pageFetcher, FetchProperties fetchProperties, MeterRegistry meterRegistry) {
		return new Crawler(pageFetcher, new PageReader(), new HostThrottle(), new CrawlMetrics(meterRegistry),
				fetchProperties.maxRedirects());
	}

}

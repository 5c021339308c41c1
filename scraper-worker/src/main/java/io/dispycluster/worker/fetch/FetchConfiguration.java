package io.dispycluster.worker.fetch;

import okhttp3.OkHttpClient;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The HTTP client used for crawling, shared by every crawl so that connections to a site
 * are reused.
 */
@Configuration(proxyBeanMethods = false)
class FetchConfiguration {

	@Bean
	OkHttpClient crawlHttpClient() {
		return PageFetcher.newClient();
	}

	@Bean
	PageFetcher pageFetcher(OkHttpClient crawlHttpClient, FetchProperties properties) {
		return new PageFetcher(crawlHttpClient, properties);
	}

}

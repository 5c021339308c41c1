package io.dispycluster.worker.fetch;

import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The HTTP client used for crawling, shared by every crawl so that connections to a site
 * are reused.
 */
@Configuration(proxyBeanMethods = false)
class FetchConfiguration {

	private static final Logger LOG = LoggerFactory.getLogger(FetchConfiguration.class);

	@Bean
	AddressGuard addressGuard(GuardProperties properties) {
		AddressGuard guard = new AddressGuard(properties);
		if (guard.opensAnything()) {
			LOG.warn("SSRF guard: this worker may crawl these internal addresses and hosts: {}", properties.allow());
		}
		else {
			LOG.info("SSRF guard: internal addresses are refused (dispycluster.worker.ssrf.allow is empty)");
		}
		return guard;
	}

	@Bean
	OkHttpClient crawlHttpClient(AddressGuard addressGuard) {
		return PageFetcher.newClient(addressGuard);
	}

	@Bean
	PageFetcher pageFetcher(OkHttpClient crawlHttpClient, FetchProperties properties, AddressGuard addressGuard) {
		return new PageFetcher(crawlHttpClient, properties, addressGuard);
	}

}

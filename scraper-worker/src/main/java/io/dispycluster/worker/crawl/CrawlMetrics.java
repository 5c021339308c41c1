package io.dispycluster.worker.crawl;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import io.dispycluster.worker.fetch.FetchedPage;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The crawler's Prometheus metrics: {@code dispycluster_worker_pages_total} by final
 * state, {@code dispycluster_worker_fetched_bytes_total}, the
 * {@code dispycluster_worker_fetch_latency_seconds} histogram, and, for alerting,
 * {@code dispycluster_worker_robots_denials_total} and
 * {@code dispycluster_worker_blocked_addresses_total}.
 */
public class CrawlMetrics {

	private final Map<PageState, Counter> pages = new EnumMap<>(PageState.class);

	private final Counter bytes;

	private final Timer latency;

	private final Counter robotsDenials;

	private final Counter blockedAddresses;

	public CrawlMetrics(MeterRegistry registry) {
		for (PageState state : PageState.values()) {
			this.pages.put(state,
					Counter.builder("dispycluster.worker.pages")
						.description("URLs visited, by the state they ended in")
						.tag("state", state.wireName())
						.register(registry));
		}
		this.bytes = Counter.builder("dispycluster.worker.fetched")
			.baseUnit("bytes")
			.description("Body bytes downloaded")
			.register(registry);
		this.latency = Timer.builder("dispycluster.worker.fetch.latency")
			.description("Time from request to the end of the response")
			.serviceLevelObjectives(Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
					Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5),
					Duration.ofSeconds(10), Duration.ofSeconds(30))
			.register(registry);
		this.robotsDenials = Counter.builder("dispycluster.worker.robots.denials")
			.description("URLs not fetched because robots.txt forbids them or could not be had")
			.register(registry);
		this.blockedAddresses = Counter.builder("dispycluster.worker.blocked.addresses")
			.description("URLs refused by the SSRF guard")
			.register(registry);
	}

	void fetched(FetchedPage page) {
		this.bytes.increment(page.bytes());
		this.latency.record(page.elapsed());
	}

	void ended(PageState state) {
		this.pages.get(state).increment();
		if (state == PageState.ROBOTS_DENIED) {
			this.robotsDenials.increment();
		}
		else if (state == PageState.BLOCKED_ADDRESS) {
			this.blockedAddresses.increment();
		}
	}

}

package io.dispycluster.worker.crawl;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;

import io.dispycluster.worker.extract.WebUrls;
import io.dispycluster.worker.testsupport.FixtureSite;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import okhttp3.Dns;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

import static io.dispycluster.worker.crawl.CrawlOrderBuilder.anOrderFor;
import static io.dispycluster.worker.crawl.Pages.linking;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * The SSRF guard inside a crawl: a refused start URL, a host name that resolves to a
 * blocked address, redirects to blocked addresses, and the allow-list.
 */
class CrawlerGuardTests {

	private final FixtureSite site = FixtureSite.start();

	@AfterEach
	void closeSite() {
		this.site.close();
	}

	@Test
	void refusesALoopbackStartUrlWithoutConnecting() {
		this.site.page("/", linking());

		CrawlOutcome outcome = Crawlers.aCrawlerAllowing(List.of())
			.crawl(anOrderFor(this.site.url("/")).build(), new CrawlControl());

		String reason = "Blocked address: 127.0.0.1 is a loopback address (open it in dispycluster.worker.ssrf.allow)";
		assertThat(outcome.result().errors()).containsExactly(entry(this.site.url("/"), reason));
		assertThat(outcome.refusal()).isEqualTo(reason);
		assertThat(outcome.states()).containsExactly(entry(PageState.BLOCKED_ADDRESS, 1));
		assertThat(this.site.requestedPaths()).isEmpty();
	}

	@Test
	void countsBlockedAddressesInMetrics() {
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		Crawler crawler = Crawlers.aCrawler(registry, DataSize.ofMegabytes(2), List.of());

		crawler.crawl(anOrderFor(this.site.url("/")).build(), new CrawlControl());

		assertThat(registry.get("dispycluster.worker.blocked.addresses").counter().count()).isEqualTo(1);
		assertThat(registry.get("dispycluster.worker.pages").tag("state", "blocked_address").counter().count())
			.isEqualTo(1);
	}

	@Test
	void refusesAHostNameThatResolvesToABlockedAddress() {
		this.site.page("/", linking());
		String start = "http://localhost:" + this.site.port() + "/";

		CrawlResult result = Crawlers.aCrawlerAllowing(List.of())
			.crawl(anOrderFor(start).build(), new CrawlControl())
			.result();

		assertThat(result.errors().get(start)).startsWith("Blocked address: localhost resolves to ")
			.contains("which is a loopback address");
		assertThat(this.site.requestedPaths()).isEmpty();
	}

	@Test
	void refusesNumericFormsOfABlockedAddress() {
		String decimal = "http://2130706433:" + this.site.port() + "/";

		CrawlResult result = Crawlers.aCrawlerAllowing(List.of())
			.crawl(anOrderFor(WebUrls.normalize(decimal).orElseThrow()).build(), new CrawlControl())
			.result();

		assertThat(result.crawled()).isEmpty();
		assertThat(result.errors().values()).singleElement().asString().startsWith("Blocked address: ");
		assertThat(this.site.requestedPaths()).isEmpty();
	}

	@Test
	void refusesARedirectToAHostThatResolvesToABlockedAddress() {
		this.site.page("/", linking("/jump")).redirect("/jump", 302, "http://rebound.test:" + this.site.port() + "/");
		Dns dns = (host) -> List.of(InetAddress.getByName(host.equals("rebound.test") ? "127.0.0.2" : host));

		CrawlOutcome outcome = Crawlers.aCrawlerResolving(dns, List.of("127.0.0.1"))
			.crawl(anOrderFor(this.site.url("/")).crossingOrigins().build(), new CrawlControl());

		assertThat(outcome.result().errors()).containsExactly(entry(this.site.url("/jump"),
				"Blocked address: rebound.test resolves to 127.0.0.2, which is a loopback address"
						+ " (open it in dispycluster.worker.ssrf.allow)"));
		assertThat(outcome.refusal()).isNull();
	}

	@Test
	void refusesARedirectToABlockedLiteral() {
		this.site.page("/", linking("/jump")).redirect("/jump", 302, "http://127.0.0.2:" + this.site.port() + "/");

		CrawlResult result = Crawlers.aCrawlerAllowing(List.of("127.0.0.1"))
			.crawl(anOrderFor(this.site.url("/")).crossingOrigins().build(), new CrawlControl())
			.result();

		assertThat(result.errors().get(this.site.url("/jump"))).startsWith("Blocked address: 127.0.0.2 is a loopback");
	}

	@Test
	void refusesARedirectToTheCloudMetadataAddressWithoutConnecting() {
		this.site.page("/", linking("/metadata"))
			.redirect("/metadata", 302, "http://169.254.169.254/latest/meta-data/");

		long start = System.nanoTime();
		CrawlResult result = Crawlers.aCrawler()
			.crawl(anOrderFor(this.site.url("/")).crossingOrigins().build(), new CrawlControl())
			.result();

		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
		assertThat(result.errors()).containsExactly(entry(this.site.url("/metadata"),
				"Blocked address: 169.254.169.254 is a link-local address (open it in dispycluster.worker.ssrf.allow)"));
	}

	@Test
	void crawlsWhatTheAllowListOpens() {
		this.site.page("/", linking("/a")).page("/a", linking());
		String start = "http://localhost:" + this.site.port() + "/";

		CrawlResult result = Crawlers.aCrawlerAllowing(List.of("localhost"))
			.crawl(anOrderFor(start).build(), new CrawlControl())
			.result();

		assertThat(result.crawled()).containsExactly(start, start + "a");
	}

}

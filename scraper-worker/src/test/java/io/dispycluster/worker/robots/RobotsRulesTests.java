package io.dispycluster.worker.robots;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;

import io.dispycluster.worker.fetch.AbortSignal;
import io.dispycluster.worker.fetch.AddressGuard;
import io.dispycluster.worker.fetch.FetchProperties;
import io.dispycluster.worker.fetch.GuardProperties;
import io.dispycluster.worker.fetch.PageFetcher;
import io.dispycluster.worker.testsupport.FixtureSite;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The worker's memory of robots.txt files stays bounded however many sites its crawls
 * meet, and what it forgets it fetches again.
 */
class RobotsRulesTests {

	private final FixtureSite site = FixtureSite.start();

	@AfterEach
	void closeSite() {
		this.site.close();
	}

	@Test
	void forgetsSitesNotInUseBeyondItsBound() {
		this.site.respond("/robots.txt", 200, "text/plain", "User-agent: *\nDisallow: /private/\n");
		RobotsRules rules = rulesRemembering(8);

		for (int i = 0; i < 40; i++) {
			RobotsVerdict verdict = rules.verdict(urlOnHost("site" + i + ".test", "/private/page"),
					Duration.ofSeconds(5), AbortSignal.NONE);
			assertThat(verdict.kind()).isEqualTo(RobotsVerdict.Kind.DENIED);
			assertThat(rules.size()).isLessThanOrEqualTo(8);
		}
		assertThat(this.site.robotsRequests()).isEqualTo(40);

		// Sites forgotten (which ones is not fixed: all but at most 8) are asked again,
		// and their rules still hold.
		for (int i = 0; i < 40; i++) {
			RobotsVerdict verdict = rules.verdict(urlOnHost("site" + i + ".test", "/private/page"),
					Duration.ofSeconds(5), AbortSignal.NONE);
			assertThat(verdict.kind()).isEqualTo(RobotsVerdict.Kind.DENIED);
		}
		assertThat(this.site.robotsRequests()).isGreaterThanOrEqualTo(40 + 32);
	}

	// Every host name resolves to the fixture site, on loopback.
	private RobotsRules rulesRemembering(int maxSites) {
		AddressGuard guard = new AddressGuard(new GuardProperties(List.of("127.0.0.0/8")));
		FetchProperties fetch = new FetchProperties("DispyClusterBot/test", DataSize.ofMegabytes(2), 5, 0,
				Duration.ofMillis(50), Duration.ofSeconds(2), false);
		PageFetcher fetcher = new PageFetcher(
				PageFetcher.newClient(guard, (host) -> List.of(InetAddress.getLoopbackAddress())), fetch, guard);
		return new RobotsRules(fetcher, fetch, new RobotsProperties(true, Duration.ofHours(1), Duration.ofSeconds(10),
				3, Duration.ofMillis(50), Duration.ofMinutes(10)), maxSites);
	}

	private String urlOnHost(String host, String path) {
		return "http://" + host + ":" + this.site.port() + path;
	}

}

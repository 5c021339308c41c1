package io.dispycluster.worker.crawl;

import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.dispycluster.worker.robots.RobotsProperties;
import io.dispycluster.worker.testsupport.FixtureSite;
import okhttp3.Dns;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.dispycluster.worker.crawl.CrawlOrderBuilder.anOrderFor;
import static io.dispycluster.worker.crawl.Pages.linking;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.awaitility.Awaitility.await;

/**
 * robots.txt in a crawl: allow and deny, statuses that allow everything, failures that
 * are retried and then skip the site, Crawl-delay and its cap, the cache.
 */
class CrawlerRobotsTests {

	private static final String TEXT = "text/plain";

	private final FixtureSite site = FixtureSite.start();

	private final Crawler crawler = Crawlers.aCrawlerWithRobots(Crawlers.robots());

	@AfterEach
	void closeSite() {
		this.site.close();
	}

	@Test
	void skipsWhatRobotsTxtDisallows() {
		this.site.respond("/robots.txt", 200, TEXT, "User-agent: *\nDisallow: /private/\n")
			.page("/", linking("/private/secret.html", "/public.html"))
			.page("/public.html", linking())
			.page("/private/secret.html", linking());

		CrawlOutcome outcome = crawl(anOrderFor(this.site.url("/")));

		assertThat(outcome.result().crawled()).containsExactly(this.site.url("/"), this.site.url("/public.html"));
		assertThat(outcome.result().errors())
			.containsExactly(entry(this.site.url("/private/secret.html"), "Denied by robots.txt"));
		assertThat(outcome.states()).containsEntry(PageState.ROBOTS_DENIED, 1);
		assertThat(this.site.requestedPaths()).doesNotContain("/private/secret.html");
	}

	@Test
	void obeysTheGroupForItsOwnUserAgent() {
		this.site
			.respond("/robots.txt", 200, TEXT,
					"User-agent: DispyClusterBot\nDisallow: /no-bots/\n\nUser-agent: *\nDisallow:\n")
			.page("/", linking("/no-bots/a.html"));

		CrawlResult result = crawl(anOrderFor(this.site.url("/"))).result();

		assertThat(result.errors()).containsExactly(entry(this.site.url("/no-bots/a.html"), "Denied by robots.txt"));
	}

	@Test
	void obeysTheGroupForAJobsOwnUserAgentAndCachesEachAgentApart() {
		this.site
			.respond("/robots.txt", 200, TEXT,
					"User-agent: ShopBot\nDisallow: /prices/\n\nUser-agent: DispyClusterBot\nDisallow: /no-bots/\n")
			.page("/", linking("/prices/a.html", "/no-bots/b.html"))
			.page("/prices/a.html", linking())
			.page("/no-bots/b.html", linking());

		CrawlResult own = crawl(anOrderFor(this.site.url("/")).withUserAgent("ShopBot/2.0 (+https://shop.example)"))
			.result();
		CrawlResult worker = crawl(anOrderFor(this.site.url("/"))).result();

		assertThat(own.errors()).containsExactly(entry(this.site.url("/prices/a.html"), "Denied by robots.txt"));
		assertThat(own.crawled()).contains(this.site.url("/no-bots/b.html"));
		assertThat(worker.errors()).containsExactly(entry(this.site.url("/no-bots/b.html"), "Denied by robots.txt"));
		assertThat(worker.crawled()).contains(this.site.url("/prices/a.html"));
		assertThat(this.site.robotsUserAgents()).containsExactly("ShopBot/2.0 (+https://shop.example)",
				Crawlers.USER_AGENT);
	}

	@Test
	void failsACrawlWhoseStartUrlRobotsTxtDisallows() {
		this.site.respond("/robots.txt", 200, TEXT, "User-agent: *\nDisallow: /\n").page("/", linking());

		CrawlOutcome outcome = crawl(anOrderFor(this.site.url("/")));

		assertThat(outcome.refusal()).isEqualTo("Denied by robots.txt");
		assertThat(this.site.requestedPaths()).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(ints = { 401, 403, 404, 410 })
	void allowsEverythingWhenRobotsTxtIsMissingOrForbidden(int status) {
		this.site.respond("/robots.txt", status, TEXT, "Disallow: /").page("/", linking("/a")).page("/a", linking());

		CrawlResult result = crawl(anOrderFor(this.site.url("/"))).result();

		assertThat(result.crawled()).containsExactly(this.site.url("/"), this.site.url("/a"));
	}

	@Test
	void retriesARobotsTxtThatFailsThenSkipsTheSite() {
		this.site.respond("/robots.txt", 503, TEXT, "busy").page("/", linking());

		CrawlOutcome outcome = crawl(anOrderFor(this.site.url("/")));

		String reason = "robots.txt unavailable after 3 attempts (HTTP 503); site skipped";
		assertThat(outcome.result().errors()).containsExactly(entry(this.site.url("/"), reason));
		assertThat(outcome.refusal()).isEqualTo(reason);
		assertThat(this.site.robotsRequests()).isEqualTo(3);
		assertThat(this.site.requestedPaths()).isEmpty();
	}

	@Test
	void crawlsOnceRobotsTxtAnswersAfterAFailure() {
		AtomicInteger calls = new AtomicInteger();
		this.site.handle("/robots.txt", (exchange) -> {
			int status = (calls.incrementAndGet() == 1) ? 500 : 200;
			exchange.getResponseHeaders().set("Content-Type", TEXT);
			exchange.sendResponseHeaders(status, -1);
			exchange.close();
		}).page("/", linking());

		CrawlResult result = crawl(anOrderFor(this.site.url("/"))).result();

		assertThat(result.crawled()).containsExactly(this.site.url("/"));
		assertThat(this.site.robotsRequests()).isEqualTo(2);
	}

	@Test
	void treatsARobotsTxtTimeoutAsAFailureNotAPermission() {
		this.site.slowPage("/robots.txt", Duration.ofSeconds(10), "").page("/", linking());

		CrawlOutcome outcome = crawl(anOrderFor(this.site.url("/")).withRequestTimeout(Duration.ofMillis(200)));

		assertThat(outcome.result().errors().get(this.site.url("/")))
			.isEqualTo("robots.txt unavailable after 3 attempts (Timeout: no complete response within 200 ms);"
					+ " site skipped");
		assertThat(this.site.requestedPaths()).isEmpty();
	}

	@Test
	void skipsASiteWhoseRobotsTxtTimedOutOnlyForCrawlsThatWouldNotWaitLonger() {
		this.site.slowPage("/robots.txt", Duration.ofMillis(700), "User-agent: *\nDisallow:\n").page("/", linking());

		CrawlOutcome hasty = crawl(anOrderFor(this.site.url("/")).withRequestTimeout(Duration.ofMillis(200)));
		CrawlOutcome asHasty = crawl(anOrderFor(this.site.url("/")).withRequestTimeout(Duration.ofMillis(200)));
		// The site counts a request when its handler starts, which on a busy machine can
		// be
		// after the client gave up on it.
		await().atMost(Duration.ofSeconds(5)).until(() -> this.site.robotsRequests() >= 3);
		long robotsRequests = this.site.robotsRequests();
		CrawlOutcome patient = crawl(anOrderFor(this.site.url("/")).withRequestTimeout(Duration.ofSeconds(5)));

		assertThat(hasty.refusal()).startsWith("robots.txt unavailable after 3 attempts (Timeout");
		assertThat(asHasty.refusal()).isEqualTo(hasty.refusal());
		assertThat(robotsRequests).isEqualTo(3);
		assertThat(patient.refusal()).isNull();
		assertThat(patient.result().crawled()).containsExactly(this.site.url("/"));
	}

	@Test
	void stopsACancelledCrawlThatWaitsForAnotherCrawlsRobotsTxtWithinASecond() {
		this.site.slowPage("/robots.txt", Duration.ofSeconds(10), "User-agent: *\nDisallow:\n").page("/", linking());
		CompletableFuture.runAsync(() -> crawl(anOrderFor(this.site.url("/"))));
		await().atMost(Duration.ofSeconds(5)).until(() -> this.site.robotsRequests() == 1);
		CrawlControl control = new CrawlControl();
		CompletableFuture<CrawlOutcome> waiting = new CompletableFuture<>();
		Thread thread = new Thread(
				() -> waiting.complete(this.crawler.crawl(anOrderFor(this.site.url("/")).build(), control)));
		thread.start();
		await().atMost(Duration.ofSeconds(5))
			.until(() -> thread.getState() == Thread.State.BLOCKED || thread.getState() == Thread.State.TIMED_WAITING);

		control.cancel();

		CrawlOutcome outcome = waiting.orTimeout(1, TimeUnit.SECONDS).join();
		assertThat(outcome.result().stopReason()).isEqualTo("cancelled");
		assertThat(this.site.robotsRequests()).isEqualTo(1);
	}

	@Test
	void honoursCrawlDelayUpToTheCap() {
		RobotsProperties capped = new RobotsProperties(true, Duration.ofHours(1), Duration.ofMillis(300), 3,
				Duration.ofMillis(50), Duration.ofMinutes(10));
		this.site.respond("/robots.txt", 200, TEXT, "User-agent: *\nCrawl-delay: 30\n")
			.page("/", linking("/a", "/b"))
			.page("/a", linking())
			.page("/b", linking());

		long start = System.nanoTime();
		Crawlers.aCrawlerWithRobots(capped).crawl(anOrderFor(this.site.url("/")).build(), new CrawlControl());

		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
		List<FixtureSite.Request> requests = this.site.requests();
		assertThat(requests).hasSize(3);
		for (int i = 1; i < requests.size(); i++) {
			long gap = requests.get(i).nanoTime() - requests.get(i - 1).nanoTime();
			assertThat(Duration.ofNanos(gap)).isGreaterThanOrEqualTo(Duration.ofMillis(250));
		}
	}

	@Test
	void fetchesASitesRobotsTxtOnceForEveryCrawl() {
		this.site.respond("/robots.txt", 200, TEXT, "User-agent: *\nDisallow:\n")
			.page("/", linking("/a"))
			.page("/a", linking());

		crawl(anOrderFor(this.site.url("/")));
		crawl(anOrderFor(this.site.url("/a")));

		assertThat(this.site.robotsRequests()).isEqualTo(1);
	}

	@Test
	void asksRobotsTxtForEveryRedirectHop() {
		this.site.respond("/robots.txt", 200, TEXT, "User-agent: *\nDisallow: /private/\n")
			.page("/", linking("/go"))
			.redirect("/go", 302, "/private/target.html");

		CrawlResult result = crawl(anOrderFor(this.site.url("/"))).result();

		// recorded under /go, which robots.txt allows: the reason names the URL it denies
		assertThat(result.errors()).containsExactly(entry(this.site.url("/go"),
				"Redirected to " + this.site.url("/private/target.html") + ": Denied by robots.txt"));
		assertThat(this.site.requestedPaths()).doesNotContain("/private/target.html");
	}

	@Test
	void failsACrawlWhoseStartUrlRedirectsWhereRobotsTxtDisallowsNamingThatUrl() {
		this.site.respond("/robots.txt", 200, TEXT, "User-agent: *\nDisallow: /private/\n")
			.redirect("/", 302, "/private/home.html");

		CrawlOutcome outcome = crawl(anOrderFor(this.site.url("/")));

		assertThat(outcome.refusal())
			.isEqualTo("Redirected to " + this.site.url("/private/home.html") + ": Denied by robots.txt");
		assertThat(this.site.requestedPaths()).containsExactly("/");
	}

	@Test
	void ignoresRobotsTxtWhenTurnedOff() {
		RobotsProperties off = new RobotsProperties(false, Duration.ofHours(1), Duration.ofSeconds(10), 3,
				Duration.ofMillis(50), Duration.ofMinutes(10));
		this.site.respond("/robots.txt", 200, TEXT, "User-agent: *\nDisallow: /\n").page("/", linking());

		CrawlResult result = Crawlers.aCrawlerWithRobots(off)
			.crawl(anOrderFor(this.site.url("/")).build(), new CrawlControl())
			.result();

		assertThat(result.crawled()).containsExactly(this.site.url("/"));
		assertThat(this.site.robotsRequests()).isZero();
	}

	@Test
	void failsAUrlOfAnUnknownHostAtOnceWithThatReasonNotAsARobotsRefusal() {
		Dns dns = (host) -> {
			throw new UnknownHostException(host);
		};
		Crawler crawler = Crawlers.aCrawlerResolving(dns, Crawlers.LOOPBACK);
		long start = System.nanoTime();

		CrawlOutcome outcome = crawler.crawl(anOrderFor("http://nowhere.test/").build(), new CrawlControl());

		// A host that does not resolve has no robots.txt to wait for: retrying it, then
		// skipping the "site" as if its robots.txt were failing, hid the real reason.
		assertThat(outcome.result().errors())
			.containsExactly(entry("http://nowhere.test/", "Unknown host: nowhere.test"));
		assertThat(outcome.states()).containsExactly(entry(PageState.FETCH_ERROR, 1));
		assertThat(outcome.refusal()).isNull();
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
	}

	private CrawlOutcome crawl(CrawlOrderBuilder order) {
		return this.crawler.crawl(order.build(), new CrawlControl());
	}

}

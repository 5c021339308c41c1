package io.dispycluster.worker.crawl;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import io.dispycluster.model.job.PiiFindings;
import io.dispycluster.worker.testsupport.FixtureSite;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

import static io.dispycluster.worker.crawl.CrawlOrderBuilder.anOrderFor;
import static io.dispycluster.worker.crawl.Pages.linking;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * The crawl's order, scope and link rules, against a site served on loopback.
 */
class CrawlerTests {

	private final FixtureSite site = FixtureSite.start();

	private final Crawler crawler = Crawlers.aCrawler();

	@AfterEach
	void closeSite() {
		this.site.close();
	}

	@Test
	void crawlsBreadthFirstFromTheStartUrl() {
		this.site.page("/", linking("/a.html", "/b.html"))
			.page("/a.html", linking("/c.html"))
			.page("/b.html", linking("/d.html"))
			.page("/c.html", linking())
			.page("/d.html", linking("/"));

		CrawlResult result = crawl(anOrderFor(this.site.url("/")));

		assertThat(result.crawled()).containsExactly(this.site.url("/"), this.site.url("/a.html"),
				this.site.url("/b.html"), this.site.url("/c.html"), this.site.url("/d.html"));
		assertThat(result.pages()).extracting(PageDetail::depth).containsExactly(0, 1, 1, 2, 2);
		assertThat(result.pages()).extracting(PageDetail::links).containsExactly(2, 1, 1, 0, 1);
		assertThat(result.pages()).extracting(PageDetail::title).containsOnly("Page");
		assertThat(result.pages()).extracting(PageDetail::status).containsOnly(200);
		assertThat(result.piiByUrl()).containsOnlyKeys(result.crawled());
		assertThat(result.errors()).isEmpty();
		assertThat(result.stopReason()).isEqualTo("frontier_exhausted");
	}

	@Test
	void followsOnlyWhereAVisitorGoesNeverWhatAPageEmbeds() {
		this.site.page("/", """
				<html><head><link rel="stylesheet" href="/style.css"><link rel="icon" href="/favicon.ico">
				<script src="/app.js"></script></head>
				<body><img src="/logo.png"><iframe src="/frame.html"></iframe>
				<map name="m"><area href="/area.html" alt="area"></map><a href="/a.html">a</a></body></html>
				""").page("/area.html", linking()).page("/a.html", linking());

		crawl(anOrderFor(this.site.url("/")));

		assertThat(this.site.requestedPaths()).containsExactly("/", "/area.html", "/a.html");
	}

	@Test
	void followsAMetaRefreshAndTheFramesOfAFrameset() {
		this.site.page("/", """
				<html><head><meta http-equiv="refresh" content="0; url=/en/"></head>
				<body>Redirecting…</body></html>""")
			.page("/en/", """
					<html><frameset><frame src="/en/menu.html"><frame src="/en/main.html"></frameset></html>""")
			.page("/en/menu.html", linking())
			.page("/en/main.html", linking());

		CrawlResult result = crawl(anOrderFor(this.site.url("/")));

		assertThat(result.crawled()).containsExactly(this.site.url("/"), this.site.url("/en/"),
				this.site.url("/en/menu.html"), this.site.url("/en/main.html"));
	}

	@Test
	void followsOnlyLinksWithTheStartUrlsHostAndPort() {
		try (FixtureSite other = FixtureSite.start()) {
			other.page("/", linking());
			String start = "http://localhost:" + this.site.port() + "/";
			this.site
				.page("/",
						linking("/in.html", "http://LOCALHOST:" + this.site.port() + "/upper.html",
								this.site.url("/by-address.html"), other.url("/")))
				.page("/in.html", linking())
				.page("/upper.html", linking())
				.page("/by-address.html", linking());

			CrawlResult result = crawl(anOrderFor(start));

			assertThat(result.crawled()).containsExactly(start, start + "in.html", start + "upper.html");
			assertThat(other.requestedPaths()).isEmpty();
		}
	}

	@Test
	void followsLinksToOtherSitesWhenSameOriginIsOff() {
		try (FixtureSite other = FixtureSite.start()) {
			other.page("/", linking());
			this.site.page("/", linking(other.url("/")));

			CrawlResult result = crawl(anOrderFor(this.site.url("/")).crossingOrigins());

			assertThat(result.crawled()).containsExactly(this.site.url("/"), other.url("/"));
		}
	}

	@Test
	void resolvesLinksAgainstTheUrlAfterRedirects() {
		this.site.page("/", linking("/old"))
			.redirect("/old", 301, "/dir/new.html")
			.page("/dir/new.html", linking("child.html", "/dir/new.html"))
			.page("/dir/child.html", linking());

		CrawlResult result = crawl(anOrderFor(this.site.url("/")));

		assertThat(result.crawled()).containsExactly(this.site.url("/"), this.site.url("/old"),
				this.site.url("/dir/child.html"));
		assertThat(this.site.requestedPaths()).containsExactly("/", "/old", "/dir/new.html", "/dir/child.html");
	}

	@Test
	void followsALocationOfRawBytesAsBrowsersDoEachByteBeyondAsciiPercentEncoded() {
		// A server of Latin-1 file names writes "/café" as the bytes of Latin-1 (é is
		// E9), one of UTF-8 names as those of UTF-8 (C3 A9): either asks for the bytes it
		// wrote, which browsers send back percent-encoded.
		this.site.page("/", linking("/latin", "/utf8"))
			.redirect("/latin", 302, "/caf\u00e9.html")
			.redirect("/utf8", 302, "/na\u00c3\u00afve.html")
			.page("/caf%E9.html", linking())
			.page("/na%C3%AFve.html", linking());

		CrawlResult result = crawl(anOrderFor(this.site.url("/")));

		assertThat(this.site.requestedPaths()).containsExactly("/", "/latin", "/caf%E9.html", "/utf8",
				"/na%C3%AFve.html");
		assertThat(result.errors()).isEmpty();
	}

	@Test
	void leavesOutLinksAndRedirectsToUrlsLongerThanServersAccept() {
		String longest = "/" + "a".repeat(8192 - this.site.url("/").length());
		String tooLong = longest + "b";
		this.site.page("/", linking(longest, tooLong, "/moved"))
			.page(longest, linking())
			.redirect("/moved", 302, tooLong)
			.page(tooLong, linking());

		CrawlResult result = crawl(anOrderFor(this.site.url("/")));

		assertThat(this.site.requestedPaths()).containsExactly("/", longest, "/moved");
		assertThat(result.pages().get(0).links()).isEqualTo(2);
		assertThat(result.errors()).containsOnlyKeys(this.site.url("/moved"));
	}

	@Test
	void followsRedirectsToAbsoluteLocations() {
		this.site.page("/", linking("/moved"))
			.redirect("/moved", 302, "{{base}}/dir/new.html")
			.page("/dir/new.html", linking("child.html"))
			.page("/dir/child.html", linking());

		CrawlResult result = crawl(anOrderFor(this.site.url("/")));

		assertThat(result.crawled()).containsExactly(this.site.url("/"), this.site.url("/moved"),
				this.site.url("/dir/child.html"));
	}

	@Test
	void crawlsAPageThatRedirectsReachOnlyOnce() {
		this.site.page("/", linking("/docs", "/docs/", "/latest", "/other"))
			.redirect("/docs", 301, "/docs/")
			.redirect("/latest", 302, "/docs/")
			.redirect("/other", 302, "/other/")
			.page("/docs/", linking("/docs"))
			.page("/other/", linking());

		CrawlResult result = crawl(anOrderFor(this.site.url("/")).withMaxPages(4));

		assertThat(result.crawled()).containsExactly(this.site.url("/"), this.site.url("/docs/"),
				this.site.url("/other"));
		assertThat(result.errors()).isEmpty();
		assertThat(result.stopReason()).isEqualTo("frontier_exhausted");
		assertThat(this.site.requestedPaths()).containsOnlyOnce("/docs/");
	}

	@Test
	void followsUpToFiveRedirectsFromOneUrl() {
		this.site.page("/", linking("/five1", "/six1"));
		for (int hop = 1; hop <= 5; hop++) {
			this.site.redirect("/five" + hop, 302, (hop < 5) ? "/five" + (hop + 1) : "/landing");
		}
		for (int hop = 1; hop <= 6; hop++) {
			this.site.redirect("/six" + hop, 307, (hop < 6) ? "/six" + (hop + 1) : "/landing");
		}
		this.site.page("/landing", linking());

		CrawlResult result = crawl(anOrderFor(this.site.url("/")));

		assertThat(result.crawled()).containsExactly(this.site.url("/"), this.site.url("/five1"));
		assertThat(result.errors()).containsExactly(entry(this.site.url("/six1"), "More than 5 redirects"));
		assertThat(this.site.requestedPaths()).containsOnlyOnce("/landing").contains("/six6");
	}

	@Test
	void reportsARedirectLoopWithItsChainAndRequestsEachUrlOnce() {
		this.site.page("/", linking("/a", "/self", "/c"))
			.redirect("/a", 302, "/b")
			.redirect("/b", 301, "{{base}}/a")
			.redirect("/self", 307, "/self")
			.redirect("/c", 302, "/d?")
			.redirect("/d", 302, "/e")
			.redirect("/e", 308, "/d#again");

		CrawlResult result = crawl(anOrderFor(this.site.url("/")));

		assertThat(result.crawled()).containsExactly(this.site.url("/"));
		assertThat(result.errors()).containsOnly(
				entry(this.site.url("/a"),
						"Redirect loop: " + this.site.url("/a") + " → " + this.site.url("/b") + " → "
								+ this.site.url("/a")),
				entry(this.site.url("/self"),
						"Redirect loop: " + this.site.url("/self") + " → " + this.site.url("/self")),
				entry(this.site.url("/c"), "Redirect loop: " + this.site.url("/c") + " → " + this.site.url("/d") + " → "
						+ this.site.url("/e") + " → " + this.site.url("/d")));
		assertThat(result.states()).containsEntry("http_error", 3);
		assertThat(this.site.requestedPaths()).containsExactly("/", "/a", "/b", "/self", "/c", "/d", "/e");
	}

	@Test
	void reportsAStartUrlThatRedirectsBackToItselfAsALoop() {
		this.site.redirect("/", 302, "/home").redirect("/home", 302, "/");

		CrawlResult result = crawl(anOrderFor(this.site.url("/")));

		assertThat(result.crawled()).isEmpty();
		assertThat(result.errors()).containsExactly(entry(this.site.url("/"),
				"Redirect loop: " + this.site.url("/") + " → " + this.site.url("/home") + " → " + this.site.url("/")));
	}

	@Test
	void refusesARedirectOutOfScope() {
		try (FixtureSite other = FixtureSite.start()) {
			other.page("/", linking());
			this.site.page("/", linking("/away")).redirect("/away", 302, other.url("/"));

			CrawlResult result = crawl(anOrderFor(this.site.url("/")));

			assertThat(result.errors()).containsExactly(
					entry(this.site.url("/away"), "Redirected out of the crawl's scope to " + other.url("/")));
			assertThat(other.requestedPaths()).isEmpty();
		}
	}

	@Test
	void followsTheStartUrlWhereverItRedirects() {
		try (FixtureSite other = FixtureSite.start()) {
			other.page("/home", linking());
			this.site.redirect("/", 301, other.url("/home"));

			CrawlResult result = crawl(anOrderFor(this.site.url("/")));

			assertThat(result.crawled()).containsExactly(this.site.url("/"));
			assertThat(other.requestedPaths()).containsExactly("/home");
		}
	}

	@Test
	void followsTheLinksOfTheSiteTheStartUrlRedirectsTo() {
		try (FixtureSite other = FixtureSite.start()) {
			other.page("/", linking());
			String start = "http://localhost:" + this.site.port() + "/";
			this.site.redirect("/", 301, this.site.url("/home"))
				.page("/home", linking("/a.html", other.url("/")))
				.page("/a.html", linking());

			CrawlResult result = crawl(anOrderFor(start));

			assertThat(result.crawled()).containsExactly(start, this.site.url("/a.html"));
			assertThat(result.states()).containsEntry("out_of_scope", 1);
			assertThat(other.requestedPaths()).isEmpty();
		}
	}

	@Test
	void recordsARedirectWithoutAUsableLocationAsAnHttpError() {
		this.site.page("/", linking("/nowhere")).redirect("/nowhere", 302, "mailto:someone@example.org");

		CrawlResult result = crawl(anOrderFor(this.site.url("/")));

		assertThat(result.errors()).containsExactly(entry(this.site.url("/nowhere"), "HTTP 302 / type "));
	}

	@Test
	void resolvesLinksAgainstTheBaseHref() {
		this.site.page("/", """
				<html><head><base href="/other/"></head><body><a href="x.html">x</a></body></html>
				""").page("/other/x.html", linking());

		CrawlResult result = crawl(anOrderFor(this.site.url("/")));

		assertThat(result.crawled()).containsExactly(this.site.url("/"), this.site.url("/other/x.html"));
	}

	@Test
	void dropsFragmentsAndVisitsEachUrlOnce() {
		this.site.page("/", linking("a.html#top", "a.html#bottom", "./a.html", "/a.html", "#only", "/"))
			.page("/a.html", linking("/#again", "a.html"));

		CrawlResult result = crawl(anOrderFor(this.site.url("/")));

		assertThat(result.crawled()).containsExactly(this.site.url("/"), this.site.url("/a.html"));
		assertThat(this.site.requestedPaths()).containsExactly("/", "/a.html");
	}

	@Test
	void visitsEachUrlOnceAfterNormalisation() {
		String host = "127.0.0.1:" + this.site.port();
		this.site
			.page("/",
					linking("HTTP://" + host + "/a", "http://" + host + "/b/../a", "/./a", "/a#x", "a",
							"http://" + host, "/b?x=1", "/b?x=1#y"))
			.page("/a", linking())
			.page("/b?x=1", linking());

		CrawlResult result = crawl(anOrderFor(this.site.url("/")));

		assertThat(result.crawled()).containsExactly(this.site.url("/"), this.site.url("/a"), this.site.url("/b?x=1"));
		assertThat(this.site.requestedPaths()).containsExactly("/", "/a", "/b?x=1");
	}

	@Test
	void visitsAPageOnceWhateverEmptyQueryFragmentOrEscapeCaseItsLinksAdd() {
		this.site.page("/", linking("/page/?", "/page/", "/page/?#top", "/page/#", "/caf%c3%a9", "/caf%C3%A9?"))
			.page("/page/", linking("?", "#"))
			.page("/caf%C3%A9", linking("/page/?"));

		CrawlResult result = crawl(anOrderFor(this.site.url("/")));

		assertThat(result.crawled()).containsExactly(this.site.url("/"), this.site.url("/page/"),
				this.site.url("/caf%C3%A9"));
		assertThat(result.pages()).extracting(PageDetail::links).containsExactly(2, 1, 1);
		assertThat(result.errors()).isEmpty();
		assertThat(this.site.requestedPaths()).containsExactly("/", "/page/", "/caf%C3%A9");
	}

	@Test
	void visitsAPageOnceWhetherItsLinksEscapeCharactersThatNeedNoEscape() {
		// A server reads /%7Eteam/ as /~team/ and /%74eam as /team: one page each.
		this.site.page("/", linking("/~team/", "/%7eteam/", "/%7Eteam/", "/%74eam", "/team"))
			.page("/~team/", linking("/%7Eteam/"))
			.page("/team", linking());

		CrawlResult result = crawl(anOrderFor(this.site.url("/")));

		assertThat(result.crawled()).containsExactly(this.site.url("/"), this.site.url("/~team/"),
				this.site.url("/team"));
		assertThat(result.errors()).isEmpty();
		assertThat(this.site.requestedPaths()).containsExactly("/", "/~team/", "/team");
	}

	@Test
	void countsOnlyAcceptedPagesTowardsMaxPages() {
		this.site.page("/", linking("/missing", "/p2", "/p3", "/p4", "/p5"))
			.page("/p2", linking())
			.page("/p3", linking())
			.page("/p4", linking())
			.page("/p5", linking());

		CrawlResult result = crawl(anOrderFor(this.site.url("/")).withMaxPages(3));

		assertThat(result.crawled()).containsExactly(this.site.url("/"), this.site.url("/p2"), this.site.url("/p3"));
		assertThat(result.errors())
			.containsExactly(entry(this.site.url("/missing"), "HTTP 404 / type text/html;charset=utf-8"));
		assertThat(result.stopReason()).isEqualTo("max_pages");
	}

	@Test
	void boundsTheFrontierToThreeTimesMaxPages() {
		this.site.page("/", linking("/1", "/2", "/3", "/4", "/5", "/6", "/7", "/8", "/9", "/10"));

		CrawlResult result = crawl(anOrderFor(this.site.url("/")).withMaxPages(2));

		assertThat(this.site.requestedPaths()).containsExactly("/", "/1", "/2", "/3", "/4", "/5");
		assertThat(result.errors()).hasSize(5);
		// links were left out: the crawl says so rather than "nothing left to visit"
		assertThat(result.stopReason()).isEqualTo("frontier_full");
	}

	@Test
	void countsAUrlAndTheUrlItRedirectsToAsOneTowardsTheFrontiersBound() {
		// 8 URLs queued of the 9 that max_pages 3 allows: /p's redirect to /p/ leaves
		// room
		// for /q.
		this.site.page("/", linking("/1.pdf", "/2.pdf", "/3.pdf", "/4.pdf", "/5.pdf", "/6.pdf", "/p"))
			.redirect("/p", 301, "/p/")
			.page("/p/", linking("/q"))
			.page("/q", linking());

		CrawlResult result = crawl(anOrderFor(this.site.url("/")).withMaxPages(3));

		assertThat(result.crawled()).containsExactly(this.site.url("/"), this.site.url("/p"), this.site.url("/q"));
		assertThat(result.stopReason()).isEqualTo("max_pages");
	}

	@Test
	void saysTheFrontierWasFullWhenLinksToOtherFilesCrowdedPagesOut() {
		List<String> links = new ArrayList<>();
		IntStream.range(0, 40).forEach((i) -> links.add("/files/" + i + ".pdf"));
		IntStream.range(0, 5).forEach((i) -> links.add("/page" + i));
		this.site.page("/", linking(links.toArray(String[]::new)));

		CrawlResult result = crawl(anOrderFor(this.site.url("/")).withMaxPages(10));

		assertThat(result.crawled()).containsExactly(this.site.url("/"));
		assertThat(result.stopReason()).isEqualTo("frontier_full");
	}

	@Test
	void findsPersonalDataInVisibleTextAndContactLinksOnly() {
		this.site.pageFrom("/", "contact.html");

		CrawlResult result = crawl(anOrderFor(this.site.url("/")));

		assertThat(result.piiByUrl().get(this.site.url("/")))
			.isEqualTo(new PiiFindings(List.of("alice@example.org", "bob@example.org"),
					List.of("(555) 123-4567", "+33 1 23 45 67 89", "+33612345678")));
	}

	@Test
	void listsEachAddressOfAPageOnceWhateverItsCase() {
		this.site.page("/", """
				<html><body><p>Sales: Sales@Shop.Example.ORG, sales@shop.example.org</p>
				<a href="mailto:SALES@SHOP.EXAMPLE.ORG">write</a> <a href="mailto:Help@Shop.Example.org">help</a>
				</body></html>""");

		CrawlResult result = crawl(anOrderFor(this.site.url("/")));

		assertThat(result.piiByUrl().get(this.site.url("/")).emails()).containsExactly("Help@shop.example.org",
				"Sales@shop.example.org");
	}

	@Test
	void findsAddressesInDisguiseOnceAmongTheirPlainForms() {
		this.site.page("/",
				"""
						<html><body><p>John: John.Smith@Example.org, john.smith [at] example [dot] org,
						JOHN DOT SMITH AT EXAMPLE DOT ORG</p>
						<p>Sales: sales(at)example(dot)org <a href="mailto:john.smith%40example.org">write</a></p>
						<p>Jean : jean [arobase] exemple [point] fr</p>
						<p>Contact: <span data-cfemail="5a3935342e3b392e1a3f223b372a363f7435283d">[email&#160;protected]</span></p>
						<p>Meet me at the park dot com, or find us at example dot com.</p></body></html>""");

		CrawlResult result = crawl(anOrderFor(this.site.url("/")));

		assertThat(result.piiByUrl().get(this.site.url("/")).emails()).containsExactly("John.Smith@example.org",
				"contact@example.org", "jean@exemple.fr", "sales@example.org");
	}

	@Test
	void recordsDetailPerPageAndCountsPerState() {
		String home = "<html><head><title>Home</title><meta name=\"description\" content=\" The  home page \"></head>"
				+ "<body><a href=\"/missing\">m</a><a href=\"/style.css\">s</a></body></html>";
		this.site.redirect("/", 302, "/home").page("/home", home).respond("/style.css", 200, "text/css", "x");

		CrawlOutcome outcome = this.crawler.crawl(anOrderFor(this.site.url("/")).build(), new CrawlControl());

		PageDetail page = outcome.result().pages().get(0);
		assertThat(page.url()).isEqualTo(this.site.url("/"));
		assertThat(page.finalUrl()).isEqualTo(this.site.url("/home"));
		assertThat(page.contentType()).isEqualTo("text/html;charset=utf-8");
		assertThat(page.title()).isEqualTo("Home");
		assertThat(page.description()).isEqualTo("The home page");
		assertThat(page.bytes()).isEqualTo(home.length());
		assertThat(page.fetchMs()).isNotNegative();
		assertThat(outcome.result().states()).containsExactly(entry("crawled", 1), entry("http_error", 1),
				entry("not_html", 1));
	}

	@Test
	void sendsTheConfiguredUserAgent() {
		this.site.page("/", linking());

		crawl(anOrderFor(this.site.url("/")));

		assertThat(this.site.requests()).extracting(FixtureSite.Request::userAgent).containsOnly(Crawlers.USER_AGENT);
	}

	@Test
	void spacesRequestsToTheSameHostByThePolitenessDelay() {
		this.site.page("/", linking("/a", "/b")).page("/a", linking()).page("/b", linking());

		crawl(anOrderFor(this.site.url("/")).withPolitenessDelay(Duration.ofMillis(300)));

		var requests = this.site.requests();
		assertThat(requests).hasSize(3);
		// Measured where politeness matters, at the site. On a busy machine one request
		// can
		// reach the site late and the next on time, so a single gap may look shorter than
		// the delay the crawler kept between their starts; without the delay the gaps
		// would
		// be a few milliseconds.
		for (int i = 1; i < requests.size(); i++) {
			long gap = requests.get(i).nanoTime() - requests.get(i - 1).nanoTime();
			assertThat(Duration.ofNanos(gap)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
		}
		long span = requests.get(2).nanoTime() - requests.get(0).nanoTime();
		assertThat(Duration.ofNanos(span)).isGreaterThanOrEqualTo(Duration.ofMillis(500));
	}

	@Test
	void countsPagesByStateBytesAndLatencyInMetrics() {
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		Crawler measured = Crawlers.aCrawler(registry, DataSize.ofMegabytes(2));
		this.site.page("/", linking("/a", "/missing")).page("/a", linking());

		measured.crawl(anOrderFor(this.site.url("/")).build(), new CrawlControl());

		assertThat(registry.get("dispycluster.worker.pages").tag("state", "crawled").counter().count()).isEqualTo(2);
		assertThat(registry.get("dispycluster.worker.pages").tag("state", "http_error").counter().count()).isEqualTo(1);
		assertThat(registry.get("dispycluster.worker.fetched").counter().count()).isPositive();
		assertThat(registry.get("dispycluster.worker.fetch.latency").timer().count()).isEqualTo(3);
	}

	private CrawlResult crawl(CrawlOrderBuilder order) {
		return this.crawler.crawl(order.build(), new CrawlControl()).result();
	}

}

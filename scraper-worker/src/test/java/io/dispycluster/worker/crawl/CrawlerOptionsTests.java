package io.dispycluster.worker.crawl;

import java.util.LinkedHashMap;
import java.util.Map;

import io.dispycluster.worker.extract.FieldRule;
import io.dispycluster.worker.testsupport.FixtureSite;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static io.dispycluster.worker.crawl.CrawlOrderBuilder.anOrderFor;
import static io.dispycluster.worker.crawl.Pages.linking;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * The optional job fields in a crawl: depth, include and exclude patterns, user agent.
 */
class CrawlerOptionsTests {

	private final FixtureSite site = FixtureSite.start();

	private final Crawler crawler = Crawlers.aCrawler();

	@AfterEach
	void closeSite() {
		this.site.close();
	}

	@Test
	void followsLinksNoDeeperThanMaxDepth() {
		this.site.page("/", linking("/a")).page("/a", linking("/b")).page("/b", linking());

		CrawlOutcome outcome = crawl(anOrderFor(this.site.url("/")).withMaxDepth(1));

		assertThat(outcome.result().crawled()).containsExactly(this.site.url("/"), this.site.url("/a"));
		assertThat(outcome.result().states()).containsEntry("too_deep", 1);
		assertThat(outcome.result().errors()).isEmpty();
		assertThat(this.site.requestedPaths()).doesNotContain("/b");
	}

	@Test
	void crawlsOnlyTheStartPageAtDepthZero() {
		this.site.page("/", linking("/a", "/b"));

		CrawlOutcome outcome = crawl(anOrderFor(this.site.url("/")).withMaxDepth(0));

		assertThat(outcome.result().crawled()).containsExactly(this.site.url("/"));
		assertThat(outcome.result().states()).containsEntry("too_deep", 2);
	}

	@Test
	void followsOnlyLinksThatAnIncludePatternMatches() {
		this.site.page("/", linking("/docs/a", "/blog/b", "/docs/c"))
			.page("/docs/a", linking("/blog/b"))
			.page("/docs/c", linking());

		CrawlOutcome outcome = crawl(anOrderFor(this.site.url("/")).including("/docs/"));

		assertThat(outcome.result().crawled()).containsExactly(this.site.url("/"), this.site.url("/docs/a"),
				this.site.url("/docs/c"));
		assertThat(outcome.result().states()).containsEntry("out_of_scope", 1);
	}

	@Test
	void skipsLinksThatAnExcludePatternMatches() {
		this.site.page("/", linking("/a", "/report.pdf", "/private/x", "/b"))
			.page("/a", linking())
			.page("/b", linking());

		CrawlOutcome outcome = crawl(anOrderFor(this.site.url("/")).excluding("\\.pdf$", "/private/"));

		assertThat(outcome.result().crawled()).containsExactly(this.site.url("/"), this.site.url("/a"),
				this.site.url("/b"));
		assertThat(outcome.result().states()).containsEntry("out_of_scope", 2);
	}

	@Test
	void leavesOutALinkThatAPatternCannotBeMatchedAgainstInsteadOfFailingTheCrawl() {
		// Java's regex engine recurses once per repetition of a group with alternatives:
		// a long enough URL overflows the stack.
		String deep = "/" + "ab".repeat(4000);
		this.site.page("/", linking(deep, "/ok")).page("/ok", linking()).page(deep, linking());

		CrawlOutcome outcome = crawl(anOrderFor(this.site.url("/")).including("^[^?]*/(a|b)*$|/ok"));

		assertThat(outcome.result().crawled()).containsExactly(this.site.url("/"), this.site.url("/ok"));
		assertThat(outcome.result().states()).containsEntry("out_of_scope", 1);
	}

	@Test
	void appliesPatternsToRedirectsButNotToTheStartUrl() {
		this.site.page("/", linking("/docs/go")).redirect("/docs/go", 302, "/blog/post");

		CrawlOutcome outcome = crawl(anOrderFor(this.site.url("/")).including("/docs/"));

		assertThat(outcome.result().crawled()).containsExactly(this.site.url("/"));
		assertThat(outcome.result().errors()).containsExactly(entry(this.site.url("/docs/go"),
				"Redirected out of the crawl's scope to " + this.site.url("/blog/post")));
	}

	@Test
	void countsEachLinkOutsideTheOriginOnce() {
		this.site.page("/", linking("http://example.org/", "/a", "http://example.org/#x"))
			.page("/a", linking("http://example.org/"));

		CrawlOutcome outcome = crawl(anOrderFor(this.site.url("/")));

		assertThat(outcome.result().states()).containsExactly(entry("crawled", 2), entry("out_of_scope", 1));
	}

	@Test
	void readsTheJobsExtractionRulesIntoEachPagesData() {
		this.site.page("/", "<html><body><h1>Home</h1><a href='/p'>p</a></body></html>")
			.page("/p", "<html><body><h1>Product</h1><span class='price'>3 €</span></body></html>");

		CrawlOutcome outcome = crawl(
				anOrderFor(this.site.url("/")).extracting(FieldRule.compile("heading", "h1", "text", false),
						FieldRule.compile("price", ".price", "text", false)));

		assertThat(outcome.result().pages()).extracting(PageDetail::data)
			.containsExactly(mapOf("heading", "Home", "price", null), mapOf("heading", "Product", "price", "3 €"));
	}

	@Test
	void recordsAPageItsExtractionRuleCannotReadAsThatPagesErrorAndKeepsTheOthers() {
		// a regular expression of the rule that recurses once per character: far too
		// deep for any thread's stack on 600,000 characters
		this.site.page("/", "<html><body><p>short</p><a href='/long'>long</a><a href='/p'>p</a></body></html>")
			.page("/long", "<html><body><p>" + "a.".repeat(300_000) + "</p></body></html>")
			.page("/p", "<html><body><p>p</p></body></html>");

		CrawlOutcome outcome = crawl(anOrderFor(this.site.url("/"))
			.extracting(FieldRule.compile("x", "p:matches((a|a.)*b)", "text", false)));

		assertThat(outcome.result().crawled()).containsExactly(this.site.url("/"), this.site.url("/p"));
		assertThat(outcome.result().errors()).containsOnlyKeys(this.site.url("/long"));
		assertThat(outcome.result().errors().get(this.site.url("/long")))
			.isEqualTo("Could not read the page: StackOverflowError");
		assertThat(outcome.result().states()).containsEntry("read_error", 1);
	}

	@Test
	void sendsTheJobsUserAgent() {
		this.site.page("/", linking());

		crawl(anOrderFor(this.site.url("/")).withUserAgent("AcmeAudit/2.0"));

		assertThat(this.site.requests()).extracting(FixtureSite.Request::userAgent).containsOnly("AcmeAudit/2.0");
	}

	private static Map<String, Object> mapOf(String k1, Object v1, String k2, Object v2) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put(k1, v1);
		map.put(k2, v2);
		return map;
	}

	private CrawlOutcome crawl(CrawlOrderBuilder order) {
		return this.crawler.crawl(order.build(), new CrawlControl());
	}

}

package io.dispycluster.worker.crawl;

import java.util.Locale;

import io.dispycluster.worker.fetch.FetchException;
import io.dispycluster.worker.fetch.FetchedPage;

/**
 * The state a visited URL ends in. One mapping turns a fetch's outcome into a state.
 */
public enum PageState {

	/** Fetched with status 200 as HTML, parsed and counted. */
	CRAWLED,

	/** Answered with a status other than 200. */
	HTTP_ERROR,

	/** Answered 200 with a type that is not HTML; the body was not downloaded. */
	NOT_HTML,

	/** The body was larger than the configured cap. */
	TOO_LARGE,

	/**
	 * Outside the crawl's scope (origin rule, include and exclude patterns): a link not
	 * followed, or a redirect refused.
	 */
	OUT_OF_SCOPE,

	/** A link deeper than the job's {@code max_depth}, not followed. */
	TOO_DEEP,

	/** The SSRF guard refused the address the URL's host resolves to. */
	BLOCKED_ADDRESS,

	/** robots.txt forbids the URL, or could not be had and the site was skipped. */
	ROBOTS_DENIED,

	/** No complete response within the request's timeout. */
	TIMEOUT,

	/** A network failure: refused, reset, unknown host, TLS. */
	FETCH_ERROR,

	/**
	 * A passing failure (timeout, refused, reset, 429, 5xx) that outlasted its retries.
	 */
	RETRIES_EXHAUSTED,

	/** Abandoned because the crawl was cancelled. */
	CANCELLED,

	/**
	 * Fetched as HTML, but reading it failed: a job's extraction rule gave up on it (a
	 * regular expression too deep for the stack on a long text), or the parser did.
	 */
	READ_ERROR,

	/**
	 * Crawled, but left out of the result, which had reached the worker's
	 * {@code max-result-size}; listed in {@code errors} so that nothing goes missing
	 * unsaid.
	 */
	RESULT_FULL;

	/** The name on the wire and in metrics, e.g. {@code http_error}. */
	public String wireName() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** Whether a start URL ending in this state means the job was refused. */
	boolean refusesTheStart() {
		return this == BLOCKED_ADDRESS || this == ROBOTS_DENIED;
	}

	static PageState of(FetchedPage page) {
		if (page.status() != 200) {
			return HTTP_ERROR;
		}
		return page.hasBody() ? CRAWLED : NOT_HTML;
	}

	static PageState of(FetchException failure) {
		return switch (failure.kind()) {
			case TIMEOUT -> TIMEOUT;
			case CANCELLED -> CANCELLED;
			case TOO_LARGE -> TOO_LARGE;
			case BLOCKED -> BLOCKED_ADDRESS;
			case NETWORK, CONNECTION -> FETCH_ERROR;
		};
	}

}

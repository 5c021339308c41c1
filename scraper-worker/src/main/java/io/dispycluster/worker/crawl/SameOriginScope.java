package io.dispycluster.worker.crawl;

import io.dispycluster.worker.extract.WebUrls;
import org.jspecify.annotations.Nullable;

/**
 * The upstream contract's same-origin rule: a link is followed only if its host and port
 * equal the start URL's. The scheme is ignored, and hosts compare case-insensitively
 * (URLs in normal form have lower-case hosts and no default port).
 * <p>
 * When the start URL redirects to another host and port, as {@code http://example.org/}
 * to {@code https://www.example.org/} does, those of the page it lands on are the site's
 * too: its links are resolved against that page, and without this every one of them would
 * be out of scope, the crawl ending after one page.
 */
final class SameOriginScope {

	private final boolean sameOriginOnly;

	private final String startAuthority;

	// Set once, by the crawl's thread, before the start page's links are followed.
	private volatile @Nullable String landingAuthority;

	SameOriginScope(String startUrl, boolean sameOriginOnly) {
		this.sameOriginOnly = sameOriginOnly;
		this.startAuthority = WebUrls.authority(startUrl);
	}

	/** Lets in the host and port the start URL redirected to. */
	void landedOn(String finalUrl) {
		this.landingAuthority = WebUrls.authority(finalUrl);
	}

	boolean allows(String url) {
		if (!this.sameOriginOnly) {
			return true;
		}
		String authority = WebUrls.authority(url);
		return this.startAuthority.equalsIgnoreCase(authority) || authority.equalsIgnoreCase(this.landingAuthority);
	}

}

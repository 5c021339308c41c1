package io.dispycluster.worker.crawl;

import io.dispycluster.worker.extract.WebUrls;

/**
 * The upstream contract's same-origin rule: a link is followed only if its host and port
 * equal the start URL's. The scheme is ignored, and hosts compare case-insensitively
 * (URLs in normal form have lower-case hosts and no default port).
 */
final class SameOriginScope {

	private final boolean sameOriginOnly;

	private final String startAuthority;

	SameOriginScope(String startUrl, boolean sameOriginOnly) {
		this.sameOriginOnly = sameOriginOnly;
		this.startAuthority = WebUrls.authority(startUrl);
	}

	boolean allows(String url) {
		return !this.sameOriginOnly || this.startAuthority.equalsIgnoreCase(WebUrls.authority(url));
	}

}

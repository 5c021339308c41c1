package io.dispycluster.scheduler.system;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The rule for URLs that become scrape jobs: absolute http or https with a host, at most
 * 2083 characters (the contract's limit).
 */
public final class WebUrls {

	/** The longest URL accepted. */
	public static final int MAX_LENGTH = 2083;

	private WebUrls() {
	}

	/**
	 * What is wrong with a URL, or null if it is fine.
	 */
	public static @Nullable String problem(@Nullable String url) {
		if (url == null || url.isBlank()) {
			return "must not be blank";
		}
		if (url.length() > MAX_LENGTH) {
			return "must be at most " + MAX_LENGTH + " characters";
		}
		try {
			URI uri = new URI(url.trim());
			String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
			if (!scheme.equals("http") && !scheme.equals("https")) {
				return "must be an http or https URL";
			}
			if (uri.getHost() == null || uri.getHost().isBlank()) {
				return "must have a host";
			}
			return null;
		}
		catch (URISyntaxException ex) {
			return "is not a valid URL";
		}
	}

}

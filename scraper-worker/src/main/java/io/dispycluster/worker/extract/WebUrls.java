package io.dispycluster.worker.extract;

import java.util.Optional;

import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/**
 * Absolute http(s) URLs in the one form the crawler compares: scheme and host lower-case,
 * default port removed, empty path as {@code /}, dot segments resolved, characters that
 * need it percent-encoded, and no fragment.
 */
public final class WebUrls {

	private WebUrls() {
	}

	/**
	 * The normal form of an absolute URL.
	 * @param url a URL as written by a user or a page
	 * @return its normal form, or empty if it is not an absolute http(s) URL
	 */
	public static Optional<String> normalize(String url) {
		return Optional.ofNullable(HttpUrl.parse(clean(url))).map(WebUrls::withoutFragment);
	}

	/**
	 * Resolves a link against the URL of the page it was found on.
	 * @param base the absolute URL links are resolved against
	 * @param href the link as written in the page
	 * @return the normal form of the absolute URL, or empty if the link does not lead to
	 * an http(s) URL ({@code mailto:}, {@code javascript:}, malformed)
	 */
	public static Optional<String> resolve(String base, String href) {
		HttpUrl baseUrl = parse(base);
		if (baseUrl == null) {
			return Optional.empty();
		}
		return resolve(baseUrl, href);
	}

	/**
	 * Resolves a link against a base already parsed with {@link #parse(String)}.
	 * @param base the absolute URL links are resolved against
	 * @param href the link as written in the page
	 * @return the normal form of the absolute URL, or empty as
	 * {@link #resolve(String, String)} says
	 */
	static Optional<String> resolve(HttpUrl base, String href) {
		return Optional.ofNullable(base.resolve(clean(href))).map(WebUrls::withoutFragment);
	}

	/** A base URL for {@link #resolve(HttpUrl, String)}, or null if it is not one. */
	static @Nullable HttpUrl parse(String base) {
		return HttpUrl.parse(clean(base));
	}

	/**
	 * The host and port of a URL in normal form, the pair the same-origin rule compares.
	 * The port is empty when it is the scheme's default.
	 * @param url a URL in normal form
	 * @return {@code host} or {@code host:port}
	 */
	public static String authority(String url) {
		HttpUrl parsed = HttpUrl.get(url);
		boolean defaultPort = parsed.port() == HttpUrl.defaultPort(parsed.scheme());
		return defaultPort ? parsed.host() : parsed.host() + ":" + parsed.port();
	}

	private static String withoutFragment(HttpUrl url) {
		return (url.encodedFragment() == null) ? url.toString() : url.newBuilder().fragment(null).build().toString();
	}

	// Browsers drop tabs and newlines anywhere in a URL, and surrounding spaces.
	private static String clean(String url) {
		for (int i = 0; i < url.length(); i++) {
			char c = url.charAt(i);
			if (c == '\t' || c == '\n' || c == '\r') {
				return url.replaceAll("[\\t\\n\\r]", "").strip();
			}
		}
		return url.strip();
	}

}

package io.dispycluster.worker.extract;

import java.util.Optional;

import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/**
 * Absolute http(s) URLs in the one form the crawler compares: scheme and host lower-case,
 * default port removed, empty path as {@code /}, dot segments resolved, characters that
 * need it percent-encoded with upper-case hex digits, no empty query and no fragment.
 * These are the forms RFC 3986 (section 6.2.2) and every server treat as one URL; the
 * order of query parameters and a trailing slash are kept, as they may well name another
 * page.
 */
public final class WebUrls {

	/**
	 * The longest URL a link or redirect may lead to. Nearly every server refuses a
	 * longer request line (Apache's limit is 8190 bytes, nginx's 8 KB), and a site that
	 * links to ever longer URLs, each up to the size of a page, would otherwise fill the
	 * worker's memory with the thousands of them a crawl queues.
	 */
	public static final int MAX_LENGTH = 8192;

	private WebUrls() {
	}

	/**
	 * The normal form of an absolute URL.
	 * @param url a URL as written by a user or a page
	 * @return its normal form, or empty if it is not an absolute http(s) URL
	 */
	public static Optional<String> normalize(String url) {
		return Optional.ofNullable(HttpUrl.parse(clean(url))).map(WebUrls::normalForm);
	}

	/**
	 * Resolves a link against the URL of the page it was found on.
	 * @param base the absolute URL links are resolved against
	 * @param href the link as written in the page
	 * @return the normal form of the absolute URL, or empty if the link does not lead to
	 * an http(s) URL ({@code mailto:}, {@code javascript:}, malformed) or to one longer
	 * than {@value #MAX_LENGTH} characters
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
		if (href.length() > MAX_LENGTH) {
			return Optional.empty();
		}
		return Optional.ofNullable(base.resolve(clean(href)))
			.map(WebUrls::normalForm)
			.filter((url) -> url.length() <= MAX_LENGTH);
	}

	/** A base URL for {@link #resolve(HttpUrl, String)}, or null if it is not one. */
	static @Nullable HttpUrl parse(String base) {
		return HttpUrl.parse(clean(base));
	}

	/**
	 * The host and port of a URL in normal form, the pair the same-origin rule compares.
	 * The port is empty when it is the scheme's default; an IPv6 host is between
	 * brackets, as in the URL, so that {@code [::1]:8080} and {@code [::1:8080]} differ.
	 * @param url a URL in normal form
	 * @return {@code host} or {@code host:port}
	 */
	public static String authority(String url) {
		HttpUrl parsed = HttpUrl.get(url);
		String host = parsed.host().contains(":") ? "[" + parsed.host() + "]" : parsed.host();
		boolean defaultPort = parsed.port() == HttpUrl.defaultPort(parsed.scheme());
		return defaultPort ? host : host + ":" + parsed.port();
	}

	private static String normalForm(HttpUrl url) {
		// "/page/?" and "/page/" are one page: a bare "?" sends no query.
		boolean emptyQuery = "".equals(url.encodedQuery());
		if (url.encodedFragment() == null && !emptyQuery) {
			return upperCaseEscapes(url.toString());
		}
		HttpUrl.Builder normal = url.newBuilder().fragment(null);
		if (emptyQuery) {
			normal.query(null);
		}
		return upperCaseEscapes(normal.build().toString());
	}

	// %7e and %7E are the same character; HttpUrl keeps either as written, and a "%" that
	// starts no escape too ("50%off" stays as it is).
	private static String upperCaseEscapes(String url) {
		int percent = url.indexOf('%');
		if (percent < 0) {
			return url;
		}
		char[] chars = url.toCharArray();
		for (int i = percent; i >= 0 && i + 2 < chars.length; i = url.indexOf('%', i + 1)) {
			if (isHex(chars[i + 1]) && isHex(chars[i + 2])) {
				chars[i + 1] = Character.toUpperCase(chars[i + 1]);
				chars[i + 2] = Character.toUpperCase(chars[i + 2]);
			}
		}
		return new String(chars);
	}

	private static boolean isHex(char c) {
		return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
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

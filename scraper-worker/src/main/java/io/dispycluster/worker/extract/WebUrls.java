package io.dispycluster.worker.extract;

import java.util.Optional;

import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/**
 * Absolute http(s) URLs in the one form the crawler compares: scheme and host lower-case,
 * default port removed, empty path as {@code /}, dot segments resolved, characters that
 * need it percent-encoded with upper-case hex digits, those that do not ({@code %7E},
 * {@code %41}) decoded, no empty query and no fragment. These are the forms RFC 3986
 * (section 6.2.2) and every server treat as one URL; the order of query parameters and a
 * trailing slash are kept, as they may well name another page.
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
			return normalEscapes(url.toString());
		}
		HttpUrl.Builder normal = url.newBuilder().fragment(null);
		if (emptyQuery) {
			normal.query(null);
		}
		return normalEscapes(normal.build().toString());
	}

	// %7e and %7E are the same character, and so are %7E and "~": an escape of a letter,
	// a digit, "-", ".", "_" or "~" names what it escapes (RFC 3986, section 2.3), and
	// servers answer /%7Euser as /~user. HttpUrl keeps every escape as written, and a "%"
	// that starts no escape too ("50%off" stays as it is); beside one of those no escape
	// is decoded, since "%%34%31" would turn into "%41", a new escape.
	private static String normalEscapes(String url) {
		int percent = url.indexOf('%');
		if (percent < 0) {
			return url;
		}
		boolean decode = !hasStrayPercent(url, percent);
		StringBuilder normal = new StringBuilder(url.length()).append(url, 0, percent);
		for (int i = percent; i < url.length(); i++) {
			char c = url.charAt(i);
			if (c != '%' || !isEscape(url, i)) {
				normal.append(c);
				continue;
			}
			char escaped = (char) Integer.parseInt(url.substring(i + 1, i + 3), 16);
			if (decode && isUnreserved(escaped)) {
				normal.append(escaped);
			}
			else {
				normal.append('%')
					.append(Character.toUpperCase(url.charAt(i + 1)))
					.append(Character.toUpperCase(url.charAt(i + 2)));
			}
			i += 2;
		}
		return normal.toString();
	}

	private static boolean hasStrayPercent(String url, int from) {
		for (int i = from; i >= 0; i = url.indexOf('%', i + 1)) {
			if (!isEscape(url, i)) {
				return true;
			}
		}
		return false;
	}

	private static boolean isEscape(String url, int percent) {
		return percent + 2 < url.length() && isHex(url.charAt(percent + 1)) && isHex(url.charAt(percent + 2));
	}

	private static boolean isUnreserved(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
				|| c == '_' || c == '~';
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

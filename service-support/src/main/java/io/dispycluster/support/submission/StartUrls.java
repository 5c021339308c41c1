package io.dispycluster.support.submission;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The rule for the URLs a crawl starts from, one for the controller (which stores them)
 * and the scheduler (which saves them in tasks and workflow steps and submits them on
 * every run): a URL one of them accepts and the other refuses would fail every run, or be
 * refused for nothing.
 * <p>
 * An absolute http or https URL with a host and, if written, a port from 1 to 65535, at
 * most {@value #MAX_LENGTH} characters (the contract's limit). A space, {@code " < > ^ `
 * { | }} and a {@code %} that does not start an escape are taken in the path, query and
 * fragment, percent-encoded, as browsers, the upstream's URL type and the worker's parser
 * take them; a host with such a character, and a backslash (which browsers read as a
 * slash), are refused. The host is read as written ({@link URI} gives no host for a name
 * it does not take for an Internet host name, such as {@code nas_01.lan} or
 * {@code exämple.org}, which the worker reaches all the same).
 */
public final class StartUrls {

	/** The longest URL accepted. */
	public static final int MAX_LENGTH = 2083;

	private static final char[] HEX = "0123456789ABCDEF".toCharArray();

	private StartUrls() {
	}

	/**
	 * The URL as a job stores it: stripped, percent-encoded where needed, with a
	 * {@code /} path when it had none (as the upstream stores it).
	 * @param raw the URL as given
	 * @return the URL, or null if it is not one a crawl can start from
	 */
	public static @Nullable String normalise(@Nullable String raw) {
		return check(raw).url();
	}

	/**
	 * What is wrong with a URL.
	 * @param raw the URL as given
	 * @return the reason it is refused, or null if it is fine
	 */
	public static @Nullable String problem(@Nullable String raw) {
		return check(raw).problem();
	}

	/**
	 * The URL with the user name and password it may carry ({@code http://user:pw@host/})
	 * masked, for logs: a job keeps them, log files do not.
	 * @param url a URL
	 * @return the URL with {@code ***} for its user information, if it has any
	 */
	public static String withoutCredentials(String url) {
		int start = url.indexOf("://") + 3;
		if (start < 3) {
			return url;
		}
		int end = start;
		while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) {
			end++;
		}
		int at = url.lastIndexOf('@', end - 1);
		return (at < start) ? url : url.substring(0, start) + "***" + url.substring(at);
	}

	private static Verdict check(@Nullable String raw) {
		if (raw == null || raw.isBlank()) {
			return Verdict.refused("must not be blank");
		}
		String stripped = raw.strip();
		if (stripped.length() > MAX_LENGTH) {
			return Verdict.refused("must be at most " + MAX_LENGTH + " characters");
		}
		String text = encodeAfterAuthority(stripped);
		try {
			URI uri = new URI(text);
			String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
			if (!scheme.equals("http") && !scheme.equals("https")) {
				return Verdict.refused("must be an http or https URL");
			}
			String authority = uri.getRawAuthority();
			if (uri.isOpaque() || authority == null || authority.isEmpty() || authority.startsWith(":")
					|| authority.endsWith("@")) {
				return Verdict.refused("must have a host");
			}
			if (!hasValidPort(authority)) {
				return Verdict.refused("must have a port between 1 and 65535");
			}
			boolean noPath = uri.getRawPath() == null || uri.getRawPath().isEmpty();
			return Verdict.accepted(noPath ? uri.getScheme() + "://" + authority + "/" + rest(uri) : text);
		}
		catch (URISyntaxException ex) {
			return Verdict.refused("is not a valid URL");
		}
	}

	/**
	 * The URL with the characters that {@link URI} refuses in a path, query or fragment
	 * percent-encoded. The scheme and authority are left as written.
	 */
	private static String encodeAfterAuthority(String url) {
		int scheme = url.indexOf("://");
		if (scheme < 0) {
			return url;
		}
		int start = scheme + 3;
		while (start < url.length() && "/?#".indexOf(url.charAt(start)) < 0) {
			start++;
		}
		StringBuilder encoded = null;
		for (int i = start; i < url.length(); i++) {
			char c = url.charAt(i);
			boolean escape = " \"<>^`{|}".indexOf(c) >= 0 || (c == '%' && !startsEscape(url, i));
			if (escape && encoded == null) {
				encoded = new StringBuilder(url.length() + 16).append(url, 0, i);
			}
			if (escape) {
				encoded.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
			}
			else if (encoded != null) {
				encoded.append(c);
			}
		}
		return (encoded != null) ? encoded.toString() : url;
	}

	private static boolean startsEscape(String url, int percent) {
		return percent + 2 < url.length() && isHex(url.charAt(percent + 1)) && isHex(url.charAt(percent + 2));
	}

	private static boolean isHex(char c) {
		return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
	}

	/**
	 * Whether the authority's port, if written, is one a worker can connect to (1 to
	 * 65535). {@link URI} reads {@code host:-1} as a registry name without a port, and
	 * {@code host:0} as port 0, which the worker's stricter parser refuses: such a job
	 * would fail on every worker instead of being refused when given.
	 */
	private static boolean hasValidPort(String authority) {
		String hostAndPort = authority.substring(authority.lastIndexOf('@') + 1);
		int colon = hostAndPort.lastIndexOf(':');
		if (colon < 0 || colon < hostAndPort.lastIndexOf(']')) {
			return true;
		}
		String port = hostAndPort.substring(colon + 1);
		return port.matches("[0-9]{1,5}") && Integer.parseInt(port) >= 1 && Integer.parseInt(port) <= 65535;
	}

	private static String rest(URI uri) {
		String query = (uri.getRawQuery() != null) ? "?" + uri.getRawQuery() : "";
		String fragment = (uri.getRawFragment() != null) ? "#" + uri.getRawFragment() : "";
		return query + fragment;
	}

	private record Verdict(@Nullable String url, @Nullable String problem) {

		static Verdict accepted(String url) {
			return new Verdict(url, null);
		}

		static Verdict refused(String problem) {
			return new Verdict(null, problem);
		}

	}

}

package io.dispycluster.scheduler.system;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The rule for URLs that become scrape jobs: absolute http or https with a host and, if
 * written, a port from 1 to 65535, at most 2083 characters (the contract's limit). It is
 * the controller's rule for the URLs of a batch: a URL it refuses would fail every run of
 * the task, and one it accepts (a host with an underscore, an international domain name)
 * must not be refused here.
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
			// the raw authority, as the controller reads it: URI gives no host for a name
			// it does not take for an Internet host name (nas_01.lan, exämple.org)
			String authority = uri.getRawAuthority();
			if (uri.isOpaque() || authority == null || authority.isEmpty() || authority.startsWith(":")
					|| authority.endsWith("@")) {
				return "must have a host";
			}
			return hasValidPort(authority) ? null : "must have a port between 1 and 65535";
		}
		catch (URISyntaxException ex) {
			return "is not a valid URL";
		}
	}

	// URI reads host:-1 as a name without a port, and host:0 as port 0
	private static boolean hasValidPort(String authority) {
		String hostAndPort = authority.substring(authority.lastIndexOf('@') + 1);
		int colon = hostAndPort.lastIndexOf(':');
		if (colon < 0 || colon < hostAndPort.lastIndexOf(']')) {
			return true;
		}
		String port = hostAndPort.substring(colon + 1);
		return port.matches("[0-9]{1,5}") && Integer.parseInt(port) >= 1 && Integer.parseInt(port) <= 65535;
	}

}

package io.dispycluster.worker.fetch;

import java.util.Locale;
import java.util.Set;

/**
 * Which responses are HTML pages worth parsing.
 */
public final class ContentTypes {

	private static final Set<String> HTML = Set.of("text/html", "application/xhtml+xml");

	private ContentTypes() {
	}

	/**
	 * Whether a {@code Content-Type} header names an HTML document.
	 * @param header the header value, possibly with parameters ({@code ;charset=...})
	 * @return true for {@code text/html} and {@code application/xhtml+xml}
	 */
	public static boolean isHtml(String header) {
		int semicolon = header.indexOf(';');
		String mediaType = (semicolon >= 0) ? header.substring(0, semicolon) : header;
		return HTML.contains(mediaType.trim().toLowerCase(Locale.ROOT));
	}

}

package io.dispycluster.worker.fetch;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which responses are HTML pages worth parsing.
 */
public final class ContentTypes {

	private static final Set<String> HTML = Set.of("text/html", "application/xhtml+xml");

	/** The tags that start an HTML document in the WHATWG MIME Sniffing standard. */
	private static final List<byte[]> HTML_STARTS = List
		.of("<!DOCTYPE HTML", "<HTML", "<HEAD", "<SCRIPT", "<IFRAME", "<H1", "<DIV", "<FONT", "<TABLE", "<A", "<STYLE",
				"<TITLE", "<B", "<BODY", "<BR", "<P", "<!--")
		.stream()
		.map((start) -> start.getBytes(StandardCharsets.US_ASCII))
		.toList();

	/** The type given to a page sent without one whose body starts as HTML. */
	public static final String SNIFFED_HTML = "text/html";

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

	/**
	 * Whether a body sent without a {@code Content-Type} starts as an HTML document, as a
	 * browser sniffs it: after white space, one of the standard's start tags (any case)
	 * followed by a space or {@code >}. Browsers show such a page, so a crawl must not
	 * drop it as "not HTML".
	 * @param body the body's first bytes at least
	 * @return whether it is to be read as HTML
	 */
	public static boolean startsAsHtml(byte[] body) {
		int from = 0;
		if (body.length >= 3 && (body[0] & 0xFF) == 0xEF && (body[1] & 0xFF) == 0xBB && (body[2] & 0xFF) == 0xBF) {
			from = 3;
		}
		while (from < body.length && isWhiteSpace(body[from])) {
			from++;
		}
		for (byte[] start : HTML_STARTS) {
			int next = from + start.length;
			if (startsWith(body, from, start) && next < body.length && (body[next] == ' ' || body[next] == '>')) {
				return true;
			}
		}
		return false;
	}

	private static boolean startsWith(byte[] body, int from, byte[] start) {
		if (body.length - from < start.length) {
			return false;
		}
		for (int i = 0; i < start.length; i++) {
			byte b = body[from + i];
			if (((b >= 'a' && b <= 'z') ? b - ('a' - 'A') : b) != start[i]) {
				return false;
			}
		}
		return true;
	}

	private static boolean isWhiteSpace(byte b) {
		return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f';
	}

}

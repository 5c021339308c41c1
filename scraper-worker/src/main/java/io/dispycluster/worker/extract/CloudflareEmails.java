package io.dispycluster.worker.extract;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;
import org.jspecify.annotations.Nullable;

/**
 * Addresses hidden by Cloudflare's e-mail address obfuscation, on by default for sites
 * behind Cloudflare: the page's HTML shows {@code [email protected]} where the address
 * goes, and a script puts the address back from an element's {@code data-cfemail}
 * attribute, or from the fragment of a link to {@code /cdn-cgi/l/email-protection}. Both
 * hold the address's bytes in hex, each XOR-ed with the first byte. Readers see the
 * address, so it counts as shown on the page.
 */
final class CloudflareEmails {

	/** What a link's {@code href} holds before the fragment to decode. */
	static final String LINK_PATH = "/cdn-cgi/l/email-protection#";

	private static final Evaluator PROTECTED = QueryParser.parse("[data-cfemail]");

	// An address is at most 254 characters: a longer one is something else.
	private static final int MAX_ADDRESS = 254;

	private CloudflareEmails() {
	}

	/**
	 * The addresses of the page's elements that hold a protected one, unless hidden as
	 * the visible text's are ({@link VisibleTextExtractor}).
	 * @param page the page
	 * @return the addresses, in document order
	 */
	static List<String> inElements(Document page) {
		List<String> emails = new ArrayList<>();
		for (Element element : page.select(PROTECTED)) {
			String email = (element.closest(VisibleTextExtractor.INVISIBLE) == null)
					? decode(element.attr("data-cfemail")) : null;
			if (email != null) {
				emails.add(email);
			}
		}
		return emails;
	}

	/**
	 * What a protected link's {@code mailto:} URL had after its scheme: the addresses,
	 * several ones separated by commas, and its header fields
	 * ({@code a@example.org,b@example.org?cc=c@example.org}), still percent-encoded.
	 * @param href the link's {@code href}
	 * @return the decoded target, or null if the link is no protected address
	 */
	static @Nullable String fromLink(String href) {
		int at = href.indexOf(LINK_PATH);
		return (at < 0) ? null : decodeText(href.substring(at + LINK_PATH.length()));
	}

	// The whole text a protected link's fragment holds: it is in the page already, and
	// is no longer than half the fragment.
	private static @Nullable String decodeText(String hex) {
		String encoded = hex.strip();
		int key = (encoded.length() >= 4 && encoded.length() % 2 == 0) ? hexByte(encoded, 0) : -1;
		if (key < 0) {
			return null;
		}
		byte[] bytes = new byte[encoded.length() / 2 - 1];
		for (int at = 2; at < encoded.length(); at += 2) {
			int value = hexByte(encoded, at);
			if (value < 0) {
				return null;
			}
			bytes[at / 2 - 1] = (byte) (value ^ key);
		}
		return new String(bytes, StandardCharsets.UTF_8);
	}

	/**
	 * Decodes a {@code data-cfemail} value or a protected link's fragment.
	 * @param hex the encoded address
	 * @return the address (without the headers a {@code mailto:} link may have had), or
	 * null if the value does not decode to one
	 */
	static @Nullable String decode(String hex) {
		String encoded = hex.strip();
		int key = (encoded.length() >= 4 && encoded.length() % 2 == 0) ? hexByte(encoded, 0) : -1;
		if (key < 0) {
			return null;
		}
		// A protected mailto: link keeps its headers ("a@example.org?subject=Hi&body=")
		// and its body may be long: only the address before them is decoded.
		byte[] bytes = new byte[Math.min(encoded.length() / 2 - 1, MAX_ADDRESS + 1)];
		int length = 0;
		for (int at = 2; at < encoded.length() && length < bytes.length; at += 2) {
			int value = hexByte(encoded, at);
			if (value < 0) {
				return null;
			}
			if ((value ^ key) == '?') {
				break;
			}
			bytes[length++] = (byte) (value ^ key);
		}
		String email = new String(bytes, 0, length, StandardCharsets.UTF_8).strip();
		return (length <= MAX_ADDRESS && EmailRule.isEmail(email)) ? email : null;
	}

	private static int hexByte(String hex, int at) {
		int high = Character.digit(hex.charAt(at), 16);
		int low = Character.digit(hex.charAt(at + 1), 16);
		return (high < 0 || low < 0) ? -1 : (high << 4) | low;
	}

}

package io.dispycluster.worker.extract;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * The addresses in a page's {@code mailto:} links and the numbers in its {@code tel:}
 * links, which count as personal data even when the link text does not show them; and the
 * addresses of the links Cloudflare's e-mail protection makes of {@code mailto:} links
 * ({@link CloudflareEmails}).
 */
final class ContactLinks {

	private static final Evaluator LINKS = QueryParser.parse("a[href], area[href]");

	// The header fields of a mailto: URL that hold addresses (RFC 6068).
	private static final Set<String> ADDRESS_FIELDS = Set.of("to", "cc", "bcc");

	private ContactLinks() {
	}

	static List<String> emails(Document page) {
		List<String> emails = new ArrayList<>();
		for (Element link : page.select(LINKS)) {
			String href = link.attr("href").strip();
			if (href.regionMatches(true, 0, "mailto:", 0, 7)) {
				mailto(href.substring(7), emails);
			}
			else {
				// Cloudflare protects the whole mailto: URL, several addresses and
				// header fields included.
				String target = CloudflareEmails.fromLink(href);
				if (target != null) {
					mailto(target, emails);
				}
			}
		}
		return emails;
	}

	// mailto:a@x.org,b@x.org?cc=c@x.org&bcc=d@x.org&subject=Hello
	private static void mailto(String target, List<String> emails) {
		String[] addressesAndFields = target.split("\\?", 2);
		addresses(addressesAndFields[0], emails);
		if (addressesAndFields.length > 1) {
			for (String field : addressesAndFields[1].split("&")) {
				String[] nameAndValue = field.split("=", 2);
				if (nameAndValue.length == 2 && ADDRESS_FIELDS.contains(nameAndValue[0].toLowerCase(Locale.ROOT))) {
					addresses(nameAndValue[1], emails);
				}
			}
		}
	}

	// Addresses are separated by commas, or by semicolons as some mail programs write.
	private static void addresses(String encoded, List<String> emails) {
		for (String address : decode(encoded).split("[,;]")) {
			String email = address.strip();
			if (EmailRule.isEmail(email)) {
				emails.add(email);
			}
		}
	}

	static List<String> phones(Document page) {
		List<String> phones = new ArrayList<>();
		for (String target : targets(page, "tel:")) {
			// tel:+33123456789;ext=2 or ?...: the parameters are no part of the number.
			String phone = decode(target.split("[?;]", 2)[0]).strip();
			long digits = phone.chars().filter(Character::isDigit).count();
			if (phone.matches("[+\\d\\s().\\-]+") && digits >= 7 && digits <= 15) {
				phones.add(phone);
			}
		}
		return phones;
	}

	// What follows the scheme in the links with that scheme, still encoded. The scheme is
	// matched in any case and after leading white space, as browsers do.
	private static List<String> targets(Document page, String scheme) {
		List<String> targets = new ArrayList<>();
		for (Element link : page.select(LINKS)) {
			String href = link.attr("href").strip();
			if (href.regionMatches(true, 0, scheme, 0, scheme.length())) {
				targets.add(href.substring(scheme.length()));
			}
		}
		return targets;
	}

	private static String decode(String text) {
		try {
			return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return text;
		}
	}

}

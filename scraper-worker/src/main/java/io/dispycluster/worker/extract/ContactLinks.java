package io.dispycluster.worker.extract;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * The addresses in a page's {@code mailto:} links and the numbers in its {@code tel:}
 * links, which count as personal data even when the link text does not show them.
 */
final class ContactLinks {

	private static final Evaluator MAILTO = QueryParser.parse("a[href^=mailto:], area[href^=mailto:]");

	private static final Evaluator TEL = QueryParser.parse("a[href^=tel:], area[href^=tel:]");

	private ContactLinks() {
	}

	static List<String> emails(Document page) {
		List<String> emails = new ArrayList<>();
		for (String target : targets(page, MAILTO, "mailto:")) {
			for (String address : target.split(",")) {
				String email = address.strip();
				if (EmailRule.isEmail(email)) {
					emails.add(email);
				}
			}
		}
		return emails;
	}

	static List<String> phones(Document page) {
		List<String> phones = new ArrayList<>();
		for (String target : targets(page, TEL, "tel:")) {
			String phone = target.strip();
			long digits = phone.chars().filter(Character::isDigit).count();
			if (phone.matches("[+\\d\\s().\\-]+") && digits >= 7 && digits <= 15) {
				phones.add(phone);
			}
		}
		return phones;
	}

	// What follows the scheme, up to the parameters ("?subject=", ";ext="), decoded.
	private static List<String> targets(Document page, Evaluator links, String scheme) {
		List<String> targets = new ArrayList<>();
		for (Element link : page.select(links)) {
			String target = link.attr("href").strip().substring(scheme.length()).split("[?;]", 2)[0];
			targets.add(decode(target));
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

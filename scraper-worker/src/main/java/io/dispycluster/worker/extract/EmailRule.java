package io.dispycluster.worker.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds e-mail addresses with the upstream contract's pattern. A dot or hyphen that ends
 * a match is punctuation of the sentence ("write to alice@example.org."), not part of the
 * address, and is dropped.
 */
final class EmailRule {

	/** The upstream contract's pattern, verbatim. */
	private static final Pattern EMAIL = Pattern.compile("[a-zA-Z0-9_.+-]+@[a-zA-Z0-9-]+\\.[a-zA-Z0-9-.]+");

	private EmailRule() {
	}

	static List<String> find(CharSequence text) {
		List<String> emails = new ArrayList<>();
		Matcher matcher = EMAIL.matcher(text);
		while (matcher.find()) {
			String email = trimTrailingPunctuation(matcher.group());
			if (isEmail(email)) {
				emails.add(email);
			}
		}
		return emails;
	}

	static boolean isEmail(String candidate) {
		return EMAIL.matcher(candidate).matches() && !candidate.endsWith(".");
	}

	private static String trimTrailingPunctuation(String match) {
		int end = match.length();
		while (end > 0 && (match.charAt(end - 1) == '.' || match.charAt(end - 1) == '-')) {
			end--;
		}
		return match.substring(0, end);
	}

}

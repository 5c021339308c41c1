package io.dispycluster.worker.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Finds phone numbers in text, stricter than the upstream's
 * {@code \+?\d[\d\s().-]{7,}\d}, which took dates, timestamps, prices and ids for phones.
 * <p>
 * A candidate is a run of digit groups joined by a space, dot, hyphen or parentheses,
 * optionally opened by {@code +}, that does not start or end inside a word, another
 * number, a time, a decimal or a price. It is a phone when:
 * <ul>
 * <li>it has 9 to 15 digits, or 8 to 15 after a {@code +} (E.164 allows 15); a national
 * number (not opened by {@code +} or {@code 00}) at most 12, as no country's is longer:
 * the 14 digits of a French company number ({@code SIRET 123 456 789 00012}, in most
 * French sites' legal notice) are no phone;</li>
 * <li>it is grouped, unless it starts with {@code +} ({@code +33123456789}): a bare run
 * of digits is an id as often as a phone;</li>
 * <li>without a {@code +}, no group has more than 5 digits (rules out ISBNs and
 * references like {@code 2024-000123});</li>
 * <li>it is not a date ({@code 2024-01-15}, {@code 15.01.2024}) or an IPv4 address, and,
 * without a {@code +}, not a number grouped in thousands ({@code 12 345 678}) or a
 * version ({@code 120.0.6099.109}, {@code 10.0.19045.3803}: groups joined by dots, one
 * after the first of a single digit, as phone numbers written with dots hardly ever
 * have).</li>
 * </ul>
 * Numbers are returned as written, with non-breaking spaces turned into plain ones.
 * <p>
 * The candidate pattern is tried only where a candidate can start (a digit, {@code +} or
 * {@code (}), not at every position of the text: its look-behinds made that most of a
 * crawl's time. The matches are those of {@link Matcher#find()}.
 */
final class PhoneRule {

	private static final String SEPARATOR = "[ .\\-\\u00A0\\u202F]";

	// Not glued to a word or a sign, and not the middle of a longer number or a time.
	private static final String START = "(?<![\\w+.,/@#=$€£\\-])(?<!\\d" + SEPARATOR + ")(?<!\\d\\)" + SEPARATOR
			+ "?)(?<!\\d:)";

	// A first group, maybe "+33" or "(555", then more groups; possessive, so that a
	// candidate is never cut short to satisfy the end condition.
	private static final String GROUPS = "(?:\\+|\\(\\+?)?+\\d++(?:(?:" + SEPARATOR + "|\\)" + SEPARATOR + "?|"
			+ SEPARATOR + "?\\()\\d++)*+";

	// Not followed by a word, an address, a time, a decimal part or a currency.
	private static final String END = "(?![\\w@/:]|[.,]\\d|\\s?[€$£%])";

	static final Pattern CANDIDATE = Pattern.compile(START + GROUPS + END);

	private static final Pattern DATE = Pattern
		.compile("^(?:\\d{4}[-./ ]\\d{1,2}[-./ ]\\d{1,2}|\\d{1,2}[-./ ]\\d{1,2}[-./ ]\\d{4})(?!\\d)");

	private static final Pattern IPV4 = Pattern.compile("^\\d{1,3}(?:\\.\\d{1,3}){3}$");

	private static final Pattern THOUSANDS = Pattern.compile("^\\d{1,3}(?:[ .\\u00A0\\u202F]\\d{3})+$");

	private static final Pattern VERSION = Pattern.compile("^\\d+\\.\\d+(?:\\.\\d+)+$");

	private PhoneRule() {
	}

	static List<String> find(String text) {
		// Scanning a char[] is several times cheaper than String.charAt on text with
		// characters beyond Latin-1, when the code is not fully optimised (C1).
		return find(text, text.toCharArray());
	}

	/**
	 * Finds the phone numbers of a text whose characters the caller has at hand already.
	 * @param text the text
	 * @param chars its characters
	 * @return the numbers, in the order found
	 */
	static List<String> find(String text, char[] chars) {
		List<String> phones = new ArrayList<>();
		Matcher matcher = null;
		for (int i = nextStart(chars, 0); i < chars.length; i = nextStart(chars, i)) {
			matcher = (matcher != null) ? matcher : CANDIDATE.matcher(text).useTransparentBounds(true);
			matcher.region(i, chars.length);
			if (!matcher.lookingAt()) {
				i++;
				continue;
			}
			i = matcher.end();
			String phone = phone(matcher.group());
			if (phone != null) {
				phones.add(phone);
			}
		}
		return phones;
	}

	// The first position from "from" where a candidate may start: a digit, + or (.
	private static int nextStart(char[] chars, int from) {
		for (int i = from; i < chars.length; i++) {
			char c = chars[i];
			if ((c >= '0' && c <= '9') || c == '+' || c == '(') {
				return i;
			}
		}
		return chars.length;
	}

	/** The phone number a candidate is, as written with plain spaces, or null. */
	static @Nullable String phone(String match) {
		String candidate = withoutUnclosedParenthesis(match);
		return isPhone(candidate) ? candidate.replace('\u00A0', ' ').replace('\u202F', ' ') : null;
	}

	static boolean isPhone(String candidate) {
		boolean international = candidate.startsWith("+");
		String[] groups = candidate.replaceAll("^\\D+", "").split("\\D+");
		int digits = candidate.replaceAll("\\D", "").length();
		int most = (international || candidate.startsWith("00")) ? 15 : 12;
		if (digits < (international ? 8 : 9) || digits > most) {
			return false;
		}
		if (!international && (groups.length == 1 || hasLongGroup(groups) || THOUSANDS.matcher(candidate).matches()
				|| isVersion(candidate, groups))) {
			return false;
		}
		return !DATE.matcher(candidate).find() && !IPV4.matcher(candidate).matches() && balanced(candidate);
	}

	private static boolean hasLongGroup(String[] groups) {
		for (String group : groups) {
			if (group.length() > 5) {
				return true;
			}
		}
		return false;
	}

	private static boolean isVersion(String candidate, String[] groups) {
		if (!VERSION.matcher(candidate).matches()) {
			return false;
		}
		for (int i = 1; i < groups.length; i++) {
			if (groups[i].length() == 1) {
				return true;
			}
		}
		return false;
	}

	private static boolean balanced(String candidate) {
		return candidate.chars().filter((c) -> c == '(').count() == candidate.chars().filter((c) -> c == ')').count();
	}

	// "(tel 01 23 45 67 89)": the opening parenthesis belongs to the sentence.
	private static String withoutUnclosedParenthesis(String candidate) {
		return (candidate.startsWith("(") && candidate.indexOf(')') < 0) ? candidate.substring(1) : candidate;
	}

}

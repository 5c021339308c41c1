package io.dispycluster.worker.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.jsoup.nodes.Document;

/**
 * Finds the e-mail addresses a page writes so that harvesters miss them and readers do
 * not:
 * <ul>
 * <li>with the {@code @} or a dot as a word or a sign between brackets, parentheses,
 * braces or angle brackets, in any case, with or without spaces:
 * {@code john [at] example [dot] com}, {@code john(at)example(dot)com},
 * {@code john{at}example.com}, {@code john<at>example.com}, {@code john@example[.]com},
 * {@code jean [arobase] exemple [point] fr}, and in German
 * {@code info(at)firma(punkt)de};</li>
 * <li>spelled out in words ({@link SpelledOutEmails}):
 * {@code john dot smith at example dot com}, {@code jean arobase exemple point fr};</li>
 * <li>with the {@code @} alone as a word or set apart by spaces, before a domain with
 * dots ({@link SpelledOutEmails}): {@code john at example.com},
 * {@code john @ example.com};</li>
 * <li>hidden by Cloudflare's e-mail protection, which shows {@code [email protected]} in
 * their place ({@link CloudflareEmails}).</li>
 * </ul>
 * Prose must not turn into addresses: an address found so is kept only if it is a valid
 * one with a plausible local part (no dot at either end or twice in a row) and a
 * top-level domain of letters.
 * <p>
 * Each form is looked for only when the text holds its marker, which one pass over its
 * characters tells; a page without any costs that pass and nothing else.
 */
final class ObfuscatedEmailRule {

	private static final int BRACKETS = 1;

	private static final int DOT_WORDS = 2;

	private static final int AROBASE_WORDS = 4;

	// Cloudflare's placeholder for an address it protects: "[email protected]".
	private static final int CLOUDFLARE = 8;

	// The word "at", and an "@" with a space on either side.
	private static final int AT_WORD = 16;

	private static final int SPACED_AT = 32;

	// The words that stand for "@" and "." between brackets, lower-case: English, French
	// and German, whose sites' legal notices often write "info(at)firma(punkt)de".
	private static final List<String> MARKER_WORDS = List.of("at", "arobase", "dot", "point", "punkt");

	private static final Pattern LOCAL_PART = Pattern.compile("[A-Za-z0-9_+-]++(?:\\.[A-Za-z0-9_+-]++)*+");

	private static final Pattern LETTERS = Pattern.compile("[A-Za-z]{2,24}|xn--[A-Za-z0-9-]{1,59}");

	private ObfuscatedEmailRule() {
	}

	/**
	 * Finds the addresses in disguise of a text.
	 * @param text the text
	 * @return the addresses, in the order found, duplicates included; plain ones too when
	 * the text has bracketed markers (the caller lists each address once)
	 */
	static List<String> find(String text) {
		char[] chars = text.toCharArray();
		return inText(text, chars, markers(chars));
	}

	/**
	 * Finds the addresses in disguise of a page: in its visible text, whose characters
	 * the caller has at hand already, and, when the text shows Cloudflare's placeholder,
	 * in the elements Cloudflare hides them in.
	 * @param page the page
	 * @param text its visible text
	 * @param chars the characters of the text
	 * @return the addresses, as {@link #find(String)} returns them
	 */
	static List<String> find(Document page, String text, char[] chars) {
		int markers = markers(chars);
		List<String> emails = inText(text, chars, markers);
		if ((markers & CLOUDFLARE) != 0) {
			emails.addAll(CloudflareEmails.inElements(page));
		}
		return emails;
	}

	private static List<String> inText(String text, char[] chars, int markers) {
		List<String> emails = new ArrayList<>();
		if ((markers & BRACKETS) != 0) {
			for (String email : EmailRule.find(revealBracketed(text, chars))) {
				if (isPlausible(email)) {
					emails.add(email);
				}
			}
		}
		if ((markers & DOT_WORDS) != 0) {
			emails.addAll(SpelledOutEmails.inEnglish(text));
		}
		if ((markers & AROBASE_WORDS) != 0) {
			emails.addAll(SpelledOutEmails.inFrench(text));
		}
		if ((markers & (AT_WORD | SPACED_AT)) != 0) {
			emails.addAll(SpelledOutEmails.withDottedDomain(text, chars, (markers & AT_WORD) != 0,
					(markers & SPACED_AT) != 0));
		}
		return emails;
	}

	/**
	 * Whether an address found in a disguise is one: valid, with a local part of at most
	 * 64 characters and no dot at either end or twice in a row, and a top-level domain of
	 * letters (or an internationalised one).
	 */
	static boolean isPlausible(String email) {
		int at = email.lastIndexOf('@');
		String tld = email.substring(email.lastIndexOf('.') + 1);
		return EmailRule.isEmail(email) && at <= 64 && LOCAL_PART.matcher(email.substring(0, at)).matches()
				&& LETTERS.matcher(tld).matches();
	}

	// Which forms the text may hold, in one pass over its characters: a bracketed marker,
	// the word "dot", the word "arobase", Cloudflare's placeholder, the word "at", an "@"
	// between spaces. The pass looks further only at an opening bracket, a "d" before an
	// "o", a "b" after one, an "a" before a "t" and an "@"; String.contains for each word
	// would cost several times more where the code is not fully optimised (C1) and the
	// text is beyond Latin-1.
	private static int markers(char[] chars) {
		int markers = 0;
		for (int i = 0; i < chars.length; i++) {
			char c = chars[i];
			// One comparison for both cases of a letter, and for "[" and "{" (0x5B,
			// 0x7B).
			int folded = c | 0x20;
			if (folded == '{' || c == '(' || c == '<') {
				markers |= (bracketedMarkerEnd(chars, i) > 0) ? BRACKETS : 0;
				markers |= (c == '[' && hasLettersAt(chars, i + 1, "email")) ? CLOUDFLARE : 0;
			}
			else if (folded == 'd' && i + 1 < chars.length && (chars[i + 1] | 0x20) == 'o') {
				markers |= isWordAt(chars, i, "dot") ? DOT_WORDS : 0;
			}
			else if (folded == 'b' && i > 0 && (chars[i - 1] | 0x20) == 'o') {
				markers |= isWordAt(chars, i - 3, "arobase") ? AROBASE_WORDS : 0;
			}
			else if (folded == 'a' && i + 1 < chars.length && (chars[i + 1] | 0x20) == 't') {
				markers |= isWordAt(chars, i, "at") ? AT_WORD : 0;
			}
			else if (c == '@'
					&& ((i > 0 && isSpace(chars[i - 1])) || (i + 1 < chars.length && isSpace(chars[i + 1])))) {
				markers |= SPACED_AT;
			}
		}
		return markers;
	}

	/**
	 * The text with each bracketed marker, and the spaces around it on its line, replaced
	 * by the sign it stands for; the text itself when it has none.
	 */
	static String revealBracketed(String text, char[] chars) {
		StringBuilder revealed = null;
		int copied = 0;
		for (int i = 0; i < chars.length; i++) {
			int end = (chars[i] == '[' || chars[i] == '(' || chars[i] == '{' || chars[i] == '<')
					? bracketedMarkerEnd(chars, i) : -1;
			if (end < 0) {
				continue;
			}
			revealed = (revealed != null) ? revealed : new StringBuilder(text.length());
			int start = i;
			while (start > copied && isSpace(chars[start - 1])) {
				start--;
			}
			// "at", "arobase" or "@"; else "dot", "point", "punkt" or ".".
			char first = chars[skipSpaces(chars, i + 1)];
			boolean at = first == '@' || (first | 0x20) == 'a';
			revealed.append(text, copied, start).append(at ? '@' : '.');
			copied = skipSpaces(chars, end);
			i = copied - 1;
		}
		return (revealed != null) ? revealed.append(text, copied, text.length()).toString() : text;
	}

	// Where the bracketed marker opened at "open" ends (after its closing bracket), or -1
	// if there is none: "[at]", "( dot )", "{@}", "[.]", "<at>", in any case.
	private static int bracketedMarkerEnd(char[] chars, int open) {
		int i = skipSpaces(chars, open + 1);
		int end = -1;
		if (i < chars.length && (chars[i] == '@' || chars[i] == '.')) {
			end = i + 1;
		}
		for (int w = 0; w < MARKER_WORDS.size() && end < 0; w++) {
			end = hasLettersAt(chars, i, MARKER_WORDS.get(w)) ? i + MARKER_WORDS.get(w).length() : -1;
		}
		if (end < 0) {
			return -1;
		}
		end = skipSpaces(chars, end);
		boolean closed = end < chars.length
				&& (chars[end] == ']' || chars[end] == ')' || chars[end] == '}' || chars[end] == '>');
		return closed ? end + 1 : -1;
	}

	// Whether the word (lower-case) is at "from" between spaces, in any case.
	private static boolean isWordAt(char[] chars, int from, String word) {
		int end = from + word.length();
		return from > 0 && end < chars.length && isSpace(chars[from - 1]) && isSpace(chars[end])
				&& hasLettersAt(chars, from, word);
	}

	// Whether the letters of the word (lower-case) are at "from", in any case.
	private static boolean hasLettersAt(char[] chars, int from, String word) {
		if (from + word.length() > chars.length) {
			return false;
		}
		for (int i = 0; i < word.length(); i++) {
			if ((chars[from + i] | 0x20) != word.charAt(i)) {
				return false;
			}
		}
		return true;
	}

	private static int skipSpaces(char[] chars, int from) {
		int i = from;
		while (i < chars.length && isSpace(chars[i])) {
			i++;
		}
		return i;
	}

	private static boolean isSpace(char c) {
		return c == ' ' || c == '\t' || c == '\u00A0';
	}

}

package io.dispycluster.worker.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * E-mail addresses spelled out in words, the whole address:
 * {@code john dot smith at example dot com} (in any case), or in French
 * {@code jean arobase exemple point fr}; and those whose at sign alone is disguised, as
 * the word "at" or an {@code @} set apart by spaces, before a domain written with dots:
 * {@code john at example.com}, {@code john @ example.com}.
 * <p>
 * "at" and "dot" are words of sentences too ("find us at example dot com", "learn more at
 * example dot com", "tickets at example.com", "at the dot com peak"), so an address in
 * English words must also end in a known top-level domain, its local part must not be a
 * word that often comes before "at" in a sentence nor follow one that makes it a noun of
 * the sentence ("more info at", "get your tickets at"), and its domain must not start
 * with an article; one whose domain has dots must also stand where an address is
 * introduced, at the start of a line, after a sign or after a word such as "write to". An
 * {@code @} between spaces is read with the same care for its local part: "tickets @
 * example.com" is a call to action as well. "arobase" is no word of French sentences.
 */
final class SpelledOutEmails {

	private static final Pattern ENGLISH = spelledOut("at", "dot");

	private static final Pattern FRENCH = spelledOut("arobase", "(?:point|dot)");

	private static final Pattern DOT_WORD = Pattern.compile("[ \\t\\u00A0]{1,4}+(?:dot|point)[ \\t\\u00A0]{1,4}+",
			Pattern.CASE_INSENSITIVE);

	// Top-level domains common enough that "dot" before one is an address's rather than
	// a sentence's; all two-letter ones (countries) count too.
	private static final Set<String> KNOWN_TOP_LEVEL_DOMAINS = Set.of("com", "org", "net", "edu", "gov", "mil", "int",
			"info", "biz", "name", "pro", "mobi", "app", "dev", "io", "ai", "xyz", "online", "site", "tech", "store",
			"shop", "blog", "email", "cloud", "digital", "agency", "studio", "design", "media", "news", "live", "life",
			"world", "today", "space", "website", "club", "art", "asia", "cat", "coop", "museum", "travel", "jobs",
			"paris", "bzh", "alsace", "corsica", "quebec", "swiss", "berlin", "london", "nyc");

	// Words that come before "at" in sentences far more often than as a mailbox.
	private static final Set<String> PROSE_BEFORE_AT = Set.of("i", "me", "we", "us", "you", "he", "him", "she", "her",
			"it", "they", "them", "one", "someone", "anyone", "everyone", "who", "here", "there", "look", "looked",
			"looking", "looks", "stare", "stared", "glance", "point", "pointed", "aim", "aimed", "arrive", "arrived",
			"arriving", "stay", "stayed", "staying", "stop", "stopped", "meet", "met", "meeting", "see", "seen", "saw",
			"visit", "visited", "find", "found", "available", "online", "live", "lives", "lived", "living", "located",
			"based", "held", "hosted", "sold", "bought", "work", "works", "worked", "working", "play", "played",
			"start", "starts", "started", "starting", "end", "ends", "ended", "open", "opens", "opened", "closed", "is",
			"are", "was", "were", "be", "been", "being", "am", "and", "or", "but", "not", "only", "just", "also",
			"even", "all", "both", "good", "great", "better", "best", "bad", "worse", "worst", "home", "now", "then",
			"once", "laugh", "laughed", "smile", "smiled", "priced", "valued", "rated", "ranked", "born", "died",
			"posted", "published", "listed", "launched", "released", "announced", "spoke", "speaking", "studied",
			"studying", "taught", "teaching", "peaked",
			// What a call to action puts before the site it names: "learn more at",
			// "sign up at", "check it out at", "try it free at".
			"more", "up", "out", "free", "today", "tonight", "learn", "apply", "register", "subscribe", "donate",
			"download", "buy", "order", "listen", "watch", "read", "follow", "shop", "book", "call", "join",
			// What a call to action names before the site it sends to: "tickets at
			// example.com", "details at example dot org", "get yours at".
			"tickets", "ticket", "details", "directions", "photos", "pictures", "videos", "slides", "menu",
			"reservations", "bookings", "deals", "offers", "prices", "pricing", "rates", "updates", "results",
			"schedule", "tour", "tours", "dates", "merch", "events", "courses", "classes", "docs", "documentation",
			"downloads", "resources", "everything", "anything", "something", "yours", "ours", "this", "that", "sale");

	// Words that make the word after them a noun of a sentence rather than a mailbox:
	// "more info at example.com", "get your tickets at", "the team at example.org".
	private static final Set<String> PROSE_BEFORE_LOCAL_PART = Set.of("more", "further", "full", "additional",
			"complete", "latest", "the", "a", "an", "our", "your", "their", "my", "his", "her", "its", "get", "buy",
			"find", "see", "grab", "reserve", "all", "free", "for", "on", "of", "with", "by");

	// Words after which "john at example.com" is an address: "write to", "e-mail",
	// "contact", "reach", "or" and "and" between two addresses. Else it must start its
	// line or follow a sign ("Email: ", "("): a domain with dots makes "at" a
	// sentence's far more often than "dot" does, and no list could name every noun a
	// sentence puts before it ("read the full story at example.com", "sold exclusively
	// at example.com").
	private static final Set<String> CUES = Set.of("to", "mail", "email", "contact", "write", "reach", "message",
			"ping", "at", "is", "or", "and", "cc", "from");

	// Words a sentence puts after "at" where an address would have its domain.
	private static final Set<String> ARTICLES = Set.of("the", "a", "an", "this", "that", "these", "those", "my", "our",
			"your", "his", "her", "their", "its", "some", "any", "every", "each", "no", "least", "most", "all", "first",
			"last", "once", "home", "work", "school", "night", "noon");

	private SpelledOutEmails() {
	}

	/** The addresses written with the words "at" and "dot". */
	static List<String> inEnglish(String text) {
		return find(ENGLISH, text, true);
	}

	/** The addresses written with the words "arobase" and "point" (or "dot"). */
	static List<String> inFrench(String text) {
		return find(FRENCH, text, false);
	}

	/**
	 * The addresses written with the word "at" (in any case) or an {@code @} with a space
	 * on either side, before a domain written with dots: {@code john at example.com},
	 * {@code john dot smith at example.com}, {@code john @ example.com}.
	 * @param text the text
	 * @param chars its characters
	 * @param word whether to look for the word "at"
	 * @param sign whether to look for an {@code @} set apart by spaces
	 * @return the addresses, in the order found
	 */
	static List<String> withDottedDomain(String text, char[] chars, boolean word, boolean sign) {
		List<String> emails = new ArrayList<>();
		for (int i = 1; i + 1 < chars.length; i++) {
			int end = -1;
			if (sign && chars[i] == '@' && (isSpace(chars[i - 1]) || isSpace(chars[i + 1]))) {
				end = i + 1;
			}
			else if (word && (chars[i] | 0x20) == 'a' && (chars[i + 1] | 0x20) == 't' && i + 2 < chars.length
					&& isSpace(chars[i - 1]) && isSpace(chars[i + 2])) {
				end = i + 2;
			}
			String email = (end > 0) ? aroundAt(text, chars, i, end, chars[i] != '@') : null;
			if (email != null) {
				emails.add(email);
			}
		}
		return emails;
	}

	// The address whose at sign (or word) is at [at, end), or null if what is around it
	// is none or reads as a sentence. All on one line: spaces never include line breaks.
	private static @Nullable String aroundAt(String text, char[] chars, int at, int end, boolean word) {
		// The domain first: most "at"s of a text have none with a dot after them.
		int domainStart = skipSpaces(chars, end);
		int domainEnd = domainStart;
		boolean dotted = false;
		while (domainEnd < chars.length && isDomainPart(chars[domainEnd])) {
			dotted |= chars[domainEnd] == '.' && domainEnd > domainStart;
			domainEnd++;
		}
		// A dot or hyphen that ends the domain is the sentence's.
		while (domainEnd > domainStart && (chars[domainEnd - 1] == '.' || chars[domainEnd - 1] == '-')) {
			domainEnd--;
		}
		if (!dotted || !isBoundary(chars, domainEnd)) {
			return null;
		}
		int localEnd = skipSpacesBack(chars, at);
		int localStart = startOfLocalPart(chars, localEnd);
		// "john dot smith at": the local part's dots may be words as well, eight at most
		// as in a local part spelled out whole, which does not start inside a longer
		// chain.
		boolean dotWords = false;
		for (int words = 0; localStart < localEnd; words++) {
			int dotEnd = skipSpacesBack(chars, localStart);
			if (dotEnd == localStart || !isWordBefore(chars, dotEnd, "dot")) {
				break;
			}
			int wordEnd = skipSpacesBack(chars, dotEnd - 3);
			int wordStart = startOfLocalPart(chars, wordEnd);
			if (wordStart == wordEnd) {
				break;
			}
			if (words == 8) {
				return null;
			}
			localStart = wordStart;
			dotWords = true;
		}
		if (localStart == localEnd || !isBoundary(chars, localStart - 1)) {
			return null;
		}
		String before = wordBefore(text, localStart);
		if (PROSE_BEFORE_LOCAL_PART.contains(before) || (word && !before.isEmpty() && !CUES.contains(before))) {
			return null;
		}
		String local = text.substring(localStart, localEnd);
		local = dotWords ? DOT_WORD.matcher(local).replaceAll(".") : local;
		String domain = text.substring(domainStart, domainEnd);
		String email = local + "@" + domain;
		boolean plausible = !PROSE_BEFORE_AT.contains(local.toLowerCase(Locale.ROOT))
				&& ObfuscatedEmailRule.isPlausible(email);
		return (plausible && (!word || isUnlikelyProse(local, domain))) ? email : null;
	}

	private static int startOfLocalPart(char[] chars, int end) {
		int start = end;
		while (start > 0 && isLocalPart(chars[start - 1])) {
			start--;
		}
		return start;
	}

	// Whether the word (lower-case) ends at "end" and has a space before it.
	private static boolean isWordBefore(char[] chars, int end, String word) {
		int start = end - word.length();
		if (start < 1 || !isSpace(chars[start - 1])) {
			return false;
		}
		for (int i = 0; i < word.length(); i++) {
			if ((chars[start + i] | 0x20) != word.charAt(i)) {
				return false;
			}
		}
		return true;
	}

	// The word before "start" on its line, in lower case, or "" if there is none.
	private static String wordBefore(String text, int start) {
		int end = start;
		while (end > 0 && isSpace(text.charAt(end - 1))) {
			end--;
		}
		int from = end;
		while (from > 0 && Character.isLetter(text.charAt(from - 1))) {
			from--;
		}
		return (end < start) ? text.substring(from, end).toLowerCase(Locale.ROOT) : "";
	}

	// Whether the character at "i" (none before the start or after the end) may border
	// an address: not a letter or digit of a longer word, not an apostrophe ("we're"),
	// not another at sign.
	private static boolean isBoundary(char[] chars, int i) {
		if (i < 0 || i >= chars.length) {
			return true;
		}
		char c = chars[i];
		return !Character.isLetterOrDigit(c) && c != '_' && c != '@' && c != '\'' && c != '\u2019';
	}

	// The characters of the upstream pattern's local part, [a-zA-Z0-9_.+-].
	private static boolean isLocalPart(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.'
				|| c == '+' || c == '-';
	}

	private static boolean isDomainPart(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-';
	}

	private static int skipSpaces(char[] chars, int from) {
		int i = from;
		while (i < chars.length && isSpace(chars[i])) {
			i++;
		}
		return i;
	}

	private static int skipSpacesBack(char[] chars, int end) {
		int i = end;
		while (i > 0 && isSpace(chars[i - 1])) {
			i--;
		}
		return i;
	}

	private static boolean isSpace(char c) {
		return c == ' ' || c == '\t' || c == '\u00A0';
	}

	private static List<String> find(Pattern pattern, String text, boolean english) {
		List<String> emails = new ArrayList<>();
		Matcher matcher = pattern.matcher(text);
		int from = 0;
		while (matcher.find(from)) {
			String local = DOT_WORD.matcher(matcher.group(1)).replaceAll(".");
			String domain = DOT_WORD.matcher(matcher.group(2)).replaceAll(".");
			String email = local + "@" + domain;
			if (ObfuscatedEmailRule.isPlausible(email) && (!english || (isUnlikelyProse(local, domain)
					&& !PROSE_BEFORE_LOCAL_PART.contains(wordBefore(text, matcher.start(1)))))) {
				emails.add(email);
				from = matcher.end();
			}
			else {
				// The domain may start the next address: "us at info at example dot org".
				from = matcher.start(2);
			}
		}
		return emails;
	}

	private static boolean isUnlikelyProse(String local, String domain) {
		String tld = domain.substring(domain.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
		String firstLabel = domain.substring(0, domain.indexOf('.')).toLowerCase(Locale.ROOT);
		boolean knownTld = tld.length() == 2 || KNOWN_TOP_LEVEL_DOMAINS.contains(tld);
		return knownTld && !PROSE_BEFORE_AT.contains(local.toLowerCase(Locale.ROOT)) && !ARTICLES.contains(firstLabel);
	}

	// A whole address in words: a local part of words (or dotted words) joined by the dot
	// word, the at word, and a domain of two labels or more joined by the dot word, all
	// on
	// one line. It does not start or end inside a word or a longer chain of dot words.
	// Every quantifier is possessive and bounded, so that no input makes it backtrack and
	// each try reads a few hundred characters at most, however long a run of words is.
	private static Pattern spelledOut(String atWord, String dotWord) {
		String space = "[ \\t\\u00A0]{1,4}+";
		String dot = space + dotWord + space;
		String word = "[a-z0-9_+-]{1,64}+";
		String local = "(" + word + "(?:\\." + word + "){0,8}+(?:" + dot + word + "){0,8}+)";
		String domain = "([a-z0-9-]{1,63}+(?:" + dot + "[a-z0-9-]{1,63}+){1,8}+)";
		return Pattern
			.compile(
					"(?<![\\p{L}\\p{N}_.+@'\u2019-])(?<!" + dotWord + "[ \\t\\u00A0]{1,4})" + local + space + atWord
							+ space + domain + "(?![\\p{L}\\p{N}_@-]|\\.[\\p{L}\\p{N}]|" + dot + ")",
					Pattern.CASE_INSENSITIVE);
	}

}

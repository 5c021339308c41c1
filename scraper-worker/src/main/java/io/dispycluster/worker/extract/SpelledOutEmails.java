package io.dispycluster.worker.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * E-mail addresses spelled out in words, the whole address:
 * {@code john dot smith at example dot com} (in any case), or in French
 * {@code jean arobase exemple point fr}.
 * <p>
 * "at" and "dot" are words of sentences too ("find us at example dot com", "learn more at
 * example dot com", "at the dot com peak"), so an address in English words must also end
 * in a known top-level domain, its local part must not be a word that often comes before
 * "at" in a sentence, and its domain must not start with an article. "arobase" is no word
 * of French sentences.
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
			"download", "buy", "order", "listen", "watch", "read");

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

	private static List<String> find(Pattern pattern, String text, boolean english) {
		List<String> emails = new ArrayList<>();
		Matcher matcher = pattern.matcher(text);
		int from = 0;
		while (matcher.find(from)) {
			String local = DOT_WORD.matcher(matcher.group(1)).replaceAll(".");
			String domain = DOT_WORD.matcher(matcher.group(2)).replaceAll(".");
			String email = local + "@" + domain;
			if (ObfuscatedEmailRule.isPlausible(email) && (!english || isUnlikelyProse(local, domain))) {
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
		return Pattern.compile("(?<![\\p{L}\\p{N}_.+@-])(?<!" + dotWord + "[ \\t\\u00A0]{1,4})" + local + space + atWord
				+ space + domain + "(?![\\p{L}\\p{N}_@-]|\\.[\\p{L}\\p{N}]|" + dot + ")", Pattern.CASE_INSENSITIVE);
	}

}

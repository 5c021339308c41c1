package io.dispycluster.worker.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Finds e-mail addresses with the upstream contract's pattern. A dot or hyphen that ends
 * a match is punctuation of the sentence ("write to alice@example.org."), not part of the
 * address, and is dropped; a match whose last label cannot be a top-level domain (a
 * version number, an image's file name) is no address.
 * <p>
 * The pattern is tried only where an address can be: every match contains an {@code @},
 * and starts where the run of local-part characters before that {@code @} starts. Trying
 * it at every position of a page's text instead (what {@link Matcher#find()} does) cost
 * most of a crawl's time; the matches are the same.
 */
final class EmailRule {

	/** The upstream contract's pattern, verbatim. */
	static final Pattern EMAIL = Pattern.compile("[a-zA-Z0-9_.+-]+@[a-zA-Z0-9-]+\\.[a-zA-Z0-9-.]+");

	private static final Set<String> IMAGE_EXTENSIONS = Set.of("png", "jpg", "jpeg", "gif", "webp", "avif", "svg",
			"bmp", "ico", "tif", "tiff");

	private EmailRule() {
	}

	static List<String> find(String text) {
		List<String> emails = new ArrayList<>();
		Matcher matcher = null;
		int from = 0;
		for (int at = text.indexOf('@'); at >= 0; at = text.indexOf('@', Math.max(at + 1, from))) {
			int start = at;
			while (start > from && isLocalPart(text.charAt(start - 1))) {
				start--;
			}
			if (start == at) {
				continue;
			}
			matcher = (matcher != null) ? matcher : EMAIL.matcher(text);
			matcher.region(start, text.length());
			if (matcher.lookingAt()) {
				from = matcher.end();
				String email = address(matcher.group());
				if (email != null) {
					emails.add(email);
				}
			}
		}
		return emails;
	}

	// The characters of the pattern's local part, [a-zA-Z0-9_.+-].
	private static boolean isLocalPart(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.'
				|| c == '+' || c == '-';
	}

	/** The address in a match of the pattern, or null if what is left is none. */
	static @Nullable String address(String match) {
		String email = trimTrailingPunctuation(match);
		return isEmail(email) ? email : null;
	}

	static boolean isEmail(String candidate) {
		return EMAIL.matcher(candidate).matches() && !candidate.endsWith(".")
				&& isTopLevelDomain(candidate.substring(candidate.lastIndexOf('.') + 1));
	}

	// What the pattern takes for a domain is often none: no top-level domain is all
	// digits (pkg@1.2.3, v2.0@beta.4 are versions) or a single character (vue@3.x,
	// node@18.x are version ranges), and none is an image format (logo@2x.png,
	// icon@3x.webp are high-resolution images' file names).
	private static boolean isTopLevelDomain(String label) {
		return label.length() >= 2 && label.chars().anyMatch(Character::isLetter)
				&& !IMAGE_EXTENSIONS.contains(label.toLowerCase(Locale.ROOT));
	}

	private static String trimTrailingPunctuation(String match) {
		int end = match.length();
		while (end > 0 && (match.charAt(end - 1) == '.' || match.charAt(end - 1) == '-')) {
			end--;
		}
		return match.substring(0, end);
	}

}

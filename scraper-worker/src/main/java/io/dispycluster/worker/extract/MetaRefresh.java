package io.dispycluster.worker.extract;

import java.util.Locale;
import java.util.Optional;

/**
 * The target of a {@code <meta http-equiv="refresh" content="5; url=/next">}, read as the
 * HTML standard's "shared declarative refresh steps" read it: a time, then {@code ;} or
 * {@code ,}, then the URL, optionally after {@code url=} and between quotes. Browsers go
 * there, so a crawl that stopped at such a page would miss the site behind it (an
 * {@code index.html} that sends visitors to {@code /en/}, a page that moved).
 */
final class MetaRefresh {

	private MetaRefresh() {
	}

	/**
	 * The URL a refresh's {@code content} sends to, as written.
	 * @param content the attribute's value
	 * @return the URL, or empty for a plain reload or a value that is not a refresh
	 */
	static Optional<String> target(String content) {
		String rest = content.stripLeading();
		int time = 0;
		while (time < rest.length() && (Character.isDigit(rest.charAt(time)) || rest.charAt(time) == '.')) {
			time++;
		}
		if (time == 0) {
			return Optional.empty();
		}
		rest = rest.substring(time).stripLeading();
		if (!rest.isEmpty() && (rest.charAt(0) == ';' || rest.charAt(0) == ',')) {
			rest = rest.substring(1).stripLeading();
		}
		if (rest.toLowerCase(Locale.ROOT).startsWith("url")) {
			String afterName = rest.substring(3).stripLeading();
			if (afterName.startsWith("=")) {
				rest = afterName.substring(1).stripLeading();
			}
		}
		if (!rest.isEmpty() && (rest.charAt(0) == '"' || rest.charAt(0) == '\'')) {
			int end = rest.indexOf(rest.charAt(0), 1);
			rest = rest.substring(1, (end < 0) ? rest.length() : end);
		}
		rest = rest.strip();
		return rest.isEmpty() ? Optional.empty() : Optional.of(rest);
	}

}

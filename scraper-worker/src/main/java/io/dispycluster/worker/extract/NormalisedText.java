package io.dispycluster.worker.extract;

import java.util.regex.Pattern;

/**
 * A text as a browser shows a title or a tooltip: each run of white space, no-break
 * spaces included (what {@code &nbsp;} gives), one space, none at either end.
 */
final class NormalisedText {

	// What jsoup's Document.title() collapses.
	private static final Pattern WHITESPACE = Pattern.compile("[ \\t\\n\\f\\r\\u00A0]+");

	private NormalisedText() {
	}

	static String of(String text) {
		return WHITESPACE.matcher(text).replaceAll(" ").strip();
	}

}

package io.dispycluster.worker.crawl;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Tiny HTML pages for crawler tests.
 */
final class Pages {

	private Pages() {
	}

	/** A page whose body holds one {@code <a>} per href, in order. */
	static String linking(String... hrefs) {
		String anchors = Arrays.stream(hrefs)
			.map((href) -> "<a href=\"" + href + "\">" + href + "</a>")
			.collect(Collectors.joining("\n"));
		return "<!doctype html><html><head><title>Page</title></head><body>" + anchors + "</body></html>";
	}

}

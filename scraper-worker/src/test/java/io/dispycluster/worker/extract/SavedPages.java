package io.dispycluster.worker.extract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * The saved pages under {@code src/test/resources/pages/}, parsed as the crawler would.
 */
final class SavedPages {

	private SavedPages() {
	}

	static Document load(String name, String url) {
		try (InputStream in = SavedPages.class.getResourceAsStream("/pages/" + name)) {
			if (in == null) {
				throw new IllegalArgumentException("No saved page " + name);
			}
			return Jsoup.parse(in, "UTF-8", url);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

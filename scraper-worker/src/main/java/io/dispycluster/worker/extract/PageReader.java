package io.dispycluster.worker.extract;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Map;

import io.dispycluster.worker.fetch.FetchedPage;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jspecify.annotations.Nullable;

/**
 * Parses a fetched HTML page with jsoup and runs the extractors over it.
 */
public class PageReader {

	private final TitleExtractor title = new TitleExtractor();

	private final DescriptionExtractor description = new DescriptionExtractor();

	private final LinkExtractor links = new LinkExtractor();

	private final PiiExtractor pii = new PiiExtractor();

	/**
	 * Reads a page.
	 * @param page a response with a body
	 * @param rules the job's extraction rules
	 * @return what the extractors found
	 */
	public PageContent read(FetchedPage page, List<FieldRule> rules) {
		Document document = parse(page);
		Map<String, @Nullable Object> data = rules.isEmpty() ? Map.of() : new DataExtractor(rules).extract(document);
		return new PageContent(this.title.extract(document).orElse(null),
				this.description.extract(document).orElse(null), this.links.extract(document),
				this.pii.extract(document), data);
	}

	/**
	 * Parses a page's body. The base URI is the URL after redirects; a
	 * {@code <base href>} in the page overrides it, as in a browser.
	 * @param page a response with a body
	 * @return the document
	 */
	public static Document parse(FetchedPage page) {
		byte[] body = (page.body() != null) ? page.body() : new byte[0];
		try {
			return Jsoup.parse(new ByteArrayInputStream(body), supported(page.charset()), page.finalUrl());
		}
		catch (IOException ex) {
			// Reading from memory does not fail.
			throw new UncheckedIOException(ex);
		}
	}

	// An unknown charset name is ignored, and jsoup detects the charset from the page.
	private static @Nullable String supported(@Nullable String charset) {
		try {
			return (charset != null && Charset.isSupported(charset)) ? charset : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}

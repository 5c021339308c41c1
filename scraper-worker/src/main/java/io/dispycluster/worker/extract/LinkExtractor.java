package io.dispycluster.worker.extract;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import okhttp3.HttpUrl;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * The page's links: {@code <a href>} and {@code <area href>} only (never stylesheets,
 * scripts or icons), resolved against the page's base ({@code <base href>} if present,
 * else the URL after redirects), without fragments, http(s) only, each once, in document
 * order.
 */
public class LinkExtractor implements Extractor<List<String>> {

	private static final Evaluator LINKS = QueryParser.parse("a[href], area[href]");

	@Override
	public List<String> extract(Document page) {
		Set<String> links = new LinkedHashSet<>();
		String baseUri = null;
		HttpUrl base = null;
		for (Element anchor : page.select(LINKS)) {
			// Every element of a page has the document's base: parse it once, not per
			// link.
			String uri = anchor.baseUri();
			if (!uri.equals(baseUri)) {
				baseUri = uri;
				base = WebUrls.parse(uri);
			}
			if (base != null) {
				WebUrls.resolve(base, anchor.attr("href")).ifPresent(links::add);
			}
		}
		return List.copyOf(links);
	}

}

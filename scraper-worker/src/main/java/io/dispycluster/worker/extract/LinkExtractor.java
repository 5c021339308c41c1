package io.dispycluster.worker.extract;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import okhttp3.HttpUrl;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/**
 * The page's links: {@code <a href>}, {@code <area href>}, the pages of a frameset
 * ({@code <frame src>}) and the target of a {@code <meta http-equiv="refresh">}: where a
 * visitor goes from the page, never stylesheets, scripts, icons or embedded frames
 * ({@code <iframe>}: maps, videos, ads). Resolved against the page's base
 * ({@code <base href>} if present, else the URL after redirects), without fragments,
 * http(s) only, each once, in document order.
 */
public class LinkExtractor implements Extractor<List<String>> {

	private static final Evaluator LINKS = QueryParser
		.parse("a[href], area[href], frame[src], meta[http-equiv~=(?i)^\\s*refresh\\s*$][content]");

	@Override
	public List<String> extract(Document page) {
		Set<String> links = new LinkedHashSet<>();
		String baseUri = null;
		HttpUrl base = null;
		for (Element link : page.select(LINKS)) {
			// Every element of a page has the document's base: parse it once, not per
			// link.
			String uri = link.baseUri();
			if (!uri.equals(baseUri)) {
				baseUri = uri;
				base = WebUrls.parse(uri);
			}
			Optional<String> target = target(link);
			if (base != null && target.isPresent()) {
				WebUrls.resolve(base, target.get()).ifPresent(links::add);
			}
		}
		return List.copyOf(links);
	}

	private static Optional<String> target(Element link) {
		return switch (link.normalName()) {
			case "frame" -> Optional.of(link.attr("src"));
			case "meta" -> MetaRefresh.target(link.attr("content"));
			default -> Optional.of(link.attr("href"));
		};
	}

}

package io.dispycluster.worker.extract;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The page's links: {@code <a href>} and {@code <area href>} only (never stylesheets,
 * scripts or icons), resolved against the page's base ({@code <base href>} if present,
 * else the URL after redirects), without fragments, http(s) only, each once, in document
 * order.
 */
public class LinkExtractor implements Extractor<List<String>> {

	@Override
	public List<String> extract(Document page) {
		Set<String> links = new LinkedHashSet<>();
		for (Element anchor : page.select("a[href], area[href]")) {
			WebUrls.resolve(anchor.baseUri(), anchor.attr("href")).ifPresent(links::add);
		}
		return List.copyOf(links);
	}

}

package io.dispycluster.worker.extract;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
 * ({@code <base href>} if present and one browsers use, else the URL after redirects),
 * without fragments, http(s) only, each once, in document order; never Cloudflare's
 * e-mail protection links, whose addresses are read instead.
 */
public class LinkExtractor implements Extractor<List<String>> {

	private static final Evaluator LINKS = QueryParser
		.parse("a[href], area[href], frame[src], meta[http-equiv~=(?i)^\\s*refresh\\s*$][content]");

	private static final Pattern SCHEME = Pattern.compile("\\s*([a-zA-Z][a-zA-Z0-9+.-]*):");

	private static final String CLOUDFLARE_EMAIL_PATH = CloudflareEmails.LINK_PATH.substring(0,
			CloudflareEmails.LINK_PATH.length() - 1);

	private static final Set<String> WEB_SCHEMES = Set.of("http", "https");

	// Schemes a base href must not have to be used, and web ones that failed to parse
	// (an invalid port or host): browsers then resolve against the page's URL.
	private static final Set<String> BASES_BROWSERS_IGNORE = Set.of("http", "https", "javascript", "data");

	@Override
	public List<String> extract(Document page) {
		Set<String> links = new LinkedHashSet<>();
		String baseUri = null;
		HttpUrl base = null;
		boolean absoluteOnly = false;
		for (Element link : page.select(LINKS)) {
			// Every element of a page has the document's base: parse it once, not per
			// link.
			String uri = link.baseUri();
			if (!uri.equals(baseUri)) {
				baseUri = uri;
				base = WebUrls.parse(uri);
				absoluteOnly = base == null && hasOtherScheme(uri);
				// A base browsers do not use leaves the page's own URL (HTML's "frozen
				// base URL"): one that is no URL, a javascript: or a data: URL.
				base = (base != null) ? base : WebUrls.parse(page.location());
			}
			Optional<String> target = target(link);
			if (base != null && target.isPresent() && (!absoluteOnly || isAbsoluteWebUrl(target.get()))) {
				WebUrls.resolve(base, target.get()).filter((url) -> !isCloudflareEmailLink(url)).ifPresent(links::add);
			}
		}
		return List.copyOf(links);
	}

	// Whether a base that is no web URL is one of another scheme (ftp:, mailto:), which
	// browsers use: relative links then lead to no web page, absolute ones still do.
	private static boolean hasOtherScheme(String uri) {
		Matcher scheme = SCHEME.matcher(uri);
		return scheme.lookingAt() && !BASES_BROWSERS_IGNORE.contains(scheme.group(1).toLowerCase(Locale.ROOT));
	}

	// Cloudflare's e-mail protection turns each mailto: link into one to this path, with
	// the address in the fragment, and its script turns it back: no visitor goes there,
	// and following it would spend a page of max_pages on Cloudflare's page (the
	// addresses are read from the links, see CloudflareEmails).
	private static boolean isCloudflareEmailLink(String url) {
		return url.endsWith(CLOUDFLARE_EMAIL_PATH) && HttpUrl.get(url).encodedPath().equals(CLOUDFLARE_EMAIL_PATH);
	}

	private static boolean isAbsoluteWebUrl(String href) {
		Matcher scheme = SCHEME.matcher(href);
		return scheme.lookingAt() && WEB_SCHEMES.contains(scheme.group(1).toLowerCase(Locale.ROOT));
	}

	private static Optional<String> target(Element link) {
		return switch (link.normalName()) {
			case "frame" -> Optional.of(link.attr("src"));
			case "meta" -> MetaRefresh.target(link.attr("content"));
			default -> Optional.of(link.attr("href"));
		};
	}

}

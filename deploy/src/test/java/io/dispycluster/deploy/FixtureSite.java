package io.dispycluster.deploy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A small web site served on loopback for the cluster tests: 33 linked HTML pages, some
 * with e-mail addresses and phone numbers, three non-HTML resources and two dead links.
 * Its link graph is chosen so that a crawl's exact result depends on where it starts.
 *
 * <pre>
 * /                               links to the 5 sections, about, contact, style.css,
 *                                 report.pdf, logo.png, missing.html (404), a link to another
 *                                 origin (localhost instead of 127.0.0.1) and a mailto: link
 * /section/{s}.html               links to its 5 articles and to the next section
 * /section/{s}/article-{a}.html   links to the next article of its section
 * /section/5.html                 also links to article-6.html, which does not exist
 * /about.html, /contact.html      leaves with personal data
 * /slow/{key}/{n}.html            an endless chain (n links to n + 1), each page served after
 *                                 a delay, so that a crawl of it is still running when a test
 *                                 stops something; {key} tells one job's requests from another's
 * </pre>
 */
final class FixtureSite implements AutoCloseable {

	static final int SECTIONS = 5;

	static final int ARTICLES_PER_SECTION = 5;

	/** The default time each page of a slow chain takes to be served. */
	static final Duration SLOW_PAGE_DELAY = Duration.ofMillis(200);

	private static final Pattern SLOW_PAGE = Pattern.compile("^/slow/([\\w-]+)/(\\d+)\\.html$");

	private final HttpServer server;

	/** Enough threads for every crawl of a test to wait on a slow page at once. */
	private final ExecutorService executor = Executors.newFixedThreadPool(16);

	private final Map<String, Resource> resources = new LinkedHashMap<>();

	private final Duration slowPageDelay;

	private final Map<String, AtomicInteger> slowHits = new ConcurrentHashMap<>();

	private final List<String> slowKeysByFirstHit = new ArrayList<>();

	private FixtureSite(HttpServer server, Duration slowPageDelay) {
		this.server = server;
		this.slowPageDelay = slowPageDelay;
	}

	static FixtureSite start() throws IOException {
		return start(SLOW_PAGE_DELAY);
	}

	/**
	 * Starts the site.
	 * @param slowPageDelay how long each page of a slow chain takes to be served
	 */
	static FixtureSite start(Duration slowPageDelay) throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		FixtureSite site = new FixtureSite(server, slowPageDelay);
		site.publish();
		server.createContext("/", site::serve);
		server.setExecutor(site.executor);
		server.start();
		return site;
	}

	/** The site's origin, e.g. {@code http://127.0.0.1:41234}. */
	String origin() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	String url(String path) {
		return origin() + path;
	}

	/** Every HTML page of the site, as absolute URLs. */
	List<String> htmlPages() {
		return this.resources.entrySet()
			.stream()
			.filter((entry) -> entry.getValue().contentType().startsWith("text/html"))
			.map((entry) -> url(entry.getKey()))
			.toList();
	}

	/** The first page of the slow chain {@code key}. */
	String slowUrl(String key) {
		return url("/slow/" + key + "/1.html");
	}

	/** How many pages of the slow chain {@code key} were got (GET), repeats included. */
	int slowHits(String key) {
		AtomicInteger hits = this.slowHits.get(key);
		return (hits != null) ? hits.get() : 0;
	}

	/**
	 * The keys of the slow chains requested so far, in the order of their first request.
	 */
	List<String> slowKeysByFirstHit() {
		synchronized (this.slowKeysByFirstHit) {
			return List.copyOf(this.slowKeysByFirstHit);
		}
	}

	private void publish() {
		html("/", "Accueil", """
				<p>Bienvenue. Écrivez-nous : info@fixture.test</p>
				<!-- commented@hidden.test is in a comment, not on the page -->
				<script>var support = "script@hidden.test"; var id = "0612345678";</script>
				<div data-owner="attribute@hidden.test">Mis à jour le 2024-01-15, prix 1299,00 €</div>
				<ul>%s</ul>
				<a href="/about.html">À propos</a>
				<a href="/contact.html#form">Contact</a>
				<a href="/style.css">Feuille de style</a>
				<a href="/report.pdf">Rapport</a>
				<a href="/logo.png">Logo</a>
				<a href="/missing.html">Page disparue</a>
				<a href="http://localhost:%d/elsewhere.html">Autre origine</a>
				<a href="mailto:direction@fixture.test">Direction</a>
				<link rel="stylesheet" href="/never-followed.css">
				""".formatted(sectionLinks(), this.server.getAddress().getPort()));
		for (int s = 1; s <= SECTIONS; s++) {
			String onward = (s < SECTIONS) ? "<a href=\"" + (s + 1) + ".html\">Section suivante</a>"
					: "<a href=\"5/article-6.html\">Article disparu</a>";
			html("/section/" + s + ".html", "Section " + s, "<ul>" + articleLinks(s) + "</ul>" + onward);
			for (int a = 1; a <= ARTICLES_PER_SECTION; a++) {
				int next = (a % ARTICLES_PER_SECTION) + 1;
				html(articlePath(s, a), "Article " + s + "." + a, "<p>Article " + a + " de la section " + s + ".</p>"
						+ "<a href=\"article-" + next + ".html\">Suivant</a>");
			}
		}
		html("/about.html", "À propos", "<p>Équipe : Alice (alice@fixture.test), Bob.</p>");
		html("/contact.html", "Contact", """
				<p>Ventes : sales@fixture.test, téléphone +33 1 23 45 67 89</p>
				<p><a href="mailto:contact@fixture.test">Nous écrire</a> <a href="tel:+33612345678">Appeler</a></p>
				""");
		this.resources.put("/style.css", new Resource(200, "text/css", "body { color: black; }"));
		this.resources.put("/report.pdf", new Resource(200, "application/pdf", "%PDF-1.4 not really"));
		this.resources.put("/logo.png", new Resource(200, "image/png", "not really a png"));
		this.resources.put("/robots.txt", new Resource(200, "text/plain", "User-agent: *\nAllow: /\n"));
	}

	static String articlePath(int section, int article) {
		return "/section/" + section + "/article-" + article + ".html";
	}

	private static String sectionLinks() {
		StringBuilder links = new StringBuilder();
		for (int s = 1; s <= SECTIONS; s++) {
			links.append("<li><a href=\"section/").append(s).append(".html\">Section ").append(s).append("</a></li>");
		}
		return links.toString();
	}

	private static String articleLinks(int section) {
		StringBuilder links = new StringBuilder();
		for (int a = 1; a <= ARTICLES_PER_SECTION; a++) {
			links.append("<li><a href=\"")
				.append(section)
				.append("/article-")
				.append(a)
				.append(".html\">Article ")
				.append(a)
				.append("</a></li>");
		}
		return links.toString();
	}

	private void html(String path, String title, String body) {
		String page = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + title + "</title></head><body>"
				+ body + "</body></html>";
		this.resources.put(path, new Resource(200, "text/html; charset=utf-8", page));
	}

	private void serve(HttpExchange exchange) throws IOException {
		try (exchange) {
			String path = exchange.getRequestURI().getPath();
			Matcher slow = SLOW_PAGE.matcher(path);
			boolean head = "HEAD".equals(exchange.getRequestMethod());
			Resource resource = slow.matches() ? slowPage(slow.group(1), Integer.parseInt(slow.group(2)), !head)
					: this.resources.getOrDefault(path,
							new Resource(404, "text/html; charset=utf-8", "<html><body>Introuvable</body></html>"));
			byte[] body = resource.body().getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", resource.contentType());
			exchange.sendResponseHeaders(resource.status(), head ? -1 : body.length);
			if (!head) {
				try (OutputStream out = exchange.getResponseBody()) {
					out.write(body);
				}
			}
		}
	}

	private Resource slowPage(String key, int page, boolean count) {
		if (count && this.slowHits.computeIfAbsent(key, (k) -> new AtomicInteger()).getAndIncrement() == 0) {
			synchronized (this.slowKeysByFirstHit) {
				this.slowKeysByFirstHit.add(key);
			}
		}
		try {
			Thread.sleep(this.slowPageDelay.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		String html = "<!DOCTYPE html><html><head><title>Lent " + key + " " + page + "</title></head><body>"
				+ "<a href=\"" + (page + 1) + ".html\">Suite</a></body></html>";
		return new Resource(200, "text/html; charset=utf-8", html);
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

	private record Resource(int status, String contentType, String body) {
	}

}

package io.dispycluster.bench.site;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import io.dispycluster.bench.Args;
import io.dispycluster.bench.ProcessMemory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The ceiling of the crawl benchmark: the same pages as {@link SiteServer} parsed by
 * jsoup on one thread, with no network and no crawl bookkeeping. The pages are written to
 * {@code --dir} first and read back one at a time (from the page cache), so that the heap
 * holds one page at a time, as a crawler's does. Two figures: a plain parse, and a parse
 * plus what every crawler does with a page (title, absolute links, visible text). Prints
 * pages per second for each (the best of {@code --rounds} passes over every page, after 2
 * warm-up passes) and the process's peak RSS.
 * <p>
 * Options: those of {@link Site#from(Args)}, {@code --dir} (required), {@code --rounds}
 * (3).
 */
public final class JsoupCeiling {

	private static final String BASE = "http://127.0.0.1:8000";

	private JsoupCeiling() {
	}

	public static void main(String[] arguments) throws IOException {
		Args args = Args.parse(arguments);
		Site site = Site.from(args);
		Path dir = Path.of(args.string("dir", ""));
		int rounds = args.integer("rounds", 3);
		long bytes = write(site, dir);
		long sink = 0;
		for (int warmup = 0; warmup < 2; warmup++) {
			sink += pass(site, dir, false) + pass(site, dir, true);
		}
		double parseOnly = 0;
		double withExtraction = 0;
		for (int round = 0; round < rounds; round++) {
			long start = System.nanoTime();
			sink += pass(site, dir, false);
			parseOnly = Math.max(parseOnly, rate(site, start));
			start = System.nanoTime();
			sink += pass(site, dir, true);
			withExtraction = Math.max(withExtraction, rate(site, start));
		}
		System.out.printf(Locale.ROOT, "jsoup pages=%d total_mib=%.1f%n", site.size(), bytes / 1048576.0);
		System.out.printf(Locale.ROOT, "jsoup_parse_pages_per_s=%.0f%n", parseOnly);
		System.out.printf(Locale.ROOT, "jsoup_parse_extract_pages_per_s=%.0f%n", withExtraction);
		System.out.printf(Locale.ROOT, "jsoup_peak_rss_mib=%.1f%n", ProcessMemory.mib("VmHWM"));
		System.out.printf(Locale.ROOT, "jsoup_max_heap_mib=%.0f%n", Runtime.getRuntime().maxMemory() / 1048576.0);
		System.out.println("checksum=" + sink);
	}

	private static long write(Site site, Path dir) throws IOException {
		Files.createDirectories(dir);
		long bytes = 0;
		for (int i = 0; i < site.size(); i++) {
			byte[] page = site.render(i);
			Files.write(file(dir, i), page);
			bytes += page.length;
		}
		return bytes;
	}

	private static Path file(Path dir, int index) {
		return dir.resolve(String.format(Locale.ROOT, "%04d.html", index));
	}

	private static double rate(Site site, long startNanos) {
		return site.size() / ((System.nanoTime() - startNanos) / 1e9);
	}

	private static long pass(Site site, Path dir, boolean extract) throws IOException {
		long sink = 0;
		for (int i = 0; i < site.size(); i++) {
			String url = BASE + Site.path(i);
			byte[] page = Files.readAllBytes(file(dir, i));
			Document document = Jsoup.parse(new ByteArrayInputStream(page), null, url);
			sink += document.childNodeSize();
			if (extract) {
				sink += document.title().length();
				for (Element link : document.select("a[href]")) {
					sink += link.absUrl("href").length();
				}
				sink += document.body().text().length();
			}
		}
		return sink;
	}

}

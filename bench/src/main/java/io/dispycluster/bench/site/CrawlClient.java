package io.dispycluster.bench.site;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.dispycluster.bench.Args;
import io.dispycluster.model.job.ScrapeResult;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs crawls through a worker's synchronous {@code POST /scrape} and prints pages per
 * second: one crawl per URL of {@code --starts} (comma-separated), one after the other,
 * or all at once with {@code --parallel=true}.
 * <p>
 * Options: {@code --worker} (http://127.0.0.1:8080), {@code --starts} (required),
 * {@code --max-pages} (1000), {@code --timeout-s} (30), {@code --parallel} (false),
 * {@code --label} (crawl).
 */
public final class CrawlClient {

	private CrawlClient() {
	}

	public static void main(String[] arguments) throws Exception {
		Args args = Args.parse(arguments);
		URI worker = URI.create(args.string("worker", "http://127.0.0.1:8080"));
		List<String> starts = List.of(args.string("starts", "").split(","));
		int maxPages = args.integer("max-pages", 1000);
		int timeoutS = args.integer("timeout-s", 30);
		boolean parallel = Boolean.parseBoolean(args.string("parallel", "false"));
		String label = args.string("label", "crawl");
		JsonMapper json = JsonMapper.builder()
			.propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
			.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.build();
		HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		ExecutorService pool = Executors.newFixedThreadPool(parallel ? starts.size() : 1);
		long start = System.nanoTime();
		List<Future<Integer>> crawls = new ArrayList<>();
		for (String url : starts) {
			crawls.add(pool.submit(() -> crawl(client, json, worker, url, maxPages, timeoutS, label)));
		}
		int pages = 0;
		for (Future<Integer> crawl : crawls) {
			pages += crawl.get();
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		pool.shutdown();
		System.out.printf(Locale.ROOT, "%s_total pages=%d seconds=%.2f pages_per_s=%.0f%n", label, pages, seconds,
				pages / seconds);
	}

	private static int crawl(HttpClient client, JsonMapper json, URI worker, String url, int maxPages, int timeoutS,
			String label) throws IOException, InterruptedException {
		byte[] body = json.writeValueAsBytes(Map.of("start_url", url, "max_pages", maxPages, "timeout_s", timeoutS));
		HttpRequest request = HttpRequest.newBuilder(worker.resolve("/scrape"))
			.timeout(Duration.ofMinutes(30))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build();
		long start = System.nanoTime();
		HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
		double seconds = (System.nanoTime() - start) / 1e9;
		if (response.statusCode() != 200) {
			throw new IOException("POST /scrape answered " + response.statusCode() + ": "
					+ new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
		}
		ScrapeResult result = json.readValue(response.body(), ScrapeResult.class);
		int pages = result.crawled().size();
		long pagesWithPii = result.piiByUrl()
			.values()
			.stream()
			.filter((found) -> !found.emails().isEmpty() || !found.phones().isEmpty())
			.count();
		System.out.printf(Locale.ROOT,
				"%s start=%s pages=%d errors=%d pages_with_pii=%d stop_reason=%s seconds=%.2f pages_per_s=%.0f%n",
				label, url, pages, result.errors().size(), pagesWithPii, result.stopReason(), seconds, pages / seconds);
		return pages;
	}

}

package io.dispycluster.bench.site;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.dispycluster.bench.Args;

/**
 * Serves a {@link Site} from memory (every page rendered once at start-up) on the
 * loopback address: {@code /p/NNNN.html}, {@code /robots.txt} (everything allowed) and
 * 404 for anything else. Prints {@code ready} once it listens, and the number of requests
 * served when it stops.
 * <p>
 * Options: {@code --port} (0 = any free port, printed), {@code --pages} (2000),
 * {@code --page-bytes} (30000), {@code --links} (20), {@code --seed} (42),
 * {@code --threads} (4).
 */
public final class SiteServer {

	private static final byte[] ROBOTS = "User-agent: *\nAllow: /\n".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] NOT_FOUND = "<!DOCTYPE html><title>404</title><p>Not found</p>"
		.getBytes(StandardCharsets.US_ASCII);

	private final Site site;

	private final byte[][] pages;

	private final AtomicLong served = new AtomicLong();

	private SiteServer(Site site) {
		this.site = site;
		this.pages = new byte[site.size()][];
		for (int i = 0; i < site.size(); i++) {
			this.pages[i] = site.render(i);
		}
	}

	private long totalBytes() {
		long total = 0;
		for (byte[] page : this.pages) {
			total += page.length;
		}
		return total;
	}

	public static void main(String[] arguments) throws IOException {
		// Without TCP_NODELAY the JDK server writes headers and body as two segments and
		// each response waits ~40 ms for the client's delayed ACK (Nagle).
		System.setProperty("sun.net.httpserver.nodelay", "true");
		Args args = Args.parse(arguments);
		Site site = Site.from(args);
		SiteServer handler = new SiteServer(site);
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", args.integer("port", 0)), 256);
		ExecutorService threads = Executors.newFixedThreadPool(args.integer("threads", 4));
		server.setExecutor(threads);
		server.createContext("/", handler::handle);
		server.start();
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			server.stop(0);
			threads.shutdownNow();
			System.out.println("served " + handler.served.get() + " requests");
		}));
		System.out.printf("ready port=%d pages=%d bytes=%d%n", server.getAddress().getPort(), site.size(),
				handler.totalBytes());
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			exchange.getRequestBody().readAllBytes();
			String path = exchange.getRequestURI().getPath();
			this.served.incrementAndGet();
			if (path.equals("/robots.txt")) {
				send(exchange, 200, "text/plain; charset=utf-8", ROBOTS);
				return;
			}
			int index = this.site.indexOf(path);
			if (index < 0) {
				send(exchange, 404, "text/html; charset=utf-8", NOT_FOUND);
				return;
			}
			send(exchange, 200, "text/html; charset=utf-8", this.pages[index]);
		}
	}

	private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
		exchange.getResponseHeaders().set("Content-Type", contentType);
		boolean head = "HEAD".equals(exchange.getRequestMethod());
		exchange.sendResponseHeaders(status, head ? -1 : body.length);
		if (!head) {
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		}
	}

}

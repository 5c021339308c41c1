package io.dispycluster.worker.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A site on loopback whose server answers one request per connection and then closes it,
 * as {@code python3 -m http.server} does. It answers in HTTP/1.0 without
 * {@code Connection: keep-alive}, or, to stand for a keep-alive connection closed while
 * idle, in HTTP/1.1 without saying it closes. It half-closes the connection after the
 * response and keeps reading, so it can count the requests a client writes into a
 * connection it has closed (a real server never sees those: they fail on the client's
 * side).
 */
public final class ClosingSite implements AutoCloseable {

	private final String protocol;

	private final ServerSocket server;

	private final ExecutorService executor = Executors.newCachedThreadPool((task) -> {
		Thread thread = new Thread(task, "closing-site");
		thread.setDaemon(true);
		return thread;
	});

	private final Map<String, String> pages = new ConcurrentHashMap<>();

	private final List<String> requestedPaths = new CopyOnWriteArrayList<>();

	private final AtomicInteger connections = new AtomicInteger();

	private final AtomicInteger requestsOnClosedConnections = new AtomicInteger();

	private ClosingSite(String protocol) throws IOException {
		this.protocol = protocol;
		this.server = new ServerSocket(0, 64, InetAddress.getLoopbackAddress());
		this.executor.execute(this::accept);
	}

	/** A site answering in HTTP/1.0, as Python's {@code http.server}. */
	public static ClosingSite http10() {
		return start("HTTP/1.0");
	}

	/** A site answering in HTTP/1.1 that closes the connection all the same. */
	public static ClosingSite http11ClosingAnyway() {
		return start("HTTP/1.1");
	}

	private static ClosingSite start(String protocol) {
		try {
			return new ClosingSite(protocol);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public String url(String path) {
		return "http://127.0.0.1:" + this.server.getLocalPort() + path;
	}

	/** Serves an HTML page; any other path answers 404. */
	public ClosingSite page(String path, String html) {
		this.pages.put(path, html);
		return this;
	}

	/** The paths of the requests answered, in arrival order. */
	public List<String> requestedPaths() {
		return List.copyOf(this.requestedPaths);
	}

	/** The connections the site accepted. */
	public int connections() {
		return this.connections.get();
	}

	/** The requests that arrived on a connection after the site had closed it. */
	public int requestsOnClosedConnections() {
		return this.requestsOnClosedConnections.get();
	}

	private void accept() {
		while (!this.server.isClosed()) {
			try {
				Socket socket = this.server.accept();
				this.connections.incrementAndGet();
				this.executor.execute(() -> serve(socket));
			}
			catch (IOException ex) {
				// Closed: the test is over.
			}
		}
	}

	private void serve(Socket socket) {
		try (socket) {
			socket.setSoTimeout(10_000);
			InputStream in = socket.getInputStream();
			String path = readRequestPath(in);
			this.requestedPaths.add(path);
			respond(socket.getOutputStream(), this.pages.get(path));
			socket.shutdownOutput();
			// A client still holding the connection writes its next request here.
			if (in.read() != -1) {
				this.requestsOnClosedConnections.incrementAndGet();
			}
		}
		catch (SocketTimeoutException ex) {
			// The client kept the connection without using it.
		}
		catch (IOException ex) {
			// The client went away; nothing to record.
		}
	}

	private static String readRequestPath(InputStream in) throws IOException {
		ByteArrayOutputStream head = new ByteArrayOutputStream();
		while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
			int next = in.read();
			if (next == -1) {
				throw new IOException("Connection closed before the end of the request");
			}
			head.write(next);
		}
		return head.toString(StandardCharsets.ISO_8859_1).split(" ", 3)[1];
	}

	private void respond(OutputStream out, String html) throws IOException {
		byte[] body = ((html != null) ? html : "<p>Not found</p>").getBytes(StandardCharsets.UTF_8);
		String status = (html != null) ? "200 OK" : "404 Not Found";
		String head = this.protocol + " " + status + "\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: "
				+ body.length + "\r\n\r\n";
		out.write(head.getBytes(StandardCharsets.ISO_8859_1));
		out.write(body);
		out.flush();
	}

	@Override
	public void close() {
		try {
			this.server.close();
		}
		catch (IOException ex) {
			// Closing anyway.
		}
		this.executor.shutdownNow();
	}

}

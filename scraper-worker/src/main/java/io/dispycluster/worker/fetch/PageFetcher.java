package io.dispycluster.worker.fetch;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.Inflater;
import java.util.zip.ZipException;

import javax.net.ssl.SSLException;
import javax.net.ssl.X509TrustManager;

import io.dispycluster.worker.fetch.FetchException.Kind;
import okhttp3.Call;
import okhttp3.ConnectionPool;
import okhttp3.Dns;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.internal.platform.Platform;
import okio.BufferedSource;
import okio.GzipSource;
import okio.InflaterSource;
import okio.Okio;
import org.jspecify.annotations.Nullable;

/**
 * The only class that talks HTTP to crawled sites. It sends every request with the
 * configured user agent and the caller's timeout, downloads a body only when it is an
 * HTML page with status 200 (anything else is closed after the headers), caps the body at
 * the configured size, and turns every failure into a {@link FetchException} with a
 * readable message.
 * <p>
 * It uses OkHttp rather than {@code Jsoup.connect}: an in-flight OkHttp call can be
 * cancelled from another thread, and OkHttp lets the SSRF guard choose the very address a
 * connection goes to. jsoup still parses the bodies.
 */
public class PageFetcher {

	private static final String ACCEPT = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1";

	/** The most bytes of a robots.txt file read. */
	public static final int ROBOTS_CAP = 512 * 1024;

	// How much of a body without a type is read to tell whether it is HTML: browsers
	// look at its first 1445 bytes at most (WHATWG MIME Sniffing).
	private static final int SNIFFED_BYTES = 1445;

	private final OkHttpClient client;

	// The same client without a pool, for a request whose pooled connection turned out to
	// be closed: every call opens a connection of its own, closed after the response.
	private final OkHttpClient unpooledClient;

	private final FetchProperties properties;

	private final AddressGuard guard;

	public PageFetcher(OkHttpClient client, FetchProperties properties, AddressGuard guard) {
		this.client = client;
		this.unpooledClient = client.newBuilder().connectionPool(new ConnectionPool(0, 1, TimeUnit.SECONDS)).build();
		this.properties = properties;
		this.guard = guard;
	}

	/**
	 * A client fit for crawling. Each call carries its own timeout (the job's
	 * {@code timeout_s}), so the client-wide ones are off. Redirects are not followed:
	 * the crawler follows them itself, checking each hop. Failed connections are not
	 * retried behind the crawler's back, except a pooled one the server had closed (see
	 * {@link ConnectionUse}); and a connection the server closes after its response is
	 * not pooled (see {@link ClosingConnections}). The SSRF guard filters resolved
	 * addresses and checks the address connected to.
	 * @param guard the SSRF guard
	 * @return a new client
	 */
	public static OkHttpClient newClient(AddressGuard guard) {
		return newClient(guard, Dns.SYSTEM);
	}

	/**
	 * A client fit for crawling that resolves host names with the given resolver (tests).
	 * @param guard the SSRF guard
	 * @param dns the resolver whose answers the guard filters
	 * @return a new client
	 */
	public static OkHttpClient newClient(AddressGuard guard, Dns dns) {
		return newClient(guard, dns, Platform.get().platformTrustManager());
	}

	/**
	 * A client fit for crawling that trusts the given certificates (tests).
	 * @param guard the SSRF guard
	 * @param dns the resolver whose answers the guard filters
	 * @param trust the trust manager that checks servers' certificates
	 * @return a new client
	 */
	static OkHttpClient newClient(AddressGuard guard, Dns dns, X509TrustManager trust) {
		// The recording sockets let a redirect's Location keep the bytes the server sent
		// (see RawLocations).
		return new OkHttpClient.Builder().dns(guard.filtering(dns))
			.socketFactory(new RecordingSocket.Factory())
			.sslSocketFactory(new RecordingSslSocket.Factory(Platform.get().newSslSocketFactory(trust)), trust)
			.addNetworkInterceptor(guard.connectedAddressCheck())
			.addNetworkInterceptor(new ClosingConnections())
			.addNetworkInterceptor(new RawLocations())
			.eventListener(ConnectionUse.LISTENER)
			.connectTimeout(Duration.ZERO)
			.readTimeout(Duration.ZERO)
			.writeTimeout(Duration.ZERO)
			.followRedirects(false)
			.followSslRedirects(false)
			.retryOnConnectionFailure(false)
			.build();
	}

	/**
	 * Fetches one URL.
	 * @param url an absolute http(s) URL
	 * @param timeout the budget of the whole request, body included
	 * @param signal fires when the caller wants the request abandoned
	 * @return the response, with its body when it is a 200 HTML page
	 * @throws FetchException when no response could be had, or the body is too large
	 */
	public FetchedPage fetch(String url, Duration timeout, AbortSignal signal) throws FetchException {
		return execute(url, timeout, signal, false, this.properties.userAgent());
	}

	/**
	 * Fetches one URL with a job's own {@code User-Agent}.
	 * @param url an absolute http(s) URL
	 * @param timeout the budget of the whole request, body included
	 * @param signal fires when the caller wants the request abandoned
	 * @param userAgent the user agent to send, or null for the configured one
	 * @return the response, with its body when it is a 200 HTML page
	 * @throws FetchException when no response could be had, or the body is too large
	 */
	public FetchedPage fetch(String url, Duration timeout, AbortSignal signal, @Nullable String userAgent)
			throws FetchException {
		return execute(url, timeout, signal, false, (userAgent != null) ? userAgent : this.properties.userAgent());
	}

	/**
	 * Fetches a robots.txt file: the body of a 200 response is read whatever its type,
	 * and only its first {@value #ROBOTS_CAP} bytes (RFC 9309 asks for at least 500 KiB);
	 * a body that cannot be decoded is read as empty.
	 * @param url the robots.txt URL
	 * @param timeout the budget of the whole request
	 * @param signal fires when the caller wants the request abandoned
	 * @return the response
	 * @throws FetchException when no response could be had
	 */
	public FetchedPage fetchRobots(String url, Duration timeout, AbortSignal signal) throws FetchException {
		return execute(url, timeout, signal, true, this.properties.userAgent());
	}

	/**
	 * Fetches a robots.txt file with a crawl's own {@code User-Agent}, as
	 * {@link #fetchRobots(String, Duration, AbortSignal)} does.
	 * @param url the robots.txt URL
	 * @param timeout the budget of the whole request
	 * @param signal fires when the caller wants the request abandoned
	 * @param userAgent the user agent to send
	 * @return the response
	 * @throws FetchException when no response could be had
	 */
	public FetchedPage fetchRobots(String url, Duration timeout, AbortSignal signal, String userAgent)
			throws FetchException {
		return execute(url, timeout, signal, true, userAgent);
	}

	private FetchedPage execute(String url, Duration timeout, AbortSignal signal, boolean robots, String userAgent)
			throws FetchException {
		Request request = request(url, userAgent);
		long start = System.nanoTime();
		ConnectionUse use = new ConnectionUse();
		try {
			return send(this.client, request, use, url, timeout, signal, robots, start);
		}
		catch (FetchException ex) {
			// A timeout is the server being slow and the SSRF guard's refusal is final;
			// only a connection cut short may have been one the server had closed.
			if (ex.kind() != Kind.CONNECTION || !use.brokePooledConnection()) {
				throw ex;
			}
			// The server never saw the request: send it again at once, on a new
			// connection, rather than fail it into the crawler's backoff and onto
			// another pooled connection that may be closed as well.
			Duration left = timeout.minusNanos(System.nanoTime() - start);
			return send(this.unpooledClient, request, new ConnectionUse(), url, left, signal, robots, start);
		}
	}

	private FetchedPage send(OkHttpClient client, Request request, ConnectionUse use, String url, Duration timeout,
			AbortSignal signal, boolean robots, long start) throws FetchException {
		Call call = client.newCall(request.newBuilder().tag(ConnectionUse.class, use).build());
		call.timeout().timeout(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS);
		AtomicBoolean aborted = new AtomicBoolean();
		try (AbortSignal.Registration registration = signal.onAbort(() -> abort(call, aborted));
				Response response = call.execute()) {
			return read(url, call, response, start, robots);
		}
		catch (FetchException ex) {
			throw ex;
		}
		catch (IOException ex) {
			throw failure(url, ex, aborted.get(), timeout);
		}
		catch (RuntimeException ex) {
			// OkHttp throws unchecked exceptions at some broken responses (a negative
			// Content-Length, 1xx answers without end, a Retry-After past an int): they
			// fail this URL, not the whole crawl with the pages it had
			throw malformed(url, ex, aborted.get());
		}
	}

	private Request request(String url, String userAgent) throws FetchException {
		try {
			HttpUrl parsed = HttpUrl.get(url);
			this.guard.checkLiteral(parsed);
			return new Request.Builder().url(parsed)
				.header("User-Agent", userAgent)
				.header("Accept", ACCEPT)
				.get()
				.build();
		}
		catch (IllegalArgumentException ex) {
			throw new FetchException(Kind.NETWORK, url, "Invalid URL: " + url, ex);
		}
		catch (BlockedAddressException ex) {
			throw new FetchException(Kind.BLOCKED, url, ex.getMessage(), ex);
		}
	}

	private static void abort(Call call, AtomicBoolean aborted) {
		aborted.set(true);
		call.cancel();
	}

	private FetchedPage read(String url, Call call, Response response, long start, boolean robots) throws IOException {
		String contentType = response.header("Content-Type", "");
		byte[] body = null;
		if (response.code() == 200 && robots) {
			body = readTruncated(url, response);
		}
		else if (response.code() == 200 && ContentTypes.isHtml(contentType)) {
			body = readCapped(url, call, response);
		}
		else if (response.code() == 200 && contentType.isBlank()) {
			body = readSniffed(url, call, response);
			contentType = (body != null) ? ContentTypes.SNIFFED_HTML : contentType;
		}
		else {
			// Cancelling closes the connection instead of draining a body nobody wants.
			call.cancel();
		}
		Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
		return new FetchedPage(url, response.request().url().toString(), response.code(), contentType, body,
				charset(contentType), response.header("Location"), response.header("Retry-After"), elapsed);
	}

	private byte[] readCapped(String url, Call call, Response response) throws IOException {
		try (BufferedSource source = decoded(url, response)) {
			return readCapped(url, call, response, source);
		}
	}

	private byte[] readCapped(String url, Call call, Response response, BufferedSource source) throws IOException {
		long cap = this.properties.maxBodySize().toBytes();
		if (response.body().contentLength() > cap || request(url, response, source, cap + 1)) {
			call.cancel();
			throw new FetchException(Kind.TOO_LARGE, url,
					"Body larger than the " + Sizes.describe(this.properties.maxBodySize()) + " cap");
		}
		return source.readByteArray();
	}

	// A robots.txt body that cannot be decoded is read as an empty file, which allows
	// everything, as its noise did before decoding was checked: the site is not made
	// uncrawlable by a server that compresses its robots.txt in a way it was not asked
	// to.
	// The body of a response without a type if it starts as an HTML page, else null:
	// only its first bytes are read to tell, as a browser sniffs them, so that an untyped
	// download is neither read in full nor reported as too large.
	private byte @Nullable [] readSniffed(String url, Call call, Response response) throws IOException {
		try (BufferedSource source = decoded(url, response)) {
			request(url, response, source, SNIFFED_BYTES);
			long prefix = Math.min(source.getBuffer().size(), SNIFFED_BYTES);
			if (!ContentTypes.startsAsHtml(source.getBuffer().snapshot((int) prefix).toByteArray())) {
				call.cancel();
				return null;
			}
			return readCapped(url, call, response, source);
		}
	}

	private static byte[] readTruncated(String url, Response response) throws IOException {
		try (BufferedSource source = decoded(url, response)) {
			request(url, response, source, ROBOTS_CAP);
			long available = Math.min(source.getBuffer().size(), ROBOTS_CAP);
			return source.readByteArray(available);
		}
		catch (FetchException ex) {
			return new byte[0];
		}
	}

	/**
	 * The body without the content coding the server applied. OkHttp asks for gzip and
	 * undoes it; some servers send deflate unasked, and browsers read it (as a zlib
	 * stream, or a raw one as some servers send), so the crawler reads it too, capped
	 * after inflating as gzip is. A coding it cannot undo (br, zstd, compress) would
	 * otherwise be parsed as a page of noise: it fails the fetch instead.
	 */
	private static BufferedSource decoded(String url, Response response) throws IOException {
		BufferedSource source = response.body().source();
		String coding = response.header("Content-Encoding", "").strip().toLowerCase(Locale.ROOT);
		return switch (coding) {
			case "", "identity" -> source;
			case "gzip", "x-gzip" -> Okio.buffer(new GzipSource(source));
			case "deflate" -> Okio.buffer(new InflaterSource(source, new Inflater(!startsAsZlib(source))));
			default -> throw new FetchException(Kind.NETWORK, url,
					"Body in a content coding the crawler cannot read: " + coding);
		};
	}

	// A zlib stream's two-byte header (RFC 1950): method 8, and a check that makes the
	// pair a multiple of 31.
	private static boolean startsAsZlib(BufferedSource source) throws IOException {
		if (!source.request(2)) {
			return true;
		}
		int first = source.getBuffer().getByte(0) & 0xFF;
		int second = source.getBuffer().getByte(1) & 0xFF;
		return (first & 0x0F) == 8 && ((first << 8) | second) % 31 == 0;
	}

	// Reads up to the given bytes of the decoded body; a body that does not decode is no
	// passing failure, and says why.
	private static boolean request(String url, Response response, BufferedSource source, long bytes)
			throws IOException {
		try {
			return source.request(bytes);
		}
		catch (IOException ex) {
			if (ex.getClass() != IOException.class && !(ex instanceof ZipException)) {
				throw ex;
			}
			Response network = response.networkResponse();
			String coding = (network != null) ? network.header("Content-Encoding", "") : "";
			throw new FetchException(Kind.NETWORK, url,
					"Body not readable as its Content-Encoding (" + coding + ") says: " + ex.getMessage(), ex);
		}
	}

	private static @Nullable String charset(String contentType) {
		MediaType mediaType = MediaType.parse(contentType);
		return (mediaType != null) ? mediaType.parameter("charset") : null;
	}

	private static FetchException failure(String url, IOException ex, boolean aborted, Duration timeout) {
		if (aborted) {
			return new FetchException(Kind.CANCELLED, url, "Cancelled while fetching", ex);
		}
		if (ex instanceof BlockedAddressException) {
			return new FetchException(Kind.BLOCKED, url, ex.getMessage(), ex);
		}
		if (ex instanceof InterruptedIOException) {
			return new FetchException(Kind.TIMEOUT, url,
					"Timeout: no complete response within " + Sizes.describe(timeout), ex);
		}
		boolean lasting = ex instanceof UnknownHostException || ex instanceof SSLException;
		return new FetchException(lasting ? Kind.NETWORK : Kind.CONNECTION, url, networkMessage(ex), ex);
	}

	private static FetchException malformed(String url, RuntimeException ex, boolean aborted) {
		if (aborted) {
			return new FetchException(Kind.CANCELLED, url, "Cancelled while fetching", ex);
		}
		// OkHttp's messages ("state: 3") mean little without the exception's name
		String detail = ex.getClass().getSimpleName()
				+ ((ex.getMessage() != null && !ex.getMessage().isBlank()) ? ": " + ex.getMessage() : "");
		return new FetchException(Kind.NETWORK, url, "Malformed response: " + detail, ex);
	}

	private static String networkMessage(IOException ex) {
		String detail = (ex.getMessage() != null && !ex.getMessage().isBlank()) ? ex.getMessage()
				: ex.getClass().getSimpleName();
		if (ex instanceof UnknownHostException) {
			return "Unknown host: " + detail;
		}
		if (ex instanceof ConnectException) {
			return "Connection failed: " + detail;
		}
		if (ex instanceof SSLException) {
			return "TLS error: " + detail;
		}
		return "Network error: " + detail;
	}

}

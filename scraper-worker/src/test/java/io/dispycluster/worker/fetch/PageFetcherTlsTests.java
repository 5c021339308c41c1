package io.dispycluster.worker.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import okhttp3.Dns;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fetcher over TLS, against a loopback server with a certificate made for the test:
 * pages are read through the TLS sockets that watch for a redirect's raw
 * {@code Location}, and that value keeps the bytes the server sent.
 */
class PageFetcherTlsTests {

	private static final char[] PASSWORD = "changeit".toCharArray();

	@TempDir
	static Path directory;

	private static HttpsServer server;

	private static X509TrustManager trust;

	private final AddressGuard guard = new AddressGuard(new GuardProperties(List.of("127.0.0.0/8")));

	@BeforeAll
	static void startServer() throws Exception {
		KeyStore keys = selfSignedKeyStore(directory.resolve("server.p12"));
		KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
		keyManagers.init(keys, PASSWORD);
		SSLContext context = SSLContext.getInstance("TLS");
		context.init(keyManagers.getKeyManagers(), null, null);
		KeyStore trusted = KeyStore.getInstance("PKCS12");
		trusted.load(null, null);
		trusted.setCertificateEntry("server", keys.getCertificate("server"));
		TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		trustManagers.init(trusted);
		trust = (X509TrustManager) trustManagers.getTrustManagers()[0];

		server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
		server.setHttpsConfigurator(new HttpsConfigurator(context));
		server.createContext("/", PageFetcherTlsTests::serve);
		server.start();
	}

	@AfterAll
	static void stopServer() {
		server.stop(0);
	}

	@Test
	void readsPagesAndTheRawLocationOfRedirectsOverTls() throws FetchException {
		PageFetcher fetcher = new PageFetcher(
				PageFetcher.newClient(this.guard, Dns.SYSTEM, trust), new FetchProperties("DispyClusterBot/test",
						DataSize.ofKilobytes(4), 5, 0, Duration.ofSeconds(1), Duration.ofSeconds(60), false),
				this.guard);
		String base = "https://127.0.0.1:" + server.getAddress().getPort();

		FetchedPage page = fetcher.fetch(base + "/", Duration.ofSeconds(10), AbortSignal.NONE);
		FetchedPage latin = fetcher.fetch(base + "/latin", Duration.ofSeconds(10), AbortSignal.NONE);
		FetchedPage utf8 = fetcher.fetch(base + "/utf8", Duration.ofSeconds(10), AbortSignal.NONE);

		assertThat(new String(page.body(), StandardCharsets.UTF_8)).isEqualTo("<p>secure</p>");
		assertThat(latin.location()).isEqualTo("/caf%E9.html");
		assertThat(utf8.location()).isEqualTo("/na%C3%AFve.html");
	}

	private static void serve(HttpExchange exchange) throws IOException {
		try (InputStream in = exchange.getRequestBody(); OutputStream out = exchange.getResponseBody()) {
			String path = exchange.getRequestURI().getRawPath();
			if (path.equals("/")) {
				byte[] body = "<p>secure</p>".getBytes(StandardCharsets.UTF_8);
				exchange.getResponseHeaders().set("Content-Type", "text/html");
				exchange.sendResponseHeaders(200, body.length);
				out.write(body);
				return;
			}
			// The JDK's server writes each character of a header as one byte.
			String location = path.equals("/latin") ? "/caf\u00e9.html" : "/na\u00c3\u00afve.html";
			exchange.getResponseHeaders().set("Location", location);
			exchange.sendResponseHeaders(302, -1);
		}
	}

	// A key pair and a certificate for 127.0.0.1, made by the JDK's keytool.
	private static KeyStore selfSignedKeyStore(Path file) throws IOException, GeneralSecurityException {
		String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
		Process process = new ProcessBuilder(keytool, "-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname",
				"secp256r1", "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-storetype",
				"PKCS12", "-keystore", file.toString(), "-storepass", new String(PASSWORD))
			.redirectErrorStream(true)
			.start();
		try {
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(process.waitFor()).as(output).isZero();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException(ex);
		}
		KeyStore keys = KeyStore.getInstance("PKCS12");
		try (InputStream in = Files.newInputStream(file)) {
			keys.load(in, PASSWORD);
		}
		return keys;
	}

}

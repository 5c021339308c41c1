package io.dispycluster.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.dispycluster.deploy.DistTarballIT.Result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code deploy/nginx/dispycluster.conf}: {@code nginx -t} accepts it, and a real nginx
 * started from a copy of it (a throwaway self-signed certificate, free loopback ports, a
 * stand-in gateway) terminates TLS, forwards the headers the gateway trusts and stops
 * bodies over the gateway's 1 MB. Needs nginx (Debian package {@code nginx}) and openssl;
 * continuous integration must have them.
 */
class NginxProxyIT {

	private static final Path CONFIG = DistTarballIT.repository().resolve("deploy/nginx/dispycluster.conf");

	@TempDir
	Path work;

	private Path nginx;

	@BeforeEach
	void requireNginx() {
		Optional<Path> found = DistTarballIT.locate("nginx", "/usr/sbin/nginx");
		if (found.isEmpty()) {
			assertThat(DistTarballIT.ci()).as("nginx is missing (Debian package nginx)").isFalse();
			Assumptions.abort("nginx is not installed (Debian package nginx)");
		}
		this.nginx = found.get();
	}

	@Test
	void nginxAcceptsTheConfiguration() throws IOException {
		Path main = testCopy(8084, 80, 443);
		Result check = DistTarballIT.exec(this.work, Map.of(), this.nginx.toString(), "-t", "-c", main.toString(), "-p",
				this.work.toString(), "-e", this.work.resolve("error.log").toString());
		assertThat(check.exitCode()).as(check.output()).isZero();
		assertThat(check.output()).contains("syntax is ok", "test is successful");
	}

	@Test
	void proxiesToTheGatewayOverTlsWithTheForwardingHeaders() throws Exception {
		BlockingQueue<Headers> seen = new LinkedBlockingQueue<>();
		HttpServer gateway = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		gateway.createContext("/", (exchange) -> {
			try (exchange; InputStream body = exchange.getRequestBody()) {
				body.readAllBytes();
				seen.add(exchange.getRequestHeaders());
				byte[] answer = "{\"status\":\"healthy\"}".getBytes(StandardCharsets.UTF_8);
				exchange.getResponseHeaders().set("Content-Type", "application/json");
				exchange.sendResponseHeaders(200, answer.length);
				try (OutputStream out = exchange.getResponseBody()) {
					out.write(answer);
				}
			}
		});
		gateway.start();
		int http = freePort();
		int https = freePort();
		Path main = testCopy(gateway.getAddress().getPort(), http, https);
		Process proxy = new ProcessBuilder(this.nginx.toString(), "-c", main.toString(), "-p", this.work.toString(),
				"-e", this.work.resolve("error.log").toString(), "-g", "daemon off; master_process off;")
			.redirectErrorStream(true)
			.redirectOutput(this.work.resolve("nginx.out").toFile())
			.start();
		try {
			HttpClient client = HttpClient.newBuilder()
				.sslContext(trusting(this.work.resolve("crt.pem")))
				.version(HttpClient.Version.HTTP_1_1)
				.connectTimeout(Duration.ofSeconds(5))
				.build();
			String base = "https://localhost:" + https;
			await("nginx listening").atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> {
				assertThat(proxy.isAlive()).as(Files.readString(this.work.resolve("nginx.out"))).isTrue();
				return client
					.send(HttpRequest.newBuilder(URI.create(base + "/")).build(),
							HttpResponse.BodyHandlers.discarding())
					.statusCode() == 200;
			});
			seen.clear();

			HttpResponse<String> health = client.send(HttpRequest.newBuilder(URI.create(base + "/health"))
				.header("X-Request-Id", "req-42")
				.header("X-Forwarded-For", "203.0.113.66")
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(health.statusCode()).isEqualTo(200);
			assertThat(health.body()).isEqualTo("{\"status\":\"healthy\"}");
			Headers forwarded = seen.poll(10, TimeUnit.SECONDS);
			assertThat(forwarded).isNotNull();
			assertThat(forwarded.getFirst("X-Forwarded-For")).as("the client's claim is replaced")
				.isEqualTo("127.0.0.1");
			assertThat(forwarded.getFirst("X-Forwarded-Proto")).isEqualTo("https");
			assertThat(forwarded.getFirst("X-Forwarded-Host")).isEqualTo("localhost");
			assertThat(forwarded.getFirst("X-Request-Id")).isEqualTo("req-42");

			client.send(HttpRequest.newBuilder(URI.create(base + "/jobs")).build(),
					HttpResponse.BodyHandlers.discarding());
			assertThat(seen.poll(10, TimeUnit.SECONDS).getFirst("X-Request-Id")).as("an id of nginx's own")
				.matches("[0-9a-f]{32}");

			HttpResponse<String> tooLarge = client.send(HttpRequest.newBuilder(URI.create(base + "/scrape"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofByteArray(new byte[1024 * 1024 + 1]))
				.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(tooLarge.statusCode()).isEqualTo(413);
			assertThat(tooLarge.headers().firstValue("Content-Type")).hasValue("application/problem+json");
			assertThat(tooLarge.body()).contains("\"type\":\"urn:dispycluster:problem:payload-too-large\"");
			assertThat(seen.poll(1, TimeUnit.SECONDS)).as("a refused body never reaches the gateway").isNull();

			HttpResponse<Void> plain = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http + "/health")).build(),
						HttpResponse.BodyHandlers.discarding());
			assertThat(plain.statusCode()).isEqualTo(301);
			assertThat(plain.headers().firstValue("Location")).hasValue("https://127.0.0.1/health");

			gateway.stop(0);
			HttpResponse<String> down = client.send(HttpRequest.newBuilder(URI.create(base + "/health")).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(down.statusCode()).isEqualTo(502);
			assertThat(down.body()).contains("urn:dispycluster:problem:gateway-unavailable");
		}
		finally {
			proxy.destroy();
			if (!proxy.waitFor(10, TimeUnit.SECONDS)) {
				proxy.destroyForcibly();
			}
			gateway.stop(0);
		}
	}

	/**
	 * A copy of the configuration with a throwaway certificate, the given ports and
	 * everything nginx writes in the test's folder, inside a minimal main
	 * {@code nginx.conf}.
	 */
	private Path testCopy(int gatewayPort, int httpPort, int httpsPort) throws IOException {
		Path crt = this.work.resolve("crt.pem");
		Path key = this.work.resolve("key.pem");
		Result openssl = DistTarballIT.exec(this.work, Map.of(), "openssl", "req", "-x509", "-newkey", "rsa:2048",
				"-nodes", "-days", "1", "-subj", "/CN=localhost", "-addext",
				"subjectAltName=DNS:localhost,IP:127.0.0.1", "-keyout", key.toString(), "-out", crt.toString());
		assertThat(openssl.exitCode()).as(openssl.output()).isZero();
		String site = Files.readString(CONFIG);
		for (String expected : List.of("ssl_certificate /etc/ssl/certs/dispycluster.crt;",
				"ssl_certificate_key /etc/ssl/private/dispycluster.key;", "server 127.0.0.1:8084;", "listen 80;",
				"listen 443 ssl;")) {
			assertThat(site).contains(expected);
		}
		site = site.replace("/etc/ssl/certs/dispycluster.crt", crt.toString())
			.replace("/etc/ssl/private/dispycluster.key", key.toString())
			.replace("/var/log/nginx/", this.work + "/")
			.replace("server 127.0.0.1:8084;", "server 127.0.0.1:" + gatewayPort + ";")
			.replace("listen 80;", "listen 127.0.0.1:" + httpPort + ";")
			.replace("listen 443 ssl;", "listen 127.0.0.1:" + httpsPort + " ssl;")
			.replaceAll("(?m)^\\s*listen \\[::\\]:.*$", "");
		Path copy = Files.writeString(this.work.resolve("dispycluster.conf"), site);
		String main = """
				pid %1$s/nginx.pid;
				error_log %1$s/error.log;
				events {
				}
				http {
					client_body_temp_path %1$s/body;
					proxy_temp_path %1$s/proxy;
					fastcgi_temp_path %1$s/fastcgi;
					uwsgi_temp_path %1$s/uwsgi;
					scgi_temp_path %1$s/scgi;
					access_log %1$s/access.log;
					include %2$s;
				}
				""".formatted(this.work, copy);
		return Files.writeString(this.work.resolve("nginx.conf"), main);
	}

	private static SSLContext trusting(Path certificate) throws Exception {
		KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
		store.load(null, null);
		try (InputStream in = Files.newInputStream(certificate)) {
			store.setCertificateEntry("nginx", CertificateFactory.getInstance("X.509").generateCertificate(in));
		}
		TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		trust.init(store);
		SSLContext context = SSLContext.getInstance("TLS");
		context.init(null, trust.getTrustManagers(), null);
		return context;
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}

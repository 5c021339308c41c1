package io.dispycluster.worker.fetch;

import java.time.Duration;
import java.util.List;

import io.dispycluster.worker.testsupport.ClosingSite;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The fetcher against servers that close a connection after one response: it never writes
 * a request into a connection such a server has closed, and when a pooled connection
 * turns out to be closed anyway, the request goes again on a new one.
 */
class PageFetcherConnectionTests {

	private final AddressGuard guard = new AddressGuard(new GuardProperties(List.of("127.0.0.0/8")));

	private final OkHttpClient client = PageFetcher.newClient(this.guard);

	private final PageFetcher fetcher = new PageFetcher(this.client, new FetchProperties("DispyClusterBot/test",
			DataSize.ofKilobytes(4), 5, 0, Duration.ofSeconds(1), Duration.ofSeconds(60), false), this.guard);

	private @Nullable ClosingSite site;

	@AfterEach
	void closeSite() {
		if (this.site != null) {
			this.site.close();
		}
	}

	@Test
	void doesNotKeepAConnectionThatAnHttp10ServerCloses() throws FetchException {
		this.site = ClosingSite.http10().page("/a", "<p>a</p>").page("/b", "<p>b</p>").page("/c", "<p>c</p>");

		for (String path : List.of("/a", "/b", "/c")) {
			assertThat(fetch(this.site.url(path)).status()).isEqualTo(200);
		}

		assertThat(this.site.requestedPaths()).containsExactly("/a", "/b", "/c");
		assertThat(this.site.connections()).isEqualTo(3);
		assertThat(this.site.requestsOnClosedConnections()).isZero();
		assertThat(this.client.connectionPool().idleConnectionCount()).isZero();
	}

	@Test
	void expectsTheServerToCloseAfterAnHttp10ResponseUnlessItSaysKeepAlive() {
		Response keptAlive = response(Protocol.HTTP_1_0, "Keep-Alive");
		Response closed = response(Protocol.HTTP_1_0, null);
		Response http11 = response(Protocol.HTTP_1_1, null);

		assertThat(ClosingConnections.closesAfterResponse(keptAlive)).isFalse();
		assertThat(ClosingConnections.closesAfterResponse(closed)).isTrue();
		assertThat(ClosingConnections.closesAfterResponse(http11)).isFalse();
	}

	@Test
	void sendsTheRequestAgainOnANewConnectionWhenThePooledOneWasClosed() throws FetchException {
		this.site = ClosingSite.http11ClosingAnyway().page("/a", "<p>a</p>").page("/b", "<p>b</p>");

		assertThat(fetch(this.site.url("/a")).status()).isEqualTo(200);
		assertThat(fetch(this.site.url("/b")).status()).isEqualTo(200);

		// The pooled connection was tried first, and failed: the server had closed it.
		// (Counted by the old connection's server thread, which the retry may outrun.)
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(this.site.requestsOnClosedConnections()).isEqualTo(1));
		assertThat(this.site.requestedPaths()).containsExactly("/a", "/b");
		assertThat(this.site.connections()).isEqualTo(2);
	}

	private FetchedPage fetch(String url) throws FetchException {
		return this.fetcher.fetch(url, Duration.ofSeconds(5), AbortSignal.NONE);
	}

	private static Response response(Protocol protocol, @Nullable String connection) {
		Response.Builder builder = new Response.Builder()
			.request(new Request.Builder().url("http://127.0.0.1/").build())
			.protocol(protocol)
			.code(200)
			.message("OK");
		if (connection != null) {
			builder.header("Connection", connection);
		}
		return builder.build();
	}

}

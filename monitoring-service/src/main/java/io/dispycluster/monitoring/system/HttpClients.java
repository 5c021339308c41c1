package io.dispycluster.monitoring.system;

import java.net.http.HttpClient;
import java.time.Duration;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.web.client.RestClient;

/**
 * Builds the {@link RestClient}s of the service on Boot's builder (so the snake_case JSON
 * mapper applies), with the JDK HTTP client speaking HTTP/1.1 and one timeout for
 * connecting and for reading.
 */
public final class HttpClients {

	private HttpClients() {
	}

	/**
	 * A client whose connection and read timeouts are both {@code timeout}.
	 */
	public static RestClient.Builder withTimeout(RestClient.Builder builder, Duration timeout) {
		return withSettings(builder, HttpClientSettings.defaults().withTimeouts(timeout, timeout));
	}

	/**
	 * A client whose connection and read timeouts are both {@code timeout} and that does
	 * not follow redirects: for addresses this service does not choose (a worker's),
	 * where a redirect would send it anywhere the answer says.
	 */
	public static RestClient.Builder withTimeoutNoRedirects(RestClient.Builder builder, Duration timeout) {
		return withSettings(builder,
				HttpClientSettings.defaults().withTimeouts(timeout, timeout).withRedirects(HttpRedirects.DONT_FOLLOW));
	}

	private static RestClient.Builder withSettings(RestClient.Builder builder, HttpClientSettings settings) {
		return builder.requestFactory(ClientHttpRequestFactoryBuilder.jdk()
			.withHttpClientCustomizer((http) -> http.version(HttpClient.Version.HTTP_1_1))
			.build(settings));
	}

}

package io.dispycluster.monitoring.system;

import java.net.http.HttpClient;
import java.time.Duration;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
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
		HttpClientSettings settings = HttpClientSettings.defaults().withTimeouts(timeout, timeout);
		return builder.requestFactory(ClientHttpRequestFactoryBuilder.jdk()
			.withHttpClientCustomizer((http) -> http.version(HttpClient.Version.HTTP_1_1))
			.build(settings));
	}

}

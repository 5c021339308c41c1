package io.dispycluster.controller.worker;

import java.io.IOException;

import io.dispycluster.support.security.InternalTokenProperties;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.support.RestClientAdapter;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;

/**
 * Builds the {@link WorkerClient} proxy on Boot's {@code RestClient.Builder} (so the
 * snake_case JSON mapper applies), with the configured timeouts and, when one is
 * configured, the internal token on every call.
 * <p>
 * The calls go through the JDK's {@code HttpURLConnection} (kept-alive connections, one
 * blocking call on the calling thread) rather than the JDK {@code HttpClient}: Spring
 * sends blocking calls on the latter with {@code sendAsync}, whose completion stages run
 * on {@code CompletableFuture}'s default executor, and on a machine with two CPUs that
 * executor starts a new thread for every call. Dispatch makes one call per job, so that
 * cost a thread per job.
 */
@Configuration(proxyBeanMethods = false)
class WorkerClientConfiguration {

	@Bean
	WorkerClient workerClient(RestClient.Builder builder, WorkerProperties properties,
			InternalTokenProperties security) {
		HttpClientSettings settings = HttpClientSettings.defaults()
			.withTimeouts(properties.workerTimeout(), properties.workerTimeout());
		RestClient client = builder.requestFactory(ClientHttpRequestFactoryBuilder.simple().build(settings))
			.defaultHeaders((headers) -> {
				if (security.internalToken() != null) {
					headers.set(InternalTokenProperties.HEADER, security.internalToken());
				}
			})
			.requestInterceptor(WorkerClientConfiguration::unusableAddressAsIoError)
			.build();
		return HttpServiceProxyFactory.builderFor(RestClientAdapter.create(client))
			.build()
			.createClient(WorkerClient.class);
	}

	/**
	 * Turns an address the JDK cannot even try (a port out of range, in a worker stored
	 * before registrations were checked for it) into an I/O error, which the client
	 * reports as a {@code RestClientException} like a refused connection. Left as it was,
	 * the {@code IllegalArgumentException} escaped every caller: a ping answered 500, the
	 * worker could not register at a new address, its health checks never failed so it
	 * stayed online, and each job sent to it waited for its lease to expire.
	 */
	private static ClientHttpResponse unusableAddressAsIoError(HttpRequest request, byte[] body,
			ClientHttpRequestExecution execution) throws IOException {
		try {
			return execution.execute(request, body);
		}
		catch (IllegalArgumentException ex) {
			throw new IOException("Unusable worker address " + request.getURI() + ": " + ex.getMessage(), ex);
		}
	}

}

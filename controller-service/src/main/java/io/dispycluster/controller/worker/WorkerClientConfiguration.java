package io.dispycluster.controller.worker;

import java.net.http.HttpClient;

import io.dispycluster.support.security.InternalTokenProperties;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.support.RestClientAdapter;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;

/**
 * Builds the {@link WorkerClient} proxy on Boot's {@code RestClient.Builder} (so the
 * snake_case JSON mapper applies), with the JDK HTTP client speaking HTTP/1.1, the
 * configured timeouts and, when one is configured, the internal token on every call.
 */
@Configuration(proxyBeanMethods = false)
class WorkerClientConfiguration {

	@Bean
	WorkerClient workerClient(RestClient.Builder builder, WorkerProperties properties,
			InternalTokenProperties security) {
		HttpClientSettings settings = HttpClientSettings.defaults()
			.withTimeouts(properties.workerTimeout(), properties.workerTimeout());
		RestClient client = builder
			.requestFactory(ClientHttpRequestFactoryBuilder.jdk()
				.withHttpClientCustomizer((http) -> http.version(HttpClient.Version.HTTP_1_1))
				.build(settings))
			.defaultHeaders((headers) -> {
				if (security.internalToken() != null) {
					headers.set(InternalTokenProperties.HEADER, security.internalToken());
				}
			})
			.build();
		return HttpServiceProxyFactory.builderFor(RestClientAdapter.create(client))
			.build()
			.createClient(WorkerClient.class);
	}

}

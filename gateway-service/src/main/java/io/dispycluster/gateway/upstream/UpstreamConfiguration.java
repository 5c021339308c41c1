package io.dispycluster.gateway.upstream;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadPoolExecutor;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.slf4j.MDC;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.cloud.gateway.server.mvc.config.GatewayMvcProperties;
import org.springframework.cloud.gateway.server.mvc.handler.ProxyExchange;
import org.springframework.cloud.gateway.server.mvc.handler.RestClientProxyExchange;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.TaskDecorator;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.web.client.RestClient;

/**
 * The HTTP clients toward the services. Both share one JDK client (one connection pool);
 * routed calls wait up to the route timeout, the calls behind the aggregate views up to
 * the aggregate timeout. Every outgoing call passes through the
 * {@link ClientHttpRequestInterceptor} beans (request id, internal token).
 */
@Configuration(proxyBeanMethods = false)
class UpstreamConfiguration {

	@Bean
	HttpClient upstreamHttpClient(GatewayProperties properties) {
		// HTTP/1.1: the services speak nothing else, and the h2c upgrade attempt of the
		// default version costs a header round on every new connection.
		return HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(properties.connectTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	@Bean
	RestClient routeClient(RestClient.Builder builder, HttpClient upstreamHttpClient, GatewayProperties properties,
			ObjectProvider<ClientHttpRequestInterceptor> interceptors) {
		return client(builder, upstreamHttpClient, properties.routeTimeout(), interceptors);
	}

	@Bean
	RestClient aggregateClient(RestClient.Builder builder, HttpClient upstreamHttpClient, GatewayProperties properties,
			ObjectProvider<ClientHttpRequestInterceptor> interceptors) {
		return client(builder, upstreamHttpClient, properties.aggregateTimeout(), interceptors);
	}

	private static RestClient client(RestClient.Builder builder, HttpClient httpClient, Duration readTimeout,
			ObjectProvider<ClientHttpRequestInterceptor> interceptors) {
		JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(httpClient);
		factory.setReadTimeout(readTimeout);
		return builder.requestFactory(factory)
			.requestInterceptors((list) -> interceptors.orderedStream().forEach(list::add))
			.build();
	}

	@Bean
	CircuitBreakers upstreamCircuitBreakers(CircuitBreakerRegistry registry) {
		return new CircuitBreakers(registry);
	}

	/** The proxy behind every route; replaces the gateway's default one. */
	@Bean
	ProxyExchange proxyExchange(@Qualifier("routeClient") RestClient routeClient, GatewayMvcProperties properties,
			ServicesProperties services, CircuitBreakers breakers) {
		return new UpstreamProxyExchange(new RestClientProxyExchange(routeClient, properties), services, breakers);
	}

	@Bean
	ThreadPoolTaskExecutor upstreamCallExecutor(GatewayProperties properties) {
		ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
		executor.setThreadNamePrefix("upstream-");
		executor.setCorePoolSize(properties.aggregateThreads());
		executor.setMaxPoolSize(properties.aggregateThreads());
		executor.setQueueCapacity(properties.aggregateThreads() * 8);
		// when even the queue is full, the request thread makes the call itself: slower,
		// never refused
		executor.setRejectedExecutionHandler(new ThreadPoolExecutor.CallerRunsPolicy());
		executor.setTaskDecorator(new MdcPropagation());
		return executor;
	}

	@Bean
	Upstreams upstreams(@Qualifier("aggregateClient") RestClient aggregateClient,
			@Qualifier("routeClient") RestClient routeClient,
			@Qualifier("upstreamCallExecutor") Executor upstreamCallExecutor, ServicesProperties services,
			GatewayProperties properties, JsonMapper jsonMapper, CircuitBreakers breakers) {
		return new Upstreams(aggregateClient, routeClient, upstreamCallExecutor, services, properties, jsonMapper,
				breakers);
	}

	/** Runs each call with the MDC (request id) of the request that started it. */
	private static final class MdcPropagation implements TaskDecorator {

		@Override
		public Runnable decorate(Runnable task) {
			Map<String, String> context = MDC.getCopyOfContextMap();
			return () -> {
				if (context != null) {
					MDC.setContextMap(context);
				}
				try {
					task.run();
				}
				finally {
					MDC.clear();
				}
			};
		}

	}

}

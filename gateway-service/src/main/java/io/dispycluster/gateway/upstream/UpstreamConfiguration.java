package io.dispycluster.gateway.upstream;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadPoolExecutor;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.apache.hc.client5.http.classic.HttpClient;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.DefaultHttpRequestRetryStrategy;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.MDC;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.cloud.gateway.server.mvc.config.GatewayMvcProperties;
import org.springframework.cloud.gateway.server.mvc.handler.ProxyExchange;
import org.springframework.cloud.gateway.server.mvc.handler.ClientHttpRequestFactoryProxyExchange;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.TaskDecorator;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.http.client.InterceptingClientHttpRequestFactory;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.web.client.RestClient;

/**
 * The HTTP clients toward the services. Both share one pooled, blocking Apache
 * HttpClient: a routed call runs on the request's own thread from start to end, with no
 * hand-off to another thread, and its connection goes back to the pool for the next one.
 * Routed calls wait up to the route timeout, the calls behind the aggregate views up to
 * the aggregate timeout. Every outgoing call passes through the
 * {@link ClientHttpRequestInterceptor} beans (request id, internal token).
 */
@Configuration(proxyBeanMethods = false)
class UpstreamConfiguration {

	// at most as many calls in flight to one service as Tomcat has request threads (200
	// by default) plus the aggregate views' threads
	private static final int MAX_CONNECTIONS_PER_SERVICE = 256;

	// The services' Tomcat closes a connection idle for 60 s; the pool forgets it well
	// before, so a request is never written to a connection the service has just closed.
	private static final TimeValue IDLE_CONNECTION_LIFETIME = TimeValue.ofSeconds(15);

	@Bean(destroyMethod = "close")
	CloseableHttpClient upstreamHttpClient(GatewayProperties properties) {
		ConnectionConfig connection = ConnectionConfig.custom()
			.setConnectTimeout(Timeout.of(properties.connectTimeout()))
			// a connection unused for a while is checked before it is used again
			.setValidateAfterInactivity(TimeValue.ofSeconds(2))
			.build();
		PoolingHttpClientConnectionManager pool = PoolingHttpClientConnectionManagerBuilder.create()
			.setMaxConnPerRoute(MAX_CONNECTIONS_PER_SERVICE)
			.setMaxConnTotal(MAX_CONNECTIONS_PER_SERVICE * Service.values().length)
			.setDefaultConnectionConfig(connection)
			.setDefaultSocketConfig(SocketConfig.custom().setTcpNoDelay(true).build())
			.build();
		// a proxy passes bodies and headers through: no transparent decompression,
		// redirects, cookies or authentication of its own
		return HttpClients.custom()
			.setConnectionManager(pool)
			.evictIdleConnections(IDLE_CONNECTION_LIFETIME)
			.disableContentCompression()
			.disableRedirectHandling()
			.disableCookieManagement()
			.disableAuthCaching()
			.setRetryStrategy(new TransportRetriesOnly(pool))
			.build();
	}

	@Bean
	RestClient routeClient(RestClient.Builder builder, HttpClient upstreamHttpClient, GatewayProperties properties,
			ObjectProvider<ClientHttpRequestInterceptor> interceptors) {
		return client(builder, upstreamHttpClient, properties, properties.routeTimeout(), interceptors);
	}

	@Bean
	RestClient aggregateClient(RestClient.Builder builder, HttpClient upstreamHttpClient, GatewayProperties properties,
			ObjectProvider<ClientHttpRequestInterceptor> interceptors) {
		return client(builder, upstreamHttpClient, properties, properties.aggregateTimeout(), interceptors);
	}

	private static RestClient client(RestClient.Builder builder, HttpClient httpClient, GatewayProperties properties,
			Duration readTimeout, ObjectProvider<ClientHttpRequestInterceptor> interceptors) {
		// no client observation: a routed call is timed as the gateway's own request
		// (http.server.requests) already, and the per-call metric cost more than the call
		return builder.requestFactory(requestFactory(httpClient, properties, readTimeout))
			.observationRegistry(ObservationRegistry.NOOP)
			.requestInterceptors((list) -> interceptors.orderedStream().forEach(list::add))
			.build();
	}

	private static HttpComponentsClientHttpRequestFactory requestFactory(HttpClient httpClient,
			GatewayProperties properties, Duration readTimeout) {
		HttpComponentsClientHttpRequestFactory factory = new HttpComponentsClientHttpRequestFactory(httpClient);
		factory.setReadTimeout(readTimeout);
		factory.setConnectionRequestTimeout(properties.connectTimeout());
		return factory;
	}

	@Bean
	CircuitBreakers upstreamCircuitBreakers(CircuitBreakerRegistry registry) {
		return new CircuitBreakers(registry);
	}

	/**
	 * The proxy behind every route; replaces the gateway's default one. It sends the
	 * request through the request factory itself, with the same interceptors as the
	 * clients, rather than through a {@link RestClient}: a routed call needs none of the
	 * client's conversion and status handling, which cost a sixth of the gateway's CPU
	 * per proxied request.
	 */
	@Bean
	ProxyExchange proxyExchange(HttpClient upstreamHttpClient, GatewayProperties gateway,
			GatewayMvcProperties properties, ServicesProperties services, CircuitBreakers breakers,
			JsonMapper jsonMapper, ObjectProvider<ClientHttpRequestInterceptor> interceptors) {
		List<ClientHttpRequestInterceptor> chain = new ArrayList<>();
		chain.add(ServiceContentType.interceptor());
		interceptors.orderedStream().forEach(chain::add);
		ClientHttpRequestFactory factory = new InterceptingClientHttpRequestFactory(
				requestFactory(upstreamHttpClient, gateway, gateway.routeTimeout()), chain);
		return new UpstreamProxyExchange(new ClientHttpRequestFactoryProxyExchange(factory, properties), services,
				breakers, new ProblemInstances(jsonMapper));
	}

	@Bean
	ConnectionOptions.OnRequest connectionOptionsOnRequest() {
		return new ConnectionOptions.OnRequest();
	}

	@Bean
	ConnectionOptions.OnResponse connectionOptionsOnResponse() {
		return new ConnectionOptions.OnResponse();
	}

	/**
	 * Gives {@link ServiceContentType} Tomcat's response of each request, on which it
	 * sets a service's content type as sent.
	 */
	@Bean
	TomcatContextCustomizer serviceContentTypeAsSent() {
		return (context) -> context.getPipeline().addValve(new ServiceContentType.Valve());
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

	/**
	 * Retries an idempotent call that failed on the wire (a pooled connection the service
	 * had just closed), as the client's default does, but never one the service answered.
	 * By default a 429 or 503 was sent again after the service's {@code Retry-After},
	 * however long: the request thread slept, the client waited for it, and a struggling
	 * service got every such call twice. The client gets the answer, and decides.
	 */
	private static final class TransportRetriesOnly extends DefaultHttpRequestRetryStrategy {

		private final PoolingHttpClientConnectionManager pool;

		TransportRetriesOnly(PoolingHttpClientConnectionManager pool) {
			this.pool = pool;
		}

		@Override
		public boolean retryRequest(HttpRequest request, IOException exception, int execCount, HttpContext context) {
			boolean retry = super.retryRequest(request, exception, execCount, context);
			if (retry) {
				// A connection closed under us most likely means the service restarted:
				// its other idle connections are closed too, and the one retry would
				// otherwise take one of them (those used in the last 2 s are not checked)
				// and fail the same way. Idle connections cost only a reconnect.
				this.pool.closeIdle(TimeValue.ZERO_MILLISECONDS);
			}
			return retry;
		}

		@Override
		public boolean retryRequest(HttpResponse response, int execCount, HttpContext context) {
			return false;
		}

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

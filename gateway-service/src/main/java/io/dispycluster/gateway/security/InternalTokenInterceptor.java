package io.dispycluster.gateway.security;

import java.io.IOException;

import org.jspecify.annotations.Nullable;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.stereotype.Component;

/**
 * On every call to a service, routed or the gateway's own: the cluster's internal token
 * when one is configured, and none of the client's credentials (its API key stays at the
 * edge; a token it sent itself is dropped).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class InternalTokenInterceptor implements ClientHttpRequestInterceptor {

	/** The header carrying the internal token to the services. */
	static final String HEADER = "X-Internal-Token";

	private final @Nullable String token;

	InternalTokenInterceptor(SecurityProperties properties) {
		this.token = properties.internalToken();
	}

	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		HttpHeaders headers = request.getHeaders();
		headers.remove(ApiKeys.HEADER);
		headers.remove(HttpHeaders.AUTHORIZATION);
		headers.remove(HEADER);
		if (this.token != null) {
			headers.set(HEADER, this.token);
		}
		return execution.execute(request, body);
	}

}

package io.dispycluster.gateway.system;

import io.dispycluster.support.requestid.RequestIds;

import java.io.IOException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.stereotype.Component;

/**
 * Puts the current request's id on every call the gateway makes to a service, routed or
 * its own, so the services log the same id.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestIdInterceptor implements ClientHttpRequestInterceptor {

	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		String id = RequestIds.current();
		if (id != null) {
			request.getHeaders().set(RequestIds.HEADER, id);
		}
		return execution.execute(request, body);
	}

}

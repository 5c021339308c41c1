package io.dispycluster.gateway.system;

import io.dispycluster.support.requestid.RequestIds;

import org.springframework.cloud.gateway.server.mvc.filter.HttpHeadersFilter.ResponseHttpHeadersFilter;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Drops a service's own {@code X-Request-Id} from a routed response: the client gets
 * exactly one, the gateway's, set by the request id filter of every service.
 */
@Component
class UpstreamRequestIdFilter implements ResponseHttpHeadersFilter {

	@Override
	public HttpHeaders apply(HttpHeaders headers, ServerResponse response) {
		if (!headers.containsHeader(RequestIds.HEADER)) {
			return headers;
		}
		HttpHeaders filtered = new HttpHeaders();
		filtered.putAll(headers);
		filtered.remove(RequestIds.HEADER);
		return filtered;
	}

}

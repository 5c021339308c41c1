package io.dispycluster.gateway.upstream;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.cloud.gateway.server.mvc.filter.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Drops the headers a message's {@code Connection} header names, as a proxy must (RFC
 * 9110, 7.6.1): they are about that one connection ({@code Connection: keep-alive, X-Foo}
 * makes {@code X-Foo} hop-by-hop), yet the gateway's filters drop only the fixed list of
 * hop-by-hop headers, and passed the others on to the service, or to the client. Runs
 * before those filters, which drop the {@code Connection} header itself.
 */
final class ConnectionOptions {

	private ConnectionOptions() {
	}

	/** {@code headers} without the ones its {@code Connection} header names. */
	static HttpHeaders without(HttpHeaders headers) {
		Set<String> options = headers.getValuesAsList(HttpHeaders.CONNECTION)
			.stream()
			.map((option) -> option.trim().toLowerCase(Locale.ROOT))
			.filter((option) -> !option.isEmpty())
			.collect(Collectors.toSet());
		if (options.isEmpty()) {
			return headers;
		}
		HttpHeaders kept = new HttpHeaders();
		headers.forEach((name, values) -> {
			if (!options.contains(name.toLowerCase(Locale.ROOT))) {
				kept.addAll(name, values);
			}
		});
		return kept;
	}

	/** For a client's request, before it goes to a service. */
	static final class OnRequest implements HttpHeadersFilter.RequestHttpHeadersFilter, Ordered {

		@Override
		public HttpHeaders apply(HttpHeaders headers, ServerRequest request) {
			return without(headers);
		}

		@Override
		public int getOrder() {
			return Ordered.HIGHEST_PRECEDENCE;
		}

	}

	/** For a service's answer, before it goes to the client. */
	static final class OnResponse implements HttpHeadersFilter.ResponseHttpHeadersFilter, Ordered {

		@Override
		public HttpHeaders apply(HttpHeaders headers, ServerResponse response) {
			return without(headers);
		}

		@Override
		public int getOrder() {
			return Ordered.HIGHEST_PRECEDENCE;
		}

	}

}

package io.dispycluster.gateway.upstream;

import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.servlet.ServletException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.jspecify.annotations.Nullable;

import org.springframework.cloud.gateway.server.mvc.common.MvcUtils;
import org.springframework.cloud.gateway.server.mvc.handler.ProxyExchange;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Passes a service's {@code Content-Type} to the client exactly as the service sent it.
 * Through the servlet API, Tomcat rebuilds every content type that names a charset
 * ({@code text/plain; charset=iso-8859-1} went out as
 * {@code text/plain;charset=iso-8859-1}, {@code text/html; charset="UTF-8"} as
 * {@code text/html;charset=UTF-8}, the charset moved behind the other parameters), and
 * appends the response's charset, once one is set, to a type without any. The gateway's
 * HTTP stack also parses the type of every answer: one it cannot read
 * ({@code charset=bogus}, no subtype) made a 500 of a service's answer. So the service's
 * answer is read with its content type left out when it does not parse, and the type as
 * sent is set on Tomcat's own response, below the servlet API.
 */
final class ServiceContentType {

	/** The request attribute under which {@link Valve} leaves Tomcat's response. */
	static final String RESPONSE_ATTRIBUTE = ServiceContentType.class.getName() + ".response";

	private ServiceContentType() {
	}

	/**
	 * An interceptor that makes every service answer an {@link AsSent}: its content type
	 * kept as sent, and left out of its headers when it does not parse.
	 */
	static ClientHttpRequestInterceptor interceptor() {
		return (request, body, execution) -> new AsSent(execution.execute(request, body));
	}

	/**
	 * Sets the content type of the service's answer on the client's response exactly as
	 * the service sent it, and takes it out of {@code response}'s headers so that nothing
	 * sets it again through the servlet API. Leaves {@code response} as it is outside
	 * Tomcat.
	 */
	static void passOn(ProxyExchange.Request request, ServerResponse response) {
		Object tomcat = request.getServerRequest().servletRequest().getAttribute(RESPONSE_ATTRIBUTE);
		ClientHttpResponse answer = MvcUtils.getAttribute(request.getServerRequest(), MvcUtils.CLIENT_RESPONSE_ATTR);
		if (!(tomcat instanceof org.apache.coyote.Response client) || !(answer instanceof AsSent sent)) {
			return;
		}
		response.headers().remove(HttpHeaders.CONTENT_TYPE);
		String contentType = sent.contentType();
		if (contentType == null || client.isCommitted()) {
			return;
		}
		client.setContentTypeNoCharset(contentType);
		try {
			// no charset of Tomcat's appended: the type carries the service's own, if any
			client.setCharacterEncoding(null);
		}
		catch (UnsupportedEncodingException ex) {
			throw new IllegalStateException("no charset is always supported", ex);
		}
	}

	/**
	 * Leaves Tomcat's response of each request in {@link #RESPONSE_ATTRIBUTE}: the
	 * servlet API gives no access to it.
	 */
	static final class Valve extends ValveBase {

		Valve() {
			super(true);
		}

		@Override
		public void invoke(Request request, Response response) throws IOException, ServletException {
			request.setAttribute(RESPONSE_ATTRIBUTE, response.getCoyoteResponse());
			getNext().invoke(request, response);
		}

	}

	/**
	 * A service's answer, its content type as sent kept aside; closing it more than once
	 * is harmless.
	 */
	static final class AsSent implements ClientHttpResponse {

		private final ClientHttpResponse answer;

		private final @Nullable String contentType;

		private final HttpHeaders headers;

		private final AtomicBoolean closed = new AtomicBoolean();

		AsSent(ClientHttpResponse answer) {
			this.answer = answer;
			HttpHeaders sent = answer.getHeaders();
			this.contentType = sent.getFirst(HttpHeaders.CONTENT_TYPE);
			this.headers = (this.contentType == null || parses(this.contentType)) ? sent : withoutContentType(sent);
		}

		private static boolean parses(String contentType) {
			try {
				MediaType.parseMediaType(contentType);
				return true;
			}
			catch (InvalidMediaTypeException ex) {
				return false;
			}
		}

		private static HttpHeaders withoutContentType(HttpHeaders sent) {
			HttpHeaders headers = new HttpHeaders();
			headers.putAll(sent);
			headers.remove(HttpHeaders.CONTENT_TYPE);
			return HttpHeaders.readOnlyHttpHeaders(headers);
		}

		/** The {@code Content-Type} header as the service sent it, or null. */
		@Nullable String contentType() {
			return this.contentType;
		}

		@Override
		public HttpStatusCode getStatusCode() throws IOException {
			return this.answer.getStatusCode();
		}

		@Override
		public String getStatusText() throws IOException {
			return this.answer.getStatusText();
		}

		@Override
		public HttpHeaders getHeaders() {
			return this.headers;
		}

		@Override
		public InputStream getBody() throws IOException {
			return this.answer.getBody();
		}

		// closed by the proxy once passed on, and by the gateway when the request is over
		// in case it was not: only the first close counts
		@Override
		public void close() {
			if (this.closed.compareAndSet(false, true)) {
				this.answer.close();
			}
		}

	}

}

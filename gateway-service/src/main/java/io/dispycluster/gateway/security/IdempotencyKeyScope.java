package io.dispycluster.gateway.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.jspecify.annotations.Nullable;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Makes a client's {@code Idempotency-Key} its own: on a call made for a request that
 * presented an API key, the key the service gets is derived from the API key's name and
 * the client's key, so two clients that happen to pick the same key (a date, a task name)
 * never get each other's jobs back nor a refusal for a request they never sent. The
 * services keep answers by the key they get, whichever route it came through (the
 * gateway's {@code /scrape}, or {@code /cluster/scrape} routed as it is). A request
 * without an API key (keys off) keeps its key as sent, and so does a key the controller
 * would refuse anyway (blank or too long), so that its refusal is unchanged.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class IdempotencyKeyScope implements ClientHttpRequestInterceptor {

	static final String HEADER = "Idempotency-Key";

	// the longest key the controller accepts
	private static final int MAX_KEY_LENGTH = 255;

	private static final String PREFIX = "client-";

	private final ApiKeys keys;

	IdempotencyKeyScope(ApiKeys keys) {
		this.keys = keys;
	}

	@Override
	public ClientHttpResponse intercept(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
			throws IOException {
		HttpHeaders headers = request.getHeaders();
		String key = headers.getFirst(HEADER);
		if (key != null && !key.isBlank() && key.length() <= MAX_KEY_LENGTH) {
			String client = clientName();
			if (client != null) {
				headers.set(HEADER, scoped(client, key));
			}
		}
		return execution.execute(request, body);
	}

	/** The name of the API key the request being served presented, or null. */
	private @Nullable String clientName() {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		return (attributes instanceof ServletRequestAttributes servlet) ? this.keys.keyName(servlet.getRequest())
				: null;
	}

	/**
	 * The client's key as the service gets it: a digest of both names, so that it stays
	 * within the services' length limit and reveals neither.
	 */
	static String scoped(String client, String key) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			digest.update(client.getBytes(StandardCharsets.UTF_8));
			digest.update((byte) 0);
			digest.update(key.getBytes(StandardCharsets.UTF_8));
			return PREFIX + HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
		}
	}

}

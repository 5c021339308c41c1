package io.dispycluster.worker.fetch;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * One HTTP response. The body is present only when it was worth downloading: status 200
 * and an HTML type ({@link #hasBody()}).
 *
 * @param url the URL requested
 * @param finalUrl the URL that answered, after redirects
 * @param status the HTTP status code
 * @param contentType the {@code Content-Type} header as sent, or an empty string
 * @param body the body's bytes, or null when it was not downloaded
 * @param charset the charset named by the {@code Content-Type} header, or null
 * @param location the {@code Location} header, or null
 * @param retryAfter the {@code Retry-After} header, or null
 * @param elapsed time from sending the request to the end of the body
 */
public record FetchedPage(String url, String finalUrl, int status, String contentType, byte @Nullable [] body,
		@Nullable String charset, @Nullable String location, @Nullable String retryAfter, Duration elapsed) {

	/** Whether the body was downloaded. */
	public boolean hasBody() {
		return this.body != null;
	}

	/** The number of body bytes downloaded (0 when the body was skipped). */
	public int bytes() {
		return (this.body != null) ? this.body.length : 0;
	}

}

package io.dispycluster.worker.fetch;

import java.io.IOException;

/**
 * A fetch that produced no HTTP response worth recording, with why. The message is always
 * a readable sentence, never empty.
 */
public class FetchException extends IOException {

	private final Kind kind;

	private final String url;

	public FetchException(Kind kind, String url, String message, Throwable cause) {
		super(message, cause);
		this.kind = kind;
		this.url = url;
	}

	public FetchException(Kind kind, String url, String message) {
		super(message);
		this.kind = kind;
		this.url = url;
	}

	/** What went wrong. */
	public Kind kind() {
		return this.kind;
	}

	/** Whether the same request may succeed if tried again a little later. */
	public boolean isTransient() {
		return this.kind == Kind.TIMEOUT || this.kind == Kind.CONNECTION;
	}

	/** The URL being fetched. */
	public String url() {
		return this.url;
	}

	/**
	 * The kinds of failure a fetch distinguishes.
	 */
	public enum Kind {

		/** No complete response within the request's timeout. */
		TIMEOUT,

		/** Aborted because the crawl was cancelled. */
		CANCELLED,

		/** The body was larger than the configured cap. */
		TOO_LARGE,

		/** The SSRF guard refused the address. */
		BLOCKED,

		/** A connection refused, reset or cut short: may well work on a retry. */
		CONNECTION,

		/** A network failure a retry would not fix: unknown host, TLS. */
		NETWORK

	}

}

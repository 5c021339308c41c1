package io.dispycluster.gateway.upstream;

import org.apache.coyote.CloseNowException;

import io.dispycluster.support.requestid.RequestIds;

import org.springframework.http.HttpHeaders;

/**
 * A service broke off a routed answer while the gateway was passing its body on: it went
 * down, closed the connection, stopped sending, or sent a body that is not HTTP. Before
 * any of the answer reached the client, the client gets the 502 or 504 problem of
 * {@link #failure()} instead, without the service's headers. Once part of it has, the
 * status cannot change any more: the exception is left to the web server, which closes
 * the client's connection (a {@link CloseNowException}), so that the client sees an
 * incomplete answer, never a complete-looking one cut short.
 */
public final class UpstreamBodyFailure extends CloseNowException {

	private final transient UpstreamFailure failure;

	private final transient HttpHeaders serviceHeaders;

	UpstreamBodyFailure(UpstreamFailure failure, HttpHeaders serviceHeaders) {
		super(failure.getMessage() + ", in the middle of its answer", failure.getCause());
		this.failure = failure;
		this.serviceHeaders = serviceHeaders;
	}

	/** The failure to answer when none of the answer was sent yet. */
	public UpstreamFailure failure() {
		return this.failure;
	}

	/**
	 * Whether a response header is one of the service's broken answer; never the
	 * gateway's own request id.
	 */
	public boolean isServiceHeader(String name) {
		return !RequestIds.HEADER.equalsIgnoreCase(name) && this.serviceHeaders.containsHeader(name);
	}

}

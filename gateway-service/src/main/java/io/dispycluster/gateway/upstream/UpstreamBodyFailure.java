package io.dispycluster.gateway.upstream;

import java.util.Locale;
import java.util.Set;

import org.apache.coyote.CloseNowException;

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

	private final Set<String> serviceHeaders;

	UpstreamBodyFailure(UpstreamFailure failure, Set<String> serviceHeaders) {
		super(failure.getMessage() + ", in the middle of its answer", failure.getCause());
		this.failure = failure;
		this.serviceHeaders = serviceHeaders;
	}

	/** The failure to answer when none of the answer was sent yet. */
	public UpstreamFailure failure() {
		return this.failure;
	}

	/** Whether a response header is one of the service's broken answer. */
	public boolean isServiceHeader(String name) {
		return this.serviceHeaders.contains(name.toLowerCase(Locale.ROOT));
	}

}

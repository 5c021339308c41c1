package io.dispycluster.gateway.upstream;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;

/**
 * The body of a service's answer as the proxy reads it to pass it on: a failure to read
 * it is the service's ({@link UpstreamBodyFailure}), told apart from a failure to write
 * to the client, and counts against the service's circuit breaker as a refused connection
 * does; reading it to its end is the call's success.
 */
final class UpstreamBody extends FilterInputStream {

	private final String service;

	private final HttpHeaders headers;

	private final CircuitBreakers.@Nullable Verdict verdict;

	UpstreamBody(InputStream body, String service, HttpHeaders headers, CircuitBreakers.@Nullable Verdict verdict) {
		super(body);
		this.service = service;
		this.headers = headers;
		this.verdict = verdict;
	}

	@Override
	public int read() throws IOException {
		try {
			return ended(super.read());
		}
		catch (IOException ex) {
			throw failure(ex);
		}
	}

	@Override
	public int read(byte[] buffer, int offset, int length) throws IOException {
		try {
			return ended(super.read(buffer, offset, length));
		}
		catch (IOException ex) {
			throw failure(ex);
		}
	}

	// the whole answer came: a success of the service's
	private int ended(int read) {
		if (read == -1 && this.verdict != null) {
			this.verdict.succeeded();
		}
		return read;
	}

	private UpstreamBodyFailure failure(IOException ex) {
		UpstreamFailure failure = UpstreamFailure.of(this.service, ex);
		if (this.verdict != null) {
			this.verdict.failed(failure);
		}
		return new UpstreamBodyFailure(failure, this.headers);
	}

}

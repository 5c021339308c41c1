package io.dispycluster.gateway.upstream;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import org.springframework.http.HttpHeaders;

/**
 * The body of a service's answer as the proxy reads it to pass it on: a failure to read
 * it is the service's ({@link UpstreamBodyFailure}), told apart from a failure to write
 * to the client.
 */
final class UpstreamBody extends FilterInputStream {

	private final String service;

	private final HttpHeaders headers;

	UpstreamBody(InputStream body, String service, HttpHeaders headers) {
		super(body);
		this.service = service;
		this.headers = headers;
	}

	@Override
	public int read() throws IOException {
		try {
			return super.read();
		}
		catch (IOException ex) {
			throw failure(ex);
		}
	}

	@Override
	public int read(byte[] buffer, int offset, int length) throws IOException {
		try {
			return super.read(buffer, offset, length);
		}
		catch (IOException ex) {
			throw failure(ex);
		}
	}

	private UpstreamBodyFailure failure(IOException ex) {
		return new UpstreamBodyFailure(UpstreamFailure.of(this.service, ex), this.headers);
	}

}

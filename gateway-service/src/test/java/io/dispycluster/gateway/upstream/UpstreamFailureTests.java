package io.dispycluster.gateway.upstream;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;

import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.junit.jupiter.api.Test;

import org.springframework.web.client.ResourceAccessException;

import static org.assertj.core.api.Assertions.assertThat;

class UpstreamFailureTests {

	@Test
	void classifiesTimeoutsWaitingForAnAnswerAsTimeouts() {
		assertThat(UpstreamFailure.classify(wrapped(new SocketTimeoutException("Read timed out"))))
			.isEqualTo(UpstreamFailure.Kind.TIMEOUT);
	}

	@Test
	void classifiesEverythingElseAsUnavailable() {
		assertThat(UpstreamFailure.classify(wrapped(new ConnectTimeoutException("Connect to 127.0.0.1:9 failed"))))
			.isEqualTo(UpstreamFailure.Kind.UNAVAILABLE);
		assertThat(UpstreamFailure.classify(wrapped(new ConnectException("Connection refused"))))
			.isEqualTo(UpstreamFailure.Kind.UNAVAILABLE);
		assertThat(UpstreamFailure.classify(wrapped(new IOException("Connection reset"))))
			.isEqualTo(UpstreamFailure.Kind.UNAVAILABLE);
		assertThat(UpstreamFailure.classify(wrapped(new NoHttpResponseException("failed to respond"))))
			.isEqualTo(UpstreamFailure.Kind.UNAVAILABLE);
	}

	private static ResourceAccessException wrapped(IOException cause) {
		return new ResourceAccessException("I/O error on GET request", cause);
	}

}

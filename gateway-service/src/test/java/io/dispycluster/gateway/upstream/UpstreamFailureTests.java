package io.dispycluster.gateway.upstream;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;

import org.junit.jupiter.api.Test;

import org.springframework.web.client.ResourceAccessException;

import static org.assertj.core.api.Assertions.assertThat;

class UpstreamFailureTests {

	@Test
	void classifiesTimeoutsWaitingForAnAnswerAsTimeouts() {
		assertThat(UpstreamFailure.classify(wrapped(new HttpTimeoutException("request timed out"))))
			.isEqualTo(UpstreamFailure.Kind.TIMEOUT);
		assertThat(UpstreamFailure.classify(wrapped(new SocketTimeoutException("Read timed out"))))
			.isEqualTo(UpstreamFailure.Kind.TIMEOUT);
	}

	@Test
	void classifiesEverythingElseAsUnavailable() {
		assertThat(UpstreamFailure.classify(wrapped(new HttpConnectTimeoutException("connect timed out"))))
			.isEqualTo(UpstreamFailure.Kind.UNAVAILABLE);
		assertThat(UpstreamFailure.classify(wrapped(new ConnectException("Connection refused"))))
			.isEqualTo(UpstreamFailure.Kind.UNAVAILABLE);
		assertThat(UpstreamFailure.classify(wrapped(new IOException("Connection reset"))))
			.isEqualTo(UpstreamFailure.Kind.UNAVAILABLE);
	}

	private static ResourceAccessException wrapped(IOException cause) {
		return new ResourceAccessException("I/O error on GET request", cause);
	}

}

package io.dispycluster.monitoring.system;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;

import org.junit.jupiter.api.Test;

import org.springframework.web.client.ResourceAccessException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Only a refused connection counts as a refusal (which soon makes a node offline): a
 * timeout, even one while connecting, is a node that may only be busy.
 */
class TransportFailuresTests {

	@Test
	void aRefusedConnectionIsARefusal() {
		ResourceAccessException refused = wrapped(new ConnectException("Connection refused"));

		assertThat(TransportFailures.refused(refused)).isTrue();
		assertThat(TransportFailures.reason(refused)).isEqualTo("connexion refusée");
	}

	@Test
	void aTimeoutIsNoRefusalEvenWhileConnecting() {
		HttpConnectTimeoutException connecting = new HttpConnectTimeoutException("HTTP connect timed out");
		connecting.initCause(new ConnectException("HTTP connect timed out"));

		assertThat(TransportFailures.refused(wrapped(connecting))).isFalse();
		assertThat(TransportFailures.reason(wrapped(connecting))).isEqualTo("délai dépassé");
		assertThat(TransportFailures.refused(wrapped(new HttpTimeoutException("request timed out")))).isFalse();
		assertThat(TransportFailures.refused(wrapped(new SocketTimeoutException("Read timed out")))).isFalse();
	}

	@Test
	void anUnknownHostOrAnyOtherFailureIsNoRefusal() {
		assertThat(TransportFailures.refused(wrapped(new UnknownHostException("pi-9")))).isFalse();
		assertThat(TransportFailures.refused(wrapped(new IOException("closed")))).isFalse();
	}

	private static ResourceAccessException wrapped(IOException cause) {
		return new ResourceAccessException("I/O error", cause);
	}

}

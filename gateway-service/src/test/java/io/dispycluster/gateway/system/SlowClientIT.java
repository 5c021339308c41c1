package io.dispycluster.gateway.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.dispycluster.gateway.support.GatewayTestSupport;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client that stops sending its body gets a 408 problem when the web server gives up
 * waiting, and the service it was for is not blamed.
 */
@TestPropertySource(properties = "server.tomcat.connection-timeout=1s")
class SlowClientIT extends GatewayTestSupport {

	@Autowired
	private CircuitBreakerRegistry breakers;

	@ParameterizedTest(name = "POST {0}")
	@ValueSource(strings = { "/scrape", "/tasks", "/scheduler/tasks" })
	void answersABodyThatStopsComingWithA408Problem(String path) throws IOException {
		String answer = sendHalfABody(path);

		assertThat(answer).startsWith("HTTP/1.1 408");
		assertThat(answer).containsIgnoringCase("Content-Type: application/problem+json");
		assertThat(answer).contains("\"type\":\"urn:dispycluster:problem:request-timeout\"");
		assertThat(answer).contains("\"instance\":\"" + path + "\"");
		assertThat(this.breakers.circuitBreaker("scheduler").getMetrics().getNumberOfFailedCalls()).isZero();
	}

	private String sendHalfABody(String path) throws IOException {
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), this.port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
					+ "Content-Length: 50\r\n\r\n{\"name\":")
				.getBytes(StandardCharsets.UTF_8));
			out.flush();
			InputStream in = socket.getInputStream();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}

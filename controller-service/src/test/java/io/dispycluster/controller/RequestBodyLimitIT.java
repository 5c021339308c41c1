package io.dispycluster.controller;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The controller, called directly rather than through the gateway, refuses request bodies
 * past its limits with a 413 problem, whether their length is declared or not (chunked),
 * and gives a worker's report its own, larger limit. The limits are small here so that
 * the bodies are; the defaults are checked by {@link BodyLimitDefaultsTests}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "dispycluster.controller.max-body-size=64KB", "dispycluster.controller.max-report-size=512KB",
				"spring.main.banner-mode=off" })
@DirtiesContext
class RequestBodyLimitIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	private int port;

	@DynamicPropertySource
	static void dataDir(DynamicPropertyRegistry registry) throws IOException {
		Path dir = Files.createTempDirectory("controller-body-limit-it");
		dir.toFile().deleteOnExit();
		registry.add("dispycluster.data-dir", dir::toString);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/scrape", "/scrape/batch", "/jobs/job_x/cancel", "/jobs/job_x/retry",
			"/internal/workers/register", "/internal/jobs/job_x/progress", "/workers/local/ping" })
	void aDeclaredLengthOverTheLimitIsRefusedBeforeTheBodyIsSent(String path) throws IOException {
		// 30 MB announced, nothing sent: the answer must not wait for the body
		Answer answer = send(path, "Content-Length: " + 30 * 1024 * 1024, new byte[0]);

		assertTooLarge(answer, 64);
	}

	@ParameterizedTest
	@ValueSource(
			strings = { "/scrape", "/scrape/batch", "/internal/workers/register", "/internal/jobs/job_x/progress" })
	void aChunkedBodyOverTheLimitIsRefused(String path) throws IOException {
		Answer answer = send(path, "Transfer-Encoding: chunked", chunked(json(65 * 1024)));

		assertTooLarge(answer, 64);
	}

	@Test
	void aChunkedBodyWithinTheLimitIsReadAsBefore() throws IOException {
		Answer answer = send("/scrape", "Transfer-Encoding: chunked",
				chunked("{\"start_url\":\"http://site.test/\",\"priority\":99}".getBytes(StandardCharsets.UTF_8)));

		assertThat(answer.status()).isEqualTo(422);
		assertThat(answer.json().get("errors").get(0).get("field").stringValue()).isEqualTo("priority");
	}

	@Test
	void aWorkersReportHasItsOwnLargerLimit() throws IOException {
		byte[] report = ("{\"attempt\":1,\"node\":\"local\",\"outcome\":\"failed\",\"error\":\""
				+ "x".repeat(300 * 1024) + "\"}")
			.getBytes(StandardCharsets.UTF_8);

		Answer declared = send("/internal/jobs/job_unknown/report", "Content-Length: " + report.length, report);
		Answer chunked = send("/internal/jobs/job_unknown/report", "Transfer-Encoding: chunked", chunked(report));

		// read whole, and refused only because no such job exists
		assertThat(declared.status()).isEqualTo(404);
		assertThat(chunked.status()).isEqualTo(404);
		assertTooLarge(
				send("/internal/jobs/job_unknown/report", "Transfer-Encoding: chunked", chunked(json(513 * 1024))),
				512);
		assertTooLarge(send("/internal/jobs/job_unknown/report", "Content-Length: " + 513 * 1024, new byte[0]), 512);
	}

	private static void assertTooLarge(Answer answer, int limitKb) {
		assertThat(answer.status()).isEqualTo(413);
		assertThat(answer.head()).containsIgnoringCase("Content-Type: application/problem+json")
			.containsIgnoringCase("Connection: close");
		JsonNode problem = answer.json();
		assertThat(problem.get("type").stringValue()).isEqualTo("urn:dispycluster:problem:payload-too-large");
		assertThat(problem.get("status").intValue()).isEqualTo(413);
		assertThat(problem.get("detail").stringValue()).isEqualTo("Le corps de la requête dépasse " + limitKb + " Ko");
	}

	/** A JSON object of about {@code size} bytes. */
	private static byte[] json(int size) {
		return ("{\"start_url\":\"http://site.test/\",\"node\":\"n\",\"pad\":\"" + "p".repeat(size) + "\"}")
			.getBytes(StandardCharsets.UTF_8);
	}

	/** The body in chunks of 8 KB. */
	private static byte[] chunked(byte[] body) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (int i = 0; i < body.length; i += 8192) {
			int length = Math.min(8192, body.length - i);
			out.writeBytes((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
			out.write(body, i, length);
			out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
		}
		out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
		return out.toByteArray();
	}

	/**
	 * Sends a POST by hand (an HTTP client would not send a length it does not hold, nor
	 * read an answer before its body is sent) and reads the answer.
	 */
	private Answer send(String path, String lengthHeader, byte[] body) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(20_000);
			OutputStream out = socket.getOutputStream();
			out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
					+ lengthHeader + "\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			try {
				out.write(body);
				out.flush();
			}
			catch (SocketException ex) {
				// refused and closed before all of it was sent: the answer is there
			}
			return Answer.read(socket.getInputStream());
		}
	}

	/** An answer: its head and its body. */
	private record Answer(int status, String head, String body) {

		/**
		 * Reads one answer, as long as its head says (the server may wait for the rest of
		 * a refused body before it closes the connection).
		 */
		static Answer read(InputStream in) throws IOException {
			String head = line(in);
			for (String line = line(in); !line.isEmpty(); line = line(in)) {
				head += "\r\n" + line;
			}
			ByteArrayOutputStream body = new ByteArrayOutputStream();
			String lower = head.toLowerCase(Locale.ROOT);
			if (lower.contains("transfer-encoding: chunked")) {
				for (int size = Integer.parseInt(line(in).trim(), 16); size > 0; size = Integer
					.parseInt(line(in).trim(), 16)) {
					body.write(in.readNBytes(size));
					line(in);
				}
			}
			else if (!lower.contains("content-length: ")) {
				// no length: the body ends with the connection
				body.write(in.readAllBytes());
			}
			else {
				int at = lower.indexOf("content-length: ");
				int length = Integer.parseInt(lower.substring(at + 16).split("\r\n")[0].trim());
				body.write(in.readNBytes(length));
			}
			return new Answer(Integer.parseInt(head.split(" ")[1]), head, body.toString(StandardCharsets.UTF_8));
		}

		private static String line(InputStream in) throws IOException {
			ByteArrayOutputStream line = new ByteArrayOutputStream();
			for (int b = in.read(); b != '\n'; b = in.read()) {
				if (b == -1) {
					throw new IOException("Connection closed in the middle of an answer");
				}
				if (b != '\r') {
					line.write(b);
				}
			}
			return line.toString(StandardCharsets.US_ASCII);
		}

		JsonNode json() {
			return JSON.readTree(this.body);
		}

	}

}

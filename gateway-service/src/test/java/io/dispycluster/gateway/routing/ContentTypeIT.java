package io.dispycluster.gateway.routing;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.dispycluster.gateway.support.GatewayTestSupport;
import io.dispycluster.gateway.support.StubService.Reply;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A routed answer reaches the client with the service's {@code Content-Type} exactly as
 * sent, and its body bytes unchanged, whatever charset it names or does not name.
 */
class ContentTypeIT extends GatewayTestSupport {

	private static final String TEXT = "{\"ville\":\"Orléans\",\"prix\":\"12 €\"}";

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			application/json                                | UTF-8
			text/plain                                      | UTF-8
			application/problem+json                        | UTF-8
			application/json;charset=UTF-8                  | UTF-8
			text/plain; charset=iso-8859-15                 | ISO-8859-15
			text/html; charset="UTF-8"                      | UTF-8
			text/csv; header=present; charset=windows-1252  | windows-1252
			TEXT/PLAIN;Charset=ISO-8859-1                   | ISO-8859-1
			application/json; profile="urn:x"               | UTF-8
			""")
	void passesTheContentTypeAndTheBodyAsSent(String contentType, String charset) throws IOException {
		CONTROLLER.on("GET", "/jobs/typed", (request) -> new Reply(200, contentType, TEXT, Map.of()));
		byte[] sent = TEXT.getBytes(Charset.forName(charset));

		HttpResponse<byte[]> response = getBytes("/jobs/typed");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().allValues("Content-Type")).containsExactly(contentType);
		assertThat(response.body()).isEqualTo(sent);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "text/plain; charset=bogus", "text/plain;charset=", "nonsense" })
	void passesAContentTypeTheGatewayCannotReadAsIsInsteadOfFailing(String contentType) throws IOException {
		CONTROLLER.on("GET", "/jobs/typed", (request) -> new Reply(200, contentType, "plain", Map.of()));

		HttpResponse<byte[]> response = getBytes("/jobs/typed");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().allValues("Content-Type")).containsExactly(contentType);
		assertThat(response.body()).isEqualTo("plain".getBytes(StandardCharsets.UTF_8));
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "text/plain; charset=iso-8859-1", "application/problem+json; charset=utf-8" })
	void passesTheContentTypeOfAnErrorAnswerAsSentThroughAPrefixedRoute(String contentType) throws IOException {
		CONTROLLER.on("GET", "/jobs/x", (request) -> new Reply(404, contentType, "{\"status\":404}", Map.of()));

		HttpResponse<byte[]> response = getBytes("/cluster/jobs/x");

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.headers().allValues("Content-Type")).containsExactly(contentType);
	}

	private HttpResponse<byte[]> getBytes(String path) throws IOException {
		try {
			return CLIENT.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}

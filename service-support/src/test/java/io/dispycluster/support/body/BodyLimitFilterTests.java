package io.dispycluster.support.body;

import java.io.InputStream;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A declared length past the limit is refused at once; a body without one fails as it is
 * read past the limit, and not before.
 */
class BodyLimitFilterTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final BodyLimitFilter filter = new BodyLimitFilter(
			(request) -> request.getRequestURI().endsWith("/report") ? DataSize.ofBytes(100) : DataSize.ofBytes(10),
			JSON);

	@Test
	void refusesADeclaredLengthPastTheLimitWithoutCallingTheService() throws Exception {
		MockHttpServletRequest request = post("/scrape", new byte[11]);
		MockHttpServletResponse response = new MockHttpServletResponse();
		AtomicReference<Object> reached = new AtomicReference<>();

		this.filter.doFilter(request, response, (req, res) -> reached.set(req));

		assertThat(reached.get()).isNull();
		assertThat(response.getStatus()).isEqualTo(413);
		assertThat(response.getContentType()).isEqualTo("application/problem+json");
		assertThat(response.getHeader("Connection")).isEqualTo("close");
		JsonNode problem = JSON.readTree(response.getContentAsByteArray());
		assertThat(problem.get("type").stringValue()).isEqualTo("urn:dispycluster:problem:payload-too-large");
		assertThat(problem.get("instance").stringValue()).isEqualTo("/scrape");
	}

	@Test
	void passesABodyWithinTheLimit() throws Exception {
		AtomicReference<byte[]> read = new AtomicReference<>();

		this.filter.doFilter(post("/scrape", new byte[10]), new MockHttpServletResponse(),
				(req, res) -> read.set(req.getInputStream().readAllBytes()));

		assertThat(read.get()).hasSize(10);
	}

	@Test
	void failsABodyWithoutALengthAtTheFirstBytePastTheLimit() throws Exception {
		MockHttpServletRequest request = post("/scrape", new byte[11]);
		request.removeHeader("Content-Length");
		AtomicReference<HttpServletRequest> reached = new AtomicReference<>();

		this.filter.doFilter(withoutLength(request), new MockHttpServletResponse(),
				(req, res) -> reached.set((HttpServletRequest) req));

		InputStream body = reached.get().getInputStream();
		assertThat(body.readNBytes(10)).hasSize(10);
		assertThatThrownBy(body::read).isInstanceOf(BodyTooLargeException.class)
			.extracting((ex) -> ((BodyTooLargeException) ex).limit())
			.isEqualTo(DataSize.ofBytes(10));
	}

	@Test
	void takesTheLimitOfEachRequest() throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		AtomicReference<byte[]> read = new AtomicReference<>();

		this.filter.doFilter(withoutLength(post("/internal/jobs/j/report", new byte[100])), response,
				(req, res) -> read.set(req.getInputStream().readAllBytes()));

		assertThat(read.get()).hasSize(100);
	}

	private static MockHttpServletRequest post(String path, byte[] body) {
		MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
		request.setContent(body);
		return request;
	}

	/** The request as a chunked one comes: no length. */
	private static MockHttpServletRequest withoutLength(MockHttpServletRequest request) {
		return new MockHttpServletRequest(request.getServletContext(), "POST", request.getRequestURI()) {

			{
				setContent(request.getContentAsByteArray());
			}

			@Override
			public long getContentLengthLong() {
				return -1;
			}

			@Override
			public int getContentLength() {
				return -1;
			}

		};
	}

}

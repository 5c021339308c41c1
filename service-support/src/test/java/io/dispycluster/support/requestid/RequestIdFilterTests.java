package io.dispycluster.support.requestid;

import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class RequestIdFilterTests {

	private final RequestIdFilter filter = new RequestIdFilter();

	@Test
	void keepsTheReceivedIdInTheLogContextAndTheResponse() throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/jobs");
		request.addHeader("X-Request-Id", "gw-1234.abc");
		AtomicReference<String> logged = new AtomicReference<>();
		MockHttpServletResponse response = new MockHttpServletResponse();

		this.filter.doFilter(request, response, new MockFilterChain(new jakarta.servlet.http.HttpServlet() {
		}, (req, res, chain) -> logged.set(MDC.get("request_id"))));

		assertThat(logged).hasValue("gw-1234.abc");
		assertThat(response.getHeader("X-Request-Id")).isEqualTo("gw-1234.abc");
		assertThat(MDC.get("request_id")).as("cleared after the request").isNull();
	}

	@Test
	void makesANewIdWhenNoneOrAForgedOneIsReceived() {
		assertThat(RequestIdFilter.requestId(null)).hasSize(36)
			.satisfies((id) -> assertThat(java.util.UUID.fromString(id).version()).isEqualTo(4));
		assertThat(RequestIdFilter.requestId(null)).isNotEqualTo(RequestIdFilter.requestId(null));
		assertThat(RequestIdFilter.requestId("x\nFAKE LOG LINE")).hasSize(36).doesNotContain("FAKE");
		assertThat(RequestIdFilter.requestId("a".repeat(129))).hasSize(36);
		assertThat(RequestIdFilter.requestId("b".repeat(128))).isEqualTo("b".repeat(128));
	}

}

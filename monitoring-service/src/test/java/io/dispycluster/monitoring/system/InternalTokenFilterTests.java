package io.dispycluster.monitoring.system;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class InternalTokenFilterTests {

	private static final String TOKEN = "monitoring-internal-token";

	private final InternalTokenFilter filter = new InternalTokenFilter(TOKEN, JsonMapper.builder().build());

	@Test
	void refusesACallWithoutTheTokenWithAProblem() throws Exception {
		MockHttpServletResponse response = call("/nodes", null);
		assertThat(response.getStatus()).isEqualTo(401);
		assertThat(response.getContentType()).isEqualTo("application/problem+json");
		assertThat(response.getContentAsString()).contains("urn:dispycluster:problem:unauthorized")
			.doesNotContain(TOKEN);
		assertThat(call("/nodes", "monitoring-internal-tokeX").getStatus()).isEqualTo(401);
	}

	@Test
	void letsTheTokenAndTheOpenPathsThrough() throws Exception {
		assertThat(call("/nodes", TOKEN).getStatus()).isEqualTo(200);
		for (String open : new String[] { "/", "/health", "/actuator/prometheus" }) {
			assertThat(call(open, null).getStatus()).isEqualTo(200);
		}
	}

	@Test
	void letsEverythingThroughWithoutAConfiguredToken() throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		new InternalTokenFilter(null, JsonMapper.builder().build())
			.doFilter(new MockHttpServletRequest("GET", "/nodes"), response, new MockFilterChain());
		assertThat(response.getStatus()).isEqualTo(200);
	}

	@Test
	void namesThePropertyWhenTheTokenIsMissingOrShort() {
		assertThatIllegalArgumentException().isThrownBy(() -> new InternalTokenProperties(null, true))
			.withMessageContaining("dispycluster.security.internal-token");
		assertThatIllegalArgumentException().isThrownBy(() -> new InternalTokenProperties("short", false))
			.withMessageContaining("at least 16");
	}

	private MockHttpServletResponse call(String path, String token) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
		if (token != null) {
			request.addHeader("X-Internal-Token", token);
		}
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.filter.doFilter(request, response, new MockFilterChain());
		return response;
	}

}

package io.dispycluster.support.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class InternalTokenFilterTests {

	private static final String TOKEN = "a-very-secret-internal-token";

	private final InternalTokenFilter filter = new InternalTokenFilter(TOKEN, JsonMapper.builder().build());

	@Test
	void refusesACallWithoutTheToken() throws Exception {
		MockHttpServletResponse response = run("/jobs", null);
		assertThat(response.getStatus()).isEqualTo(401);
		assertThat(response.getContentType()).isEqualTo("application/problem+json");
		assertThat(response.getContentAsString()).contains("urn:dispycluster:problem:unauthorized")
			.doesNotContain(TOKEN);
	}

	@Test
	void refusesAWrongToken() throws Exception {
		assertThat(run("/internal/workers/register", TOKEN + "x").getStatus()).isEqualTo(401);
	}

	@Test
	void letsTheRightTokenThrough() throws Exception {
		assertThat(run("/scrape", TOKEN).getStatus()).isEqualTo(200);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/", "/health", "/actuator/health", "/actuator/prometheus" })
	void leavesHealthAndMetricsOpen(String path) throws Exception {
		assertThat(run(path, null).getStatus()).isEqualTo(200);
	}

	@Test
	void letsEverythingThroughWithoutAConfiguredToken() throws Exception {
		InternalTokenFilter open = new InternalTokenFilter(null, JsonMapper.builder().build());
		MockHttpServletResponse response = new MockHttpServletResponse();
		open.doFilter(new MockHttpServletRequest("POST", "/scrape"), response, new MockFilterChain());
		assertThat(response.getStatus()).isEqualTo(200);
	}

	@Test
	void productionRefusesToStartWithoutATokenNamingTheProperty() {
		assertThatIllegalArgumentException().isThrownBy(() -> new InternalTokenProperties(null, true))
			.withMessageContaining("dispycluster.security.internal-token");
		assertThatIllegalArgumentException().isThrownBy(() -> new InternalTokenProperties("short", false))
			.withMessageContaining("at least 16");
		assertThat(new InternalTokenProperties(" ", false).internalToken()).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { TOKEN + "\n", TOKEN + "\r\n", "a-very-secret\tinternal-token",
			"a very secret internal token", "a-very-secret-internal-tokén" })
	void refusesToStartWithATokenNoHeaderCanCarryAsIs(String token) {
		assertThatIllegalArgumentException().isThrownBy(() -> new InternalTokenProperties(token, false))
			.withMessageContaining("dispycluster.security.internal-token must be printable ASCII");
	}

	@Test
	void neverPrintsTheTokenWhenLogged() {
		assertThat(new InternalTokenProperties(TOKEN, true))
			.hasToString("InternalTokenProperties[internalToken=(set), internalTokenRequired=true]");
	}

	private MockHttpServletResponse run(String path, String token) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
		if (token != null) {
			request.addHeader(InternalTokenProperties.HEADER, token);
		}
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.filter.doFilter(request, response, new MockFilterChain());
		return response;
	}

}

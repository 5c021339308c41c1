package io.dispycluster.gateway.security;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import io.dispycluster.gateway.support.ProductionTestSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With API keys, an {@code Idempotency-Key} belongs to the client that sent it: the
 * controller gets one key per client and key, on the gateway's {@code /scrape} as on a
 * routed submission.
 */
class IdempotencyKeyScopeIT extends ProductionTestSupport {

	private static final String BODY = "{\"start_url\":\"http://x/\"}";

	@Test
	void givesTwoClientsWithTheSameKeyTwoKeys() {
		// OPS_KEY once only: the other test classes of this context spend its 60 requests
		// per minute; the other calls here use REPORTS_KEY
		String ops = forwardedKey("/scrape", OPS_KEY, "nightly");
		String reports = forwardedKey("/scrape", REPORTS_KEY, "nightly");

		assertThat(ops).isNotEqualTo(reports).doesNotContain("nightly").doesNotContain("ops");
		assertThat(reports).hasSizeLessThanOrEqualTo(255);
	}

	@Test
	void givesOneClientTheSameKeyForTheSameKeyWhicheverRouteItTakes() {
		String first = forwardedKey("/scrape", REPORTS_KEY, "retry-me");
		String again = forwardedKey("/scrape", REPORTS_KEY, "retry-me");
		String routed = forwardedKey("/cluster/scrape", REPORTS_KEY, "retry-me");
		String other = forwardedKey("/scrape", REPORTS_KEY, "retry-me-too");

		assertThat(again).isEqualTo(first);
		assertThat(routed).isEqualTo(first);
		assertThat(other).isNotEqualTo(first);
	}

	@Test
	void leavesAKeyTheControllerRefusesAsSentForItsRefusal() {
		String tooLong = "k".repeat(256);

		assertThat(forwardedKey("/scrape", REPORTS_KEY, tooLong)).isEqualTo(tooLong);
	}

	@Test
	void sendsNoKeyWhenTheClientSentNone() {
		HttpResponse<String> response = post("/scrape", BODY, "Content-Type", "application/json", "X-API-Key",
				REPORTS_KEY);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(CONTROLLER.last("/scrape").header(IdempotencyKeyScope.HEADER)).isNull();
	}

	private String forwardedKey(String path, String apiKey, String idempotencyKey) {
		HttpResponse<String> response = post(path, BODY, "Content-Type", "application/json", "X-API-Key", apiKey,
				IdempotencyKeyScope.HEADER, idempotencyKey);
		assertThat(response.statusCode()).isEqualTo(200);
		return CONTROLLER.last("/scrape").header(IdempotencyKeyScope.HEADER);
	}

}

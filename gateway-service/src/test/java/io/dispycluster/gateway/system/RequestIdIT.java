package io.dispycluster.gateway.system;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.dispycluster.gateway.support.GatewayTestSupport;
import io.dispycluster.gateway.support.StubService;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every request has an id, forwarded to the services and present in the gateway's logs.
 */
@ExtendWith(OutputCaptureExtension.class)
class RequestIdIT extends GatewayTestSupport {

	@Test
	void createsAnIdAndForwardsItOnRoutes() {
		HttpResponse<String> response = get("/jobs");

		String id = response.headers().firstValue("X-Request-Id").orElseThrow();
		assertThat(id).matches("[0-9a-f-]{36}");
		assertThat(CONTROLLER.last("/jobs").header("X-Request-Id")).isEqualTo(id);
	}

	@Test
	void answersWithExactlyOneIdEvenWhenTheServiceSendsItsOwn() {
		CONTROLLER.on("GET", "/workers",
				(request) -> StubService.Reply.json(200, "[]").withHeader("X-Request-Id", "service-own"));

		HttpResponse<String> response = get("/workers", "X-Request-Id", "client-1");

		assertThat(response.headers().allValues("X-Request-Id")).containsExactly("client-1");
	}

	@Test
	void keepsTheClientsIdOnEveryCallOfAnAggregateView() {
		HttpResponse<String> response = get("/health", "X-Request-Id", "trace-42");

		assertThat(response.headers().firstValue("X-Request-Id")).hasValue("trace-42");
		assertThat(CONTROLLER.last("/health").header("X-Request-Id")).isEqualTo("trace-42");
		assertThat(CONTROLLER.last("/workers").header("X-Request-Id")).isEqualTo("trace-42");
		assertThat(MONITORING.last("/health").header("X-Request-Id")).isEqualTo("trace-42");
		assertThat(SCHEDULER.last("/health").header("X-Request-Id")).isEqualTo("trace-42");
	}

	@Test
	void forwardsTheIdWithScrapeRequests() {
		post("/scrape", "{\"start_url\":\"http://x/\"}", "Content-Type", "application/json", "X-Request-Id", "s-1");

		assertThat(CONTROLLER.last("/scrape").header("X-Request-Id")).isEqualTo("s-1");
	}

	@Test
	void replacesAnIdThatCouldForgeLogLines() {
		HttpResponse<String> response = get("/jobs", "X-Request-Id", "a b\tc%0A");

		String id = response.headers().firstValue("X-Request-Id").orElseThrow();
		assertThat(id).matches("[0-9a-f-]{36}");
		assertThat(CONTROLLER.last("/jobs").header("X-Request-Id")).isEqualTo(id);
	}

	@Test
	void putsTheIdInTheLogs(CapturedOutput output) {
		MONITORING.stop();

		get("/alerts", "X-Request-Id", "log-me-7");

		assertThat(output.getOut()).containsPattern("\\[log-me-7\\].*Service monitoring failed");
	}

}

package io.dispycluster.worker.report;

import java.time.Duration;

import io.dispycluster.worker.testsupport.StubController;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A worker configured with the cluster's internal token sends it to a controller that
 * requires it, as in production, and never logs it.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "dispycluster.worker.node-name=token-node",
				"dispycluster.security.internal-token=" + ControllerTokenIT.TOKEN,
				"dispycluster.worker.registration-interval=1s", "dispycluster.worker.report.initial-backoff=50ms" })
@ExtendWith(OutputCaptureExtension.class)
class ControllerTokenIT {

	static final String TOKEN = "internal-token-for-tests-0123456789";

	private static final StubController CONTROLLER = StubController.start();

	static {
		CONTROLLER.requireToken(TOKEN);
	}

	@DynamicPropertySource
	static void controllerUrl(DynamicPropertyRegistry registry) {
		registry.add("dispycluster.services.controller", CONTROLLER::baseUrl);
	}

	@AfterAll
	static void stop() {
		CONTROLLER.close();
	}

	@Test
	void registersWithTheTokenAndAgainEveryInterval(CapturedOutput output) {
		await().atMost(Duration.ofSeconds(10)).until(() -> CONTROLLER.calls("/internal/workers/register").size() >= 2);

		assertThat(CONTROLLER.calls("/internal/workers/register"))
			.allSatisfy((call) -> assertThat(call.token()).isEqualTo(TOKEN));
		assertThat(output.getAll()).contains("Node token-node registered with the controller").doesNotContain(TOKEN);
	}

}

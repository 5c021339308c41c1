package io.dispycluster.worker.report;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import io.dispycluster.model.worker.WorkerRegistration;
import io.dispycluster.worker.testsupport.StubController;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The worker registers until the controller accepts, then again every interval, and logs
 * an outage once.
 */
@ExtendWith(OutputCaptureExtension.class)
class RegistrationLoopTests {

	private static final String REGISTER = "/internal/workers/register";

	private final StubController controller = StubController.start();

	private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

	private final ReportProperties properties = new ReportProperties(Duration.ofSeconds(5), Duration.ofMillis(20),
			Duration.ofMillis(80), Duration.ofSeconds(2));

	@AfterEach
	void stop() {
		this.scheduler.shutdownNow();
		this.controller.close();
	}

	@Test
	void retriesUntilTheControllerAnswersThenRegistersAgainEveryInterval() {
		this.controller.answerNext(REGISTER, 503, 503);

		loop("n1", Duration.ofMillis(150)).start();

		await().atMost(Duration.ofSeconds(3)).until(() -> this.controller.bodies(REGISTER).size() >= 6);
		assertThat(this.controller.bodies(REGISTER)).allSatisfy((body) -> assertThat(body).contains("\"node\":\"n1\""));
	}

	@Test
	void registersWithAControllerThatStartsLater(CapturedOutput output) {
		this.controller.answerNext(REGISTER, 503, 503, 503, 503, 503, 503);

		loop("n2", Duration.ofMillis(100)).start();

		await().atMost(Duration.ofSeconds(3)).until(() -> this.controller.bodies(REGISTER).size() >= 8);
		assertThat(output.getOut()).containsOnlyOnce("node n2: controller unavailable, retrying")
			.containsOnlyOnce("Node n2 registered with the controller;");
	}

	@Test
	void logsEachOutageOnceAndItsEnd(CapturedOutput output) {
		this.controller.answerNext(REGISTER, 200, 503, 503, 503, 503);

		loop("n3", Duration.ofMillis(50)).start();

		await().atMost(Duration.ofSeconds(3))
			.until(() -> output.getOut().contains("Node n3 registered with the controller again"));
		assertThat(output.getOut()).containsOnlyOnce("node n3: controller unavailable, retrying");
	}

	@Test
	void logsARefusalOnceAndKeepsTrying(CapturedOutput output) {
		this.controller.requireToken("internal-token-for-tests-0123456789");

		loop("n4", Duration.ofMillis(50)).start();

		await().atMost(Duration.ofSeconds(3)).until(() -> this.controller.bodies(REGISTER).size() >= 5);
		assertThat(output.getOut()).containsOnlyOnce("node n4: refused by the controller (REFUSED");
	}

	@Test
	void saysWhenAnotherWorkerHasTheNodeName(CapturedOutput output) {
		this.controller.answerAlways(REGISTER, 409);

		loop("n5", Duration.ofMillis(50)).start();

		await().atMost(Duration.ofSeconds(3)).until(() -> this.controller.bodies(REGISTER).size() >= 3);
		assertThat(output.getOut())
			.containsOnlyOnce("node n5: refused by the controller, another running worker uses " + "this node name")
			.doesNotContain("internal-token the cluster's");
	}

	private RegistrationLoop loop(String node, Duration interval) {
		ControllerReports reports = new ControllerReports(ControllerReportsTests.client(this.controller.baseUrl()),
				this.scheduler, this.properties, ControllerReportsTests.JSON);
		return new RegistrationLoop(new WorkerRegistration(node, "http://" + node + ":8080", 2), reports,
				this.scheduler, this.properties, interval);
	}

}

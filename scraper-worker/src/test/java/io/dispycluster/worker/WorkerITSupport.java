package io.dispycluster.worker;

import io.dispycluster.worker.testsupport.FixtureSite;
import io.dispycluster.worker.testsupport.StubController;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The whole worker on a random port, talking to a stub controller, crawling a fixture
 * site, both on loopback. The full-context tests extend it so that they share one Spring
 * context (and one stub controller and site, so each test uses its own job ids and
 * paths).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "dispycluster.worker.node-name=it-node", "dispycluster.worker.capacity=2",
				"dispycluster.worker.crawl.politeness-delay=0s", "dispycluster.worker.report.initial-backoff=50ms",
				"dispycluster.worker.report.max-backoff=200ms", "dispycluster.worker.report.progress-interval=200ms",
				"dispycluster.worker.labels.zone=attic", "dispycluster.worker.labels.model=pi4",
				"dispycluster.worker.max-request-body-size=64KB" })
@AutoConfigureRestTestClient
public abstract class WorkerITSupport {

	protected static final StubController CONTROLLER = StubController.start();

	protected static final FixtureSite SITE = FixtureSite.start();

	static {
		// The first registration fails: the worker must retry in the background.
		CONTROLLER.answerNext("/internal/workers/register", 503);
	}

	@Autowired
	protected RestTestClient client;

	@DynamicPropertySource
	static void controllerUrl(DynamicPropertyRegistry registry) {
		registry.add("dispycluster.services.controller", CONTROLLER::baseUrl);
	}

}

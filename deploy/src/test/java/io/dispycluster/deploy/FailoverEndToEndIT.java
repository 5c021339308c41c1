package io.dispycluster.deploy;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The failover scenarios with the controller on its default H2 file, plus what a real
 * worker shows of cancellation and priorities: a cancelled job's crawl stops on the
 * worker, and a priority-9 job overtakes ten earlier priority-1 jobs on a busy worker.
 */
class FailoverEndToEndIT extends FailoverScenarios {

	@Test
	@Order(1)
	void cancellingARunningJobStopsItsCrawlOnTheWorker() throws IOException {
		runOnly(1, "single");
		String id = submitBatch("cancelled", 1, 1000, 1).keySet().iterator().next();
		await("crawl under way").atMost(BATCH_TIMEOUT)
			.until(() -> assignments("single").contains(id) && this.site.slowHits("cancelled-0") >= 2);

		HttpResponse<String> cancel = this.cluster.postJson(controllerUrl("/jobs/" + id + "/cancel"), "");
		assertThat(cancel.statusCode()).as(cancel.body()).isEqualTo(200);
		assertThat(json(controller("/jobs/" + id)).get("status").asString()).isEqualTo("cancelled");

		await("worker told").atMost(Duration.ofSeconds(10)).until(() -> !assignments("single").contains(id));
		int fetched = this.site.slowHits("cancelled-0");
		// A page already requested may still be served; then nothing, where a running
		// crawl would fetch about five pages a second.
		await("crawl stopped").pollDelay(Duration.ZERO)
			.during(Duration.ofSeconds(1))
			.atMost(Duration.ofSeconds(3))
			.untilAsserted(() -> assertThat(this.site.slowHits("cancelled-0")).isLessThanOrEqualTo(fetched + 1));
		assertThat(json(controller("/jobs/" + id)).get("status").asString()).isEqualTo("cancelled");
	}

	@Test
	@Order(2)
	void aPriorityNineJobSubmittedAfterTenPriorityOneJobsRunsNextOnABusyWorker() throws IOException {
		runOnly(1, "single");
		String blocker = submitBatch("blocker", 1, 30, 1).keySet().iterator().next();
		await("blocker running").atMost(BATCH_TIMEOUT).until(() -> assignments("single").contains(blocker));

		Map<String, String> low = submitBatch("low", 10, 1, 1);
		Map<String, String> urgent = submitBatch("urgent", 1, 1, 9);
		assertThat(assignments("single")).as("the worker is still busy with the first job").containsExactly(blocker);

		List<String> all = new ArrayList<>(low.keySet());
		all.addAll(urgent.keySet());
		awaitCompleted(all);
		List<String> order = this.site.slowKeysByFirstHit()
			.stream()
			.filter((key) -> key.startsWith("blocker-") || key.startsWith("low-") || key.startsWith("urgent-"))
			.toList();
		assertThat(order).hasSize(12).startsWith("blocker-0", "urgent-0");
		assertThat(json(controller("/jobs/" + urgent.keySet().iterator().next())).get("assigned_worker").asString())
			.isEqualTo("single");
	}

}

package io.dispycluster.deploy;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.dispycluster.deploy.LocalCluster.Service;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the cluster tests share: the fixture site and a cluster started once per test
 * class (in a folder kept when a test fails, for its logs), on H2 or, in the PostgreSQL
 * variants, on a fresh PostgreSQL database, plus the JSON helpers they all use.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ClusterScenarios {

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final List<String> FINAL_STATES = List.of("completed", "failed", "cancelled");

	FixtureSite site;

	LocalCluster cluster;

	/** Why the tests of this class are skipped, or null. */
	private String skipped;

	@BeforeAll
	void startSiteAndCluster(@TempDir(cleanup = CleanupMode.ON_SUCCESS) Path workDir) throws IOException {
		this.skipped = onPostgres() ? PostgresDatabase.unavailable() : null;
		if (this.skipped != null) {
			return;
		}
		this.site = FixtureSite.start();
		this.cluster = configure(LocalCluster.builder(workDir)).postgres(onPostgres()).start();
	}

	/**
	 * Each test is reported as skipped, with the reason, rather than the class vanishing.
	 */
	@BeforeEach
	void skipWithoutTheDatabase() {
		Assumptions.assumeTrue(this.skipped == null, this.skipped);
	}

	@AfterAll
	void stopEverything() {
		if (this.cluster != null) {
			this.cluster.close();
		}
		if (this.site != null) {
			this.site.close();
		}
	}

	/** The cluster's services, workers and command-line properties. */
	abstract LocalCluster.Builder configure(LocalCluster.Builder cluster);

	/** Whether the cluster keeps its data in PostgreSQL; H2 unless a subclass says so. */
	boolean onPostgres() {
		return false;
	}

	/** The body of a GET through the gateway, which must answer 200. */
	String gateway(String path) {
		return get(Service.GATEWAY, path);
	}

	/** The body of a GET to a service, which must answer 200. */
	String get(Service service, String path) {
		HttpResponse<String> response = this.cluster.get(this.cluster.url(service, path));
		assertThat(response.statusCode()).as("%s: %s", path, response.body()).isEqualTo(200);
		return response.body();
	}

	/**
	 * Waits until the job reaches a final state, asking {@code service}, and returns it.
	 */
	JsonNode awaitFinished(Service service, String jobId, Duration atMost) {
		return await(jobId).atMost(atMost)
			.pollInterval(Duration.ofMillis(300))
			.until(() -> json(this.cluster.get(this.cluster.url(service, "/jobs/" + jobId)).body()),
					(job) -> job.has("status") && FINAL_STATES.contains(job.get("status").asString()));
	}

	static List<String> strings(JsonNode array) {
		List<String> values = new ArrayList<>();
		array.forEach((value) -> values.add(value.asString()));
		return values;
	}

	static JsonNode json(String body) {
		return JSON.readTree(body);
	}

}

package io.dispycluster.monitoring;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import io.dispycluster.monitoring.jobs.QueueFigures;
import io.dispycluster.monitoring.jobs.QueueSamples;
import io.dispycluster.monitoring.node.NodeSample;
import io.dispycluster.monitoring.node.NodeSamples;
import io.dispycluster.monitoring.node.SampleSource;
import io.dispycluster.monitoring.node.SystemFigures;
import io.dispycluster.monitoring.node.Workload;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /performance?hours=} against a controller serving known jobs (page by page,
 * three per page), with known node samples and queue readings: every figure of the
 * report, and every bottleneck.
 */
class PerformanceReportIT extends MonitoringScenario {

	@Test
	void computesEveryFigureFromTheControllersJobsAndTheSamples() {
		Instant now = CLOCK.instant().plus(Duration.ofHours(3));
		seedSamples(now);
		seedQueue(now);
		jobs(jobsAround(now));
		workers("node-a", "node-b", "node-c", "node-d");
		health("node-a", "{}");
		health("node-b", "{}");
		NODES.respond("/w/node-c/health", 503, "application/json", "{}");
		NODES.respond("/w/node-d/health", 503, "application/json", "{}");
		queue(9, 1);
		CLOCK.set(now.minus(Duration.ofMinutes(1)));
		round();
		CLOCK.set(now);

		JsonNode report = getJson("/performance?hours=2");

		assertThat(report.get("period").asString()).isEqualTo("2 heures");
		assertThat(report.get("total_jobs").intValue()).isEqualTo(8);
		assertThat(report.get("successful_jobs").intValue()).isEqualTo(5);
		assertThat(report.get("failed_jobs").intValue()).isEqualTo(3);
		assertThat(report.get("cancelled_jobs").intValue()).isEqualTo(1);
		// (60 + 120 + 30 + 90 + 30) / 5 seconds
		assertThat(report.get("average_job_duration").doubleValue()).isEqualTo(66.0);
		assertThat(report.get("throughput_per_hour").doubleValue()).isEqualTo(4.0);
		assertThat(report.get("from").asString()).isEqualTo(now.minus(Duration.ofHours(2)).toString());
		assertThat(report.get("to").asString()).isEqualTo(now.toString());
		assertThat(report.get("complete").booleanValue()).isTrue();
		JsonNode top = report.get("top_performing_nodes");
		assertThat(top).hasSize(3);
		assertNode(top.get(0), "node-a", 32, 0.3, 66.67, 2, 1);
		assertNode(top.get(1), "node-b", 20, null, 50.0, 2, 2);
		assertNode(top.get(2), "node-c", 3, 0.25, 100.0, 1, 0);
		List<String> bottlenecks = new ArrayList<>();
		report.get("bottlenecks").forEach((bottleneck) -> bottlenecks.add(bottleneck.asString()));
		assertThat(bottlenecks).containsExactly("Taux d'échec élevé : 37.5% des jobs ont échoué (3 sur 8)",
				"CPU usage élevé sur node-a (moyenne 85.0%)", "Mémoire limitée sur node-b (moyenne 90.0%)",
				"Disque presque plein sur node-b (95.0%)", "Température élevée sur node-c (jusqu'à 82.5°C)",
				"node-c saturé : toutes ses places occupées 80% du temps", "Aucune métrique de node-d sur la période",
				"File d'attente en croissance : 2 → 9 jobs en attente sur la période");
		assertThat(CONTROLLER.requests()).anySatisfy((request) -> {
			assertThat(request.path()).isEqualTo("/jobs");
			assertThat(request.query()).isEqualTo("limit=3&offset=9&include_result=false");
		});
	}

	@Test
	void countsTheJobsThatFinishedInTheWindowHoweverLongBeforeItTheyWereCreated() {
		Instant now = CLOCK.instant().plus(Duration.ofHours(5));
		// A long crawl and a job that waited in the queue, both from five hours ago, then
		// jobs created before the window (minus the 2 h look-back) that finished before
		// it,
		// and recent ones: read three per page, the older ones come after a page of jobs
		// already older than the look-back.
		List<String> recent = List.of(job("r3", "completed", "node-a", now, 28, 27, 20, 1),
				job("r2", "completed", "node-a", now, 29, 28, 20, 1),
				job("r1", "completed", "node-a", now, 30, 29, 20, 1),
				job("o3", "completed", "node-a", now, 198, 197, 196, 1),
				job("o2", "completed", "node-a", now, 199, 198, 197, 1),
				job("o1", "completed", "node-a", now, 200, 199, 198, 1));
		List<String> unfinished = List.of(job("waited", "pending", null, now, 299, null, null, 0),
				job("crawl", "running", "node-b", now, 300, 299, null, 7));
		jobs(jobList(recent, unfinished));
		queue(1, 1);
		CLOCK.set(now.minus(Duration.ofMinutes(70)));
		round();
		CLOCK.set(now.minus(Duration.ofMinutes(30)));
		round();
		jobs(jobList(recent, List.of(job("waited", "completed", "node-a", now, 299, 6, 5, 2),
				job("crawl", "completed", "node-b", now, 300, 299, 10, 40))));
		queue(0, 0);
		CLOCK.set(now);

		JsonNode report = getJson("/performance?hours=1");

		assertThat(report.get("total_jobs").intValue()).isEqualTo(5);
		assertThat(report.get("successful_jobs").intValue()).isEqualTo(5);
		assertThat(report.get("top_performing_nodes").get(0).get("node").asString()).isEqualTo("node-b");
		assertThat(report.get("top_performing_nodes").get(0).get("pages_scraped").intValue()).isEqualTo(40);
		assertThat(report.get("complete").booleanValue()).isTrue();
	}

	private static String jobList(List<String> first, List<String> then) {
		List<String> all = new ArrayList<>(first);
		all.addAll(then);
		return "[" + String.join(",", all) + "]";
	}

	@Test
	void reportsAQuietWindowWithZeros() {
		JsonNode report = getJson("/performance");

		assertThat(report.get("period").asString()).isEqualTo("24 heures");
		assertThat(report.get("total_jobs").intValue()).isZero();
		assertThat(report.get("average_job_duration").doubleValue()).isZero();
		assertThat(report.get("throughput_per_hour").doubleValue()).isZero();
		assertThat(report.get("top_performing_nodes")).isEmpty();
	}

	@Test
	void answersABadGatewayProblemWhenTheControllerDoesNotAnswer() {
		CONTROLLER.respond("/jobs", 503, "application/json", "{}");

		this.http.get()
			.uri("/performance?hours=1")
			.exchange()
			.expectStatus()
			.isEqualTo(502)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("urn:dispycluster:problem:controller-unavailable");
	}

	@Test
	void refusesAWindowOutsideTheRetention() {
		for (String hours : List.of("0", "-1", "169", "une")) {
			this.http.get()
				.uri("/performance?hours=" + hours)
				.exchange()
				.expectStatus()
				.isEqualTo(422)
				.expectBody()
				.jsonPath("$.errors[0].field")
				.isEqualTo("hours");
		}
	}

	private void seedSamples(Instant now) {
		NodeSamples samples = this.context.getBean(NodeSamples.class);
		sample(samples, "node-a", now.minus(Duration.ofMinutes(100)), figures(80, 50, 50, 50), 1, 3.0, 10L);
		sample(samples, "node-a", now.minus(Duration.ofMinutes(50)), figures(90, 50, 50, 50), 1, 1.5, 5L);
		sample(samples, "node-b", now.minus(Duration.ofMinutes(100)), figures(10, 88, 93, 50), 0, null, null);
		sample(samples, "node-b", now.minus(Duration.ofMinutes(50)), figures(10, 92, 95, 50), 0, null, null);
		// The means of a node count from 5 samples (min-samples): three more, as the
		// means
		// were.
		for (int minutes : new int[] { 90, 80, 70 }) {
			sample(samples, "node-a", now.minus(Duration.ofMinutes(minutes)), figures(85, 50, 50, 50), 1, null, null);
			sample(samples, "node-b", now.minus(Duration.ofMinutes(minutes)), figures(10, 90, 90, 50), 0, null, null);
		}
		// Hot and saturated in its only two samples: too few to call it so.
		sample(samples, "node-e", now.minus(Duration.ofMinutes(20)), figures(99, 99, 50, 50), 2, null, null);
		sample(samples, "node-e", now.minus(Duration.ofMinutes(10)), figures(99, 99, 50, 50), 2, null, null);
		double[] temperatures = { 70, 75, 82.5, 80, 79 };
		for (int i = 0; i < temperatures.length; i++) {
			sample(samples, "node-c", now.minus(Duration.ofMinutes(100 - 10 * i)), figures(20, 30, 40, temperatures[i]),
					(i == 0) ? 1 : 2, (i == 0) ? 0.5 : null, (i == 0) ? 2L : null);
		}
		// Outside the window: changes nothing.
		sample(samples, "node-a", now.minus(Duration.ofMinutes(130)), figures(0, 99, 99, 99), 2, 100.0, 1L);
	}

	private void seedQueue(Instant now) {
		QueueSamples queue = this.context.getBean(QueueSamples.class);
		queue.add(now.minus(Duration.ofMinutes(110)), new QueueFigures(2, 1), null);
		queue.add(now.minus(Duration.ofMinutes(60)), new QueueFigures(4, 1), null);
	}

	private static SystemFigures figures(double cpu, double memory, double disk, double temperature) {
		return new SystemFigures(cpu, memory, disk, null, null, null, temperature, null, null, null);
	}

	private static void sample(NodeSamples samples, String node, Instant at, SystemFigures figures, int active,
			Double fetchSeconds, Long fetches) {
		samples.add(
				new NodeSample(node, at, SampleSource.WORKER, figures, new Workload(active, 2, fetchSeconds, fetches)));
	}

	/**
	 * Jobs newest created first: eight finished in the window (one of them created before
	 * it), one cancelled, one finished before the window, one running, one pending.
	 */
	private static String jobsAround(Instant now) {
		List<String> jobs = List.of(job("j11", "pending", null, now, 5, null, null, 0),
				job("j10", "running", "node-a", now, 20, 19, null, 4),
				job("j1", "completed", "node-a", now, 51, 50, 49, 10),
				job("j2", "completed", "node-a", now, 65, 64, 62, 20),
				job("j3", "failed", "node-a", now, 70, 69, 68, 2),
				job("j4", "completed", "node-b", now, 75, 74, 73.5, 5),
				job("j5", "failed", "node-b", now, 80, 79, 78, 0), job("j6", "failed", "node-b", now, 85, 84, 83, 0),
				job("j7", "completed", "node-b", now, 90, 89, 87.5, 15),
				job("j8", "cancelled", "node-a", now, 95, 94, 93, 1),
				job("j12", "completed", "node-c", now, 150, 10.5, 10, 3),
				job("j9", "completed", "node-a", now, 200, 190, 180, 50));
		return "[" + String.join(",", jobs) + "]";
	}

	private static String job(String id, String status, String node, Instant now, double createdMinutesAgo,
			Number startedMinutesAgo, Number completedMinutesAgo, int pages) {
		return """
				{"id":"%s","start_url":"http://site.test/","status":"%s","assigned_worker":%s,"created_at":"%s",
				 "started_at":%s,"completed_at":%s,"pages_crawled":%d,"error":null,"attempts":1}""".formatted(id,
				status, (node != null) ? "\"" + node + "\"" : "null", ago(now, createdMinutesAgo),
				(startedMinutesAgo != null) ? "\"" + ago(now, startedMinutesAgo.doubleValue()) + "\"" : "null",
				(completedMinutesAgo != null) ? "\"" + ago(now, completedMinutesAgo.doubleValue()) + "\"" : "null",
				pages);
	}

	private static Instant ago(Instant now, double minutes) {
		return now.minusSeconds(Math.round(minutes * 60));
	}

	private static void assertNode(JsonNode node, String name, int pages, Double responseTime, double successRate,
			int completed, int failed) {
		assertThat(node.get("node").asString()).isEqualTo(name);
		assertThat(node.get("pages_scraped").intValue()).isEqualTo(pages);
		if (responseTime == null) {
			assertThat(node.get("avg_response_time").isNull()).isTrue();
		}
		else {
			assertThat(node.get("avg_response_time").doubleValue()).isEqualTo(responseTime);
		}
		assertThat(node.get("success_rate").doubleValue()).isEqualTo(successRate);
		assertThat(node.get("completed_jobs").intValue()).isEqualTo(completed);
		assertThat(node.get("failed_jobs").intValue()).isEqualTo(failed);
	}

}

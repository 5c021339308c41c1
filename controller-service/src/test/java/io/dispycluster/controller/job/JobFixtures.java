package io.dispycluster.controller.job;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Jobs in every state, for tests: {@code aQueuedJob()}, {@code aRunningJob("node-a")},
 * ...
 */
public final class JobFixtures {

	/** The time every fixture starts from. */
	public static final Instant T0 = Instant.parse("2026-12-04T10:00:00Z");

	/** The lease the fixtures dispatch with. */
	public static final Duration LEASE = Duration.ofSeconds(60);

	private static int counter;

	private JobFixtures() {
	}

	public static JobSpec aSpec(int priority) {
		return new JobSpec("http://site.test/", 10, true, 30, priority, 3600);
	}

	public static Job aQueuedJob() {
		return aQueuedJobWithPriority(1, T0);
	}

	/** A queued job that asks for these node labels. */
	public static Job aQueuedJobAsking(Map<String, String> nodeLabels) {
		JobSpec spec = aSpec(1);
		return Job.accept(new JobId("job_fixture_" + (++counter)), null,
				new JobSpec(spec.startUrl(), spec.maxPages(), spec.sameOriginOnly(), spec.timeoutS(), spec.priority(),
						spec.maxDurationS(), spec.options(), nodeLabels),
				T0, QueueOrder.rank(1, T0, Duration.ofMinutes(5)));
	}

	/** A queued job that starts at this URL. */
	public static Job aQueuedJobFor(String startUrl) {
		JobSpec spec = aSpec(1);
		return Job.accept(new JobId("job_fixture_" + (++counter)), null,
				new JobSpec(startUrl, spec.maxPages(), spec.sameOriginOnly(), spec.timeoutS(), spec.priority(),
						spec.maxDurationS(), spec.options(), spec.nodeLabels()),
				T0, QueueOrder.rank(1, T0, Duration.ofMinutes(5)));
	}

	public static Job aQueuedJobWithPriority(int priority, Instant queuedAt) {
		return Job.accept(new JobId("job_fixture_" + (++counter)), null, aSpec(priority), queuedAt,
				QueueOrder.rank(priority, queuedAt, Duration.ofMinutes(5)));
	}

	public static Job aDispatchedJob(String node) {
		Job job = aQueuedJob();
		job.dispatchTo(node, T0.plusSeconds(1), LEASE);
		return job;
	}

	public static Job aRunningJob(String node) {
		Job job = aDispatchedJob(node);
		job.recordProgress(1, node, 1, "http://site.test/", T0.plusSeconds(2), LEASE);
		return job;
	}

	public static Job aSucceededJob(String node) {
		Job job = aRunningJob(node);
		job.succeed(1, node, aResult(), T0.plusSeconds(10));
		return job;
	}

	public static Job aFailedJob(String node) {
		Job job = aRunningJob(node);
		job.failAttempt(1, node, "start URL refused", null, T0.plusSeconds(10));
		return job;
	}

	public static Job aCancelledJob() {
		Job job = aQueuedJob();
		job.cancel(T0.plusSeconds(1));
		return job;
	}

	public static Job aJobIn(JobState state) {
		return switch (state) {
			case QUEUED -> aQueuedJob();
			case DISPATCHED -> aDispatchedJob("node-a");
			case RUNNING -> aRunningJob("node-a");
			case SUCCEEDED -> aSucceededJob("node-a");
			case FAILED -> aFailedJob("node-a");
			case CANCELLED -> aCancelledJob();
		};
	}

	public static ResultDocument aResult() {
		return new ResultDocument("{\"crawled\":[\"http://site.test/\",\"http://site.test/a\"],\"pii_by_url\":{},"
				+ "\"errors\":{},\"pages\":[]}", 2);
	}

}

package io.dispycluster.controller.job;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

import static io.dispycluster.controller.job.JobFixtures.LEASE;
import static io.dispycluster.controller.job.JobFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The intention-revealing transitions of {@link Job}: each one from every state, the
 * allowed ones with their effects and history entry, the refused ones leaving the job
 * untouched with a 409.
 */
class JobTests {

	private static final Instant NOW = T0.plusSeconds(30);

	private static final String NODE = "node-a";

	/** Each operation, applied with the job's own attempt number and worker. */
	private static final Map<String, Consumer<Job>> OPERATIONS = Map.of("dispatchTo",
			(job) -> job.dispatchTo("node-b", NOW, LEASE), "recordProgress",
			(job) -> job.recordProgress(job.attempt(), NODE, 3, "http://site.test/b", NOW, LEASE), "succeed",
			(job) -> job.succeed(job.attempt(), NODE, JobFixtures.aResult(), NOW), "failAttempt",
			(job) -> job.failAttempt(job.attempt(), NODE, "boom", null, NOW), "requeue",
			(job) -> job.requeue(job.attempt(), "lease expired", NOW, Duration.ofSeconds(10), 3), "returnToQueue",
			(job) -> job.returnToQueue(job.attempt(), "full", NOW), "timeOut", (job) -> job.timeOut(job.attempt(), NOW),
			"cancel", (job) -> job.cancel(NOW), "retry", (job) -> job.retry(NOW, 42));

	/** Operation → (state it is allowed from → state it leads to). */
	private static final Map<String, Map<JobState, JobState>> ALLOWED = Map.of("dispatchTo",
			Map.of(JobState.QUEUED, JobState.DISPATCHED), "recordProgress",
			Map.of(JobState.DISPATCHED, JobState.RUNNING, JobState.RUNNING, JobState.RUNNING), "succeed",
			Map.of(JobState.DISPATCHED, JobState.SUCCEEDED, JobState.RUNNING, JobState.SUCCEEDED), "failAttempt",
			Map.of(JobState.DISPATCHED, JobState.FAILED, JobState.RUNNING, JobState.FAILED), "requeue",
			Map.of(JobState.DISPATCHED, JobState.QUEUED, JobState.RUNNING, JobState.QUEUED), "returnToQueue",
			Map.of(JobState.DISPATCHED, JobState.QUEUED, JobState.RUNNING, JobState.QUEUED), "timeOut",
			Map.of(JobState.DISPATCHED, JobState.FAILED, JobState.RUNNING, JobState.FAILED), "cancel",
			Map.of(JobState.QUEUED, JobState.CANCELLED, JobState.DISPATCHED, JobState.CANCELLED, JobState.RUNNING,
					JobState.CANCELLED),
			"retry", Map.of(JobState.FAILED, JobState.QUEUED, JobState.CANCELLED, JobState.QUEUED));

	static Stream<Arguments> everyOperationFromEveryState() {
		return OPERATIONS.keySet()
			.stream()
			.sorted()
			.flatMap((operation) -> Stream.of(JobState.values()).map((state) -> Arguments.of(operation, state)));
	}

	@ParameterizedTest(name = "{0} from {1}")
	@MethodSource("everyOperationFromEveryState")
	void appliesAllowedTransitionsAndRefusesTheOthers(String operation, JobState from) {
		Job job = JobFixtures.aJobIn(from);
		int eventsBefore = job.unsavedEvents().size();
		JobState expected = ALLOWED.get(operation).get(from);
		if (expected != null) {
			OPERATIONS.get(operation).accept(job);
			assertThat(job.state()).isEqualTo(expected);
			if (expected != from) {
				JobEvent last = job.unsavedEvents().get(job.unsavedEvents().size() - 1);
				assertThat(last.from()).isEqualTo(from);
				assertThat(last.to()).isEqualTo(expected);
				assertThat(last.at()).isEqualTo(NOW);
			}
		}
		else {
			assertThatThrownBy(() -> OPERATIONS.get(operation).accept(job)).isInstanceOf(ErrorResponseException.class)
				.satisfies((ex) -> assertThat(((ErrorResponseException) ex).getStatusCode())
					.isEqualTo(HttpStatus.CONFLICT));
			assertThat(job.state()).isEqualTo(from);
			assertThat(job.unsavedEvents()).hasSize(eventsBefore);
		}
	}

	@Test
	void acceptsAJobAsQueuedWithAHistoryEntry() {
		Job job = JobFixtures.aQueuedJob();
		assertThat(job.state()).isEqualTo(JobState.QUEUED);
		assertThat(job.attempt()).isZero();
		assertThat(job.unsavedEvents()).singleElement()
			.satisfies((event) -> assertThat(event.reason()).isEqualTo("accepted"));
	}

	@Test
	void dispatchingStartsANumberedAttemptWithALeaseAndABudget() {
		Job job = JobFixtures.aQueuedJob();
		job.dispatchTo(NODE, NOW, LEASE);
		assertThat(job.attempt()).isEqualTo(1);
		assertThat(job.assignedWorker()).isEqualTo(NODE);
		assertThat(job.startedAt()).isEqualTo(NOW);
		assertThat(job.leaseExpiresAt()).isEqualTo(NOW.plus(LEASE));
		assertThat(job.budgetEndsAt()).isEqualTo(NOW.plusSeconds(3600));
		assertThat(job.state().status().name()).isEqualTo("RUNNING");
	}

	@Test
	void refusesAReportOfAnOlderAttempt() {
		Job job = JobFixtures.aRunningJob(NODE);
		job.requeue(1, "lease expired", NOW, Duration.ZERO, 3);
		job.dispatchTo(NODE, NOW, LEASE);
		assertThatThrownBy(() -> job.succeed(1, NODE, JobFixtures.aResult(), NOW))
			.isInstanceOf(StaleAttemptException.class);
		job.succeed(2, NODE, JobFixtures.aResult(), NOW);
		assertThat(job.state()).isEqualTo(JobState.SUCCEEDED);
	}

	@Test
	void refusesAReportFromAnotherWorker() {
		Job job = JobFixtures.aRunningJob(NODE);
		assertThatThrownBy(() -> job.succeed(1, "node-z", JobFixtures.aResult(), NOW))
			.isInstanceOf(StaleAttemptException.class);
		assertThatThrownBy(() -> job.recordProgress(1, "node-z", 1, null, NOW, LEASE))
			.isInstanceOf(StaleAttemptException.class);
	}

	@Test
	void refusesASecondCompletion() {
		Job job = JobFixtures.aSucceededJob(NODE);
		assertThatThrownBy(() -> job.succeed(1, NODE, JobFixtures.aResult(), NOW))
			.isInstanceOf(StaleAttemptException.class);
	}

	@Test
	void progressRenewsTheLeaseAndCountsPages() {
		Job job = JobFixtures.aDispatchedJob(NODE);
		job.recordProgress(1, NODE, 4, "http://site.test/4", NOW, LEASE);
		assertThat(job.state()).isEqualTo(JobState.RUNNING);
		assertThat(job.pagesCrawled()).isEqualTo(4);
		assertThat(job.currentUrl()).isEqualTo("http://site.test/4");
		assertThat(job.leaseExpiresAt()).isEqualTo(NOW.plus(LEASE));
	}

	@Test
	void successKeepsTheResultAndItsPageCount() {
		Job job = JobFixtures.aRunningJob(NODE);
		job.succeed(1, NODE, JobFixtures.aResult(), NOW);
		assertThat(job.pagesCrawled()).isEqualTo(2);
		assertThat(job.unsavedResult()).isEqualTo(JobFixtures.aResult());
		assertThat(job.completedAt()).isEqualTo(NOW);
		assertThat(job.durationMs()).isEqualTo(Duration.between(job.startedAt(), NOW).toMillis());
		assertThat(job.leaseExpiresAt()).isNull();
	}

	@Test
	void requeueWaitsForTheBackoffAndFreesTheWorker() {
		Job job = JobFixtures.aRunningJob(NODE);
		job.recordProgress(1, NODE, 9, "http://site.test/9", NOW, LEASE);
		boolean queued = job.requeue(1, "worker offline", NOW, Duration.ofSeconds(10), 3);
		assertThat(queued).isTrue();
		assertThat(job.state()).isEqualTo(JobState.QUEUED);
		assertThat(job.notBefore()).isEqualTo(NOW.plusSeconds(10));
		assertThat(job.assignedWorker()).isNull();
		// The next attempt starts from scratch: the lost one's pages are not the job's.
		assertThat(job.pagesCrawled()).isZero();
		assertThat(job.lostAttempts()).isEqualTo(1);
		assertThat(job.attempt()).isEqualTo(1);
	}

	@Test
	void failsWithTheReasonOnceEveryAttemptIsLost() {
		Job job = JobFixtures.aQueuedJob();
		for (int attempt = 1; attempt <= 3; attempt++) {
			job.dispatchTo(NODE, NOW, LEASE);
			job.requeue(attempt, "lease expired", NOW, Duration.ZERO, 3);
		}
		assertThat(job.state()).isEqualTo(JobState.FAILED);
		assertThat(job.error()).startsWith("attempts_exhausted: 3 attempts lost").contains("lease expired");
		assertThat(job.unsavedEvents()).extracting(JobEvent::to)
			.containsExactly(JobState.QUEUED, JobState.DISPATCHED, JobState.QUEUED, JobState.DISPATCHED,
					JobState.QUEUED, JobState.DISPATCHED, JobState.FAILED);
	}

	@Test
	void aRefusalAtCapacityDoesNotCountAsALostAttempt() {
		Job job = JobFixtures.aDispatchedJob(NODE);
		job.returnToQueue(1, "full", NOW);
		assertThat(job.lostAttempts()).isZero();
		assertThat(job.notBefore()).isEqualTo(NOW);
		job.dispatchTo(NODE, NOW, LEASE);
		assertThat(job.attempt()).isEqualTo(2);
	}

	@Test
	void timesOutWithReasonTimeout() {
		Job job = JobFixtures.aRunningJob(NODE);
		job.timeOut(1, NOW);
		assertThat(job.state()).isEqualTo(JobState.FAILED);
		assertThat(job.error()).startsWith("timeout");
	}

	@Test
	void aJobCancelledWhileRunningKeepsTheResultOfThatAttemptOnly() {
		Job job = JobFixtures.aRunningJob(NODE);
		job.cancel(NOW);
		assertThatThrownBy(() -> job.keepResultOfCancelledAttempt(1, "node-z", JobFixtures.aResult()))
			.isInstanceOf(StaleAttemptException.class);
		assertThatThrownBy(() -> job.keepResultOfCancelledAttempt(0, NODE, JobFixtures.aResult()))
			.isInstanceOf(StaleAttemptException.class);
		job.keepResultOfCancelledAttempt(1, NODE, JobFixtures.aResult());
		assertThat(job.state()).isEqualTo(JobState.CANCELLED);
		assertThat(job.unsavedResult()).isEqualTo(JobFixtures.aResult());
		assertThat(job.pagesCrawled()).isEqualTo(2);

		Job retried = JobFixtures.aRunningJob(NODE);
		retried.cancel(NOW);
		retried.retry(NOW, 42);
		assertThatThrownBy(() -> retried.keepResultOfCancelledAttempt(1, NODE, JobFixtures.aResult()))
			.isInstanceOf(StaleAttemptException.class);
		retried.cancel(NOW);
		assertThatThrownBy(() -> retried.keepResultOfCancelledAttempt(1, NODE, JobFixtures.aResult()))
			.isInstanceOf(StaleAttemptException.class);
	}

	@Test
	void progressOnTheAttemptAUserCancelledChangesNothingAndIsNotRefused() {
		Job job = JobFixtures.aRunningJob(NODE);
		job.cancel(NOW);
		int eventsBefore = job.unsavedEvents().size();

		// The stop is on its way: the worker goes on until it arrives, then reports.
		job.recordProgress(1, NODE, 7, "http://site.test/7", NOW.plusSeconds(1), LEASE);
		assertThat(job.state()).isEqualTo(JobState.CANCELLED);
		assertThat(job.pagesCrawled()).isEqualTo(1);
		assertThat(job.currentUrl()).isNull();
		assertThat(job.leaseExpiresAt()).isNull();
		assertThat(job.unsavedEvents()).hasSize(eventsBefore);

		assertThatThrownBy(() -> job.recordProgress(1, "node-z", 7, null, NOW, LEASE))
			.isInstanceOf(StaleAttemptException.class);
		assertThatThrownBy(() -> job.recordProgress(2, NODE, 7, null, NOW, LEASE))
			.isInstanceOf(StaleAttemptException.class);
		job.retry(NOW, 42);
		job.cancel(NOW);
		assertThatThrownBy(() -> job.recordProgress(1, NODE, 7, null, NOW, LEASE))
			.isInstanceOf(StaleAttemptException.class);
	}

	@Test
	void retryStartsAfreshAndDiscardsTheOldResult() {
		Job job = JobFixtures.aFailedJob(NODE);
		job.retry(NOW, 42);
		assertThat(job.state()).isEqualTo(JobState.QUEUED);
		assertThat(job.error()).isNull();
		assertThat(job.completedAt()).isNull();
		assertThat(job.queueRank()).isEqualTo(42);
		assertThat(job.resultDiscarded()).isTrue();
		assertThat(job.attempt()).isEqualTo(1);
	}

	@Test
	void renewsOnlyTheCurrentAttemptsLease() {
		Job job = JobFixtures.aRunningJob(NODE);
		assertThat(job.renewLease(2, NOW, LEASE)).isFalse();
		assertThat(job.renewLease(1, NOW, LEASE)).isTrue();
		assertThat(job.leaseExpiresAt()).isEqualTo(NOW.plus(LEASE));
		assertThat(JobFixtures.aSucceededJob(NODE).renewLease(1, NOW, LEASE)).isFalse();
	}

	@Test
	void historyNamesEveryStep() {
		Job job = JobFixtures.aSucceededJob(NODE);
		List<JobEvent> events = job.unsavedEvents();
		assertThat(events).extracting(JobEvent::reason)
			.containsExactly("accepted", "dispatched to node-a", "running on node-a", "completed by node-a");
	}

}

package io.dispycluster.controller.dispatch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import io.dispycluster.controller.job.Job;
import io.dispycluster.controller.job.JobFixtures;
import io.dispycluster.controller.job.JobQueue;
import io.dispycluster.controller.job.JobState;
import io.dispycluster.controller.worker.Worker;
import io.dispycluster.controller.worker.WorkerRegistry;
import io.dispycluster.controller.worker.WorkerRestarted;
import io.dispycluster.model.worker.WorkerState;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/**
 * How many jobs a dispatch pass claims: never more than the online workers can take, than
 * {@code max-concurrent-jobs} allows, or than one batch; and only the jobs the claim
 * actually took are sent.
 */
class DispatcherTests {

	private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");

	private final JobQueue jobs = mock(JobQueue.class);

	private final WorkerRegistry workers = mock(WorkerRegistry.class);

	private final AssignmentSender sender = mock(AssignmentSender.class);

	private final TransactionTemplate transactions = mock(TransactionTemplate.class);

	private final Refusals refusals = new Refusals();

	@BeforeEach
	@SuppressWarnings("unchecked")
	void runTransactionsInline() {
		given(this.transactions.execute(any())).willAnswer(
				(invocation) -> ((TransactionCallback<Object>) invocation.getArgument(0)).doInTransaction(null));
		given(this.jobs.nextQueued(any(), anyInt())).willReturn(List.of());
		given(this.jobs.claim(any())).willAnswer((invocation) -> invocation.getArgument(0));
		given(this.workers.dispatchable()).willReturn(List.of(worker("a", 10), worker("b", 10)));
	}

	@Test
	void claimsAsManyAsTheWorkersCanTakeInOnePass() {
		dispatcher(100).dispatchOnce();
		verify(this.jobs).nextQueued(NOW, 20);
	}

	@Test
	void claimsAtMostOneBatchInOnePass() {
		given(this.workers.dispatchable()).willReturn(List.of(worker("a", 500), worker("b", 500)));
		dispatcher(1000).dispatchOnce();
		verify(this.jobs).nextQueued(NOW, Dispatcher.CLAIM_BATCH);
	}

	@Test
	void sendsOnlyTheJobsTheClaimTook() {
		Job taken = JobFixtures.aQueuedJob();
		Job gone = JobFixtures.aQueuedJob();
		given(this.jobs.nextQueued(any(), anyInt())).willReturn(List.of(taken, gone));
		given(this.jobs.claim(any())).willReturn(List.of(taken));
		assertThat(dispatcher(100).dispatchOnce()).isEqualTo(1);
		verify(this.sender).send(eq(taken), any(), any());
		verify(this.sender, never()).send(eq(gone), any(), any());
		assertThat(taken.assignedWorker()).isIn("a", "b");
	}

	@Test
	void claimsNoMoreThanTheWorkersFreeCapacity() {
		given(this.jobs.activeCountByNode()).willReturn(Map.of("a", 9, "b", 4));
		dispatcher(100).dispatchOnce();
		verify(this.jobs).nextQueued(NOW, 7);
	}

	@Test
	void claimsNoMoreThanTheClusterWideLimit() {
		given(this.jobs.activeCountByNode()).willReturn(Map.of("a", 2, "b", 2));
		dispatcher(5).dispatchOnce();
		verify(this.jobs).nextQueued(NOW, 1);
	}

	@Test
	void claimsNothingWhenTheClusterIsFull() {
		given(this.jobs.activeCountByNode()).willReturn(Map.of("a", 3, "b", 2));
		dispatcher(5).dispatchOnce();
		verify(this.jobs, never()).nextQueued(any(), anyInt());
	}

	@Test
	void givesALabelledJobOnlyToAWorkerWithItsLabels() {
		given(this.workers.dispatchable())
			.willReturn(List.of(worker("a", 10), worker("b", 2, Map.of("zone", "attic"))));
		Job attic = JobFixtures.aQueuedJobAsking(Map.of("zone", "attic"));
		given(this.jobs.nextQueued(any(), anyInt())).willReturn(List.of(attic));
		assertThat(dispatcher(100).dispatchOnce()).isEqualTo(1);
		assertThat(attic.assignedWorker()).isEqualTo("b");
	}

	@Test
	void looksPastAJobNoFreeWorkerCanTakeAndLeavesItQueued() {
		given(this.workers.dispatchable()).willReturn(List.of(worker("a", 1)));
		Job stuck = JobFixtures.aQueuedJobAsking(Map.of("zone", "cellar"));
		Job plain = JobFixtures.aQueuedJob();
		given(this.jobs.nextQueued(NOW, 1)).willReturn(List.of(stuck));
		given(this.jobs.nextQueued(NOW, 2)).willReturn(List.of(stuck, plain));
		assertThat(dispatcher(100).dispatchOnce()).isEqualTo(1);
		verify(this.sender).send(eq(plain), any(), any());
		verify(this.sender, never()).send(eq(stuck), any(), any());
		verify(this.jobs).claim(List.of(plain));
		assertThat(stuck.state()).isEqualTo(JobState.QUEUED);
		assertThat(stuck.assignedWorker()).isNull();
	}

	@Test
	void looksNoFurtherThanOneBatch() {
		given(this.workers.dispatchable()).willReturn(List.of(worker("a", 1)));
		Job stuck = JobFixtures.aQueuedJobAsking(Map.of("zone", "cellar"));
		given(this.jobs.nextQueued(any(), anyInt()))
			.willAnswer((invocation) -> Collections.nCopies((int) invocation.getArgument(1), stuck));
		assertThat(dispatcher(100).dispatchOnce()).isZero();
		verify(this.jobs).nextQueued(NOW, Dispatcher.CLAIM_BATCH);
		verify(this.jobs, never()).nextQueued(NOW, Dispatcher.CLAIM_BATCH * 2);
	}

	@Test
	void withOneWorkerPerHostAJobGoesToTheWorkerAlreadyCrawlingItsSiteOrWaits() {
		given(this.workers.dispatchable()).willReturn(List.of(worker("a", 2), worker("b", 10)));
		given(this.jobs.activeCountByNode()).willReturn(Map.of("a", 1));
		given(this.jobs.activeNodeByStartUrl()).willReturn(Map.of("https://Shop.example/", "a"));
		Job sameSite = JobFixtures.aQueuedJobFor("https://shop.example/p/1");
		Job sameSiteWhenAIsFull = JobFixtures.aQueuedJobFor("http://shop.example:8080/p/2");
		Job otherSite = JobFixtures.aQueuedJobFor("https://blog.example/");
		Job otherSiteAgain = JobFixtures.aQueuedJobFor("https://blog.example/archive");
		given(this.jobs.nextQueued(any(), anyInt()))
			.willReturn(List.of(sameSite, sameSiteWhenAIsFull, otherSite, otherSiteAgain));

		assertThat(dispatcher(100, true).dispatchOnce()).isEqualTo(3);

		assertThat(sameSite.assignedWorker()).isEqualTo("a");
		// "a" is full now: the site's next job waits for it rather than go to "b".
		assertThat(sameSiteWhenAIsFull.state()).isEqualTo(JobState.QUEUED);
		// A site nobody crawls goes to the best worker, then stays with it.
		assertThat(otherSite.assignedWorker()).isEqualTo("b");
		assertThat(otherSiteAgain.assignedWorker()).isEqualTo("b");
	}

	@Test
	void passesOverAWorkerThatRefusedTheJobUnlessEveryWorkerThatCouldTakeItDid() {
		given(this.workers.dispatchable()).willReturn(List.of(worker("a", 10), worker("b", 1),
				worker("c", 10, Map.of("zone", "attic")), worker("d", 10, Map.of("zone", "attic"))));
		Job refusedByA = JobFixtures.aQueuedJob();
		Job refusedByAll = JobFixtures.aQueuedJobAsking(Map.of("zone", "attic"));
		this.refusals.refused(refusedByA.id(), "a");
		this.refusals.refused(refusedByAll.id(), "c");
		this.refusals.refused(refusedByAll.id(), "d");
		this.refusals.refused(refusedByAll.id(), "x");
		given(this.jobs.nextQueued(any(), anyInt())).willReturn(List.of(refusedByA, refusedByAll));

		assertThat(dispatcher(100).dispatchOnce()).isEqualTo(2);

		assertThat(refusedByA.assignedWorker()).isNotNull().isNotEqualTo("a");
		assertThat(refusedByAll.assignedWorker()).isIn("c", "d");
	}

	@Test
	void forgetsTheRefusalsOfAJobOnceAWorkerAcceptedItAndThoseOfARestartedWorker() {
		Job job = JobFixtures.aQueuedJob();
		this.refusals.refused(job.id(), "a");
		assertThat(this.refusals.toAvoid(job.id(), List.of("a", "b"))).containsExactly("a");
		this.refusals.on(new WorkerRestarted("a", "http://a:8080", NOW));
		assertThat(this.refusals.toAvoid(job.id(), List.of("a", "b"))).isEmpty();

		this.refusals.refused(job.id(), "b");
		this.refusals.accepted(job.id());
		assertThat(this.refusals.toAvoid(job.id(), List.of("a", "b"))).isEmpty();
	}

	@Test
	void withoutOneWorkerPerHostJobsOfOneSiteSpreadOverTheWorkers() {
		given(this.workers.dispatchable()).willReturn(List.of(worker("a", 1), worker("b", 1)));
		Job first = JobFixtures.aQueuedJobFor("https://shop.example/p/1");
		Job second = JobFixtures.aQueuedJobFor("https://shop.example/p/2");
		given(this.jobs.nextQueued(any(), anyInt())).willReturn(List.of(first, second));

		assertThat(dispatcher(100).dispatchOnce()).isEqualTo(2);

		assertThat(List.of(first.assignedWorker(), second.assignedWorker())).containsExactlyInAnyOrder("a", "b");
		verify(this.jobs, never()).activeNodeByStartUrl();
	}

	@Test
	void dispatchesAtOnceWhenIdleAndSpacesThePassesWhenBusy() {
		List<Long> passes = Collections.synchronizedList(new ArrayList<>());
		given(this.workers.dispatchable()).willAnswer((invocation) -> {
			passes.add(System.nanoTime());
			return List.of();
		});
		Dispatcher dispatcher = dispatcher(100, Duration.ofSeconds(1));
		try {
			long nudged = System.nanoTime();
			dispatcher.nudge();
			await().until(() -> passes.size() == 1);
			dispatcher.nudge();
			dispatcher.nudge();
			await().atMost(Duration.ofSeconds(10)).until(() -> passes.size() == 2);

			assertThat(Duration.ofNanos(passes.get(0) - nudged)).as("the first pass, idle")
				.isLessThan(Duration.ofMillis(900));
			// (Counted from a little after the first pass started.)
			assertThat(Duration.ofNanos(passes.get(1) - passes.get(0))).as("the second, merged and spaced")
				.isGreaterThanOrEqualTo(Duration.ofMillis(950));
			await().during(Duration.ofMillis(600)).until(() -> passes.size() == 2);
		}
		finally {
			dispatcher.destroy();
		}
	}

	private Dispatcher dispatcher(int maxConcurrentJobs) {
		return dispatcher(maxConcurrentJobs, false);
	}

	private Dispatcher dispatcher(int maxConcurrentJobs, boolean oneWorkerPerHost) {
		return dispatcher(maxConcurrentJobs, Duration.ofMillis(10), oneWorkerPerHost);
	}

	private Dispatcher dispatcher(int maxConcurrentJobs, Duration spacing) {
		return dispatcher(maxConcurrentJobs, spacing, false);
	}

	private Dispatcher dispatcher(int maxConcurrentJobs, Duration spacing, boolean oneWorkerPerHost) {
		DispatchProperties properties = new DispatchProperties(maxConcurrentJobs, Duration.ofSeconds(2), spacing,
				Duration.ofSeconds(60), 3, Duration.ofSeconds(10), Duration.ofMinutes(5), Duration.ofSeconds(60),
				oneWorkerPerHost);
		return new Dispatcher(this.jobs, this.workers, this.sender, this.refusals, this.transactions, properties,
				new DispatchMetrics(new SimpleMeterRegistry()), Clock.fixed(NOW, ZoneOffset.UTC));
	}

	private static Worker worker(String node, int capacity) {
		return worker(node, capacity, Map.of());
	}

	private static Worker worker(String node, int capacity, Map<String, String> labels) {
		return new Worker(node, "http://" + node + ":8080", capacity, WorkerState.ONLINE, Worker.Source.REGISTERED, NOW,
				NOW, null, 0, null, 0, null, null, null, null, labels);
	}

}

package io.dispycluster.controller.dispatch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import io.dispycluster.controller.job.JobQueue;
import io.dispycluster.controller.worker.Worker;
import io.dispycluster.controller.worker.WorkerRegistry;
import io.dispycluster.model.worker.WorkerState;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/**
 * How many jobs a dispatch pass claims: never more than the online workers can take, than
 * {@code max-concurrent-jobs} allows, or than can be sent at once (a claimed job must not
 * wait in a queue while its lease runs).
 */
class DispatcherTests {

	private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");

	private final JobQueue jobs = mock(JobQueue.class);

	private final WorkerRegistry workers = mock(WorkerRegistry.class);

	private final AssignmentSender sender = mock(AssignmentSender.class);

	private final TransactionTemplate transactions = mock(TransactionTemplate.class);

	@BeforeEach
	@SuppressWarnings("unchecked")
	void runTransactionsInline() {
		given(this.transactions.execute(any())).willAnswer(
				(invocation) -> ((TransactionCallback<Object>) invocation.getArgument(0)).doInTransaction(null));
		given(this.jobs.lockNextQueued(any(), anyInt())).willReturn(List.of());
		given(this.workers.dispatchable()).willReturn(List.of(worker("a", 10), worker("b", 10)));
	}

	@Test
	void claimsNoMoreThanCanBeSentAtOnce() {
		given(this.sender.freeSlots()).willReturn(3);
		dispatcher(100).dispatchOnce();
		verify(this.jobs).lockNextQueued(NOW, 3);
	}

	@Test
	void claimsNoMoreThanTheWorkersFreeCapacity() {
		given(this.sender.freeSlots()).willReturn(16);
		given(this.jobs.activeCountByNode()).willReturn(Map.of("a", 9, "b", 4));
		dispatcher(100).dispatchOnce();
		verify(this.jobs).lockNextQueued(NOW, 7);
	}

	@Test
	void claimsNoMoreThanTheClusterWideLimit() {
		given(this.sender.freeSlots()).willReturn(16);
		given(this.jobs.activeCountByNode()).willReturn(Map.of("a", 2, "b", 2));
		dispatcher(5).dispatchOnce();
		verify(this.jobs).lockNextQueued(NOW, 1);
	}

	@Test
	void claimsNothingWhenTheClusterIsFull() {
		given(this.sender.freeSlots()).willReturn(16);
		given(this.jobs.activeCountByNode()).willReturn(Map.of("a", 3, "b", 2));
		dispatcher(5).dispatchOnce();
		verify(this.jobs, never()).lockNextQueued(any(), anyInt());
	}

	private Dispatcher dispatcher(int maxConcurrentJobs) {
		DispatchProperties properties = new DispatchProperties(maxConcurrentJobs, Duration.ofSeconds(2),
				Duration.ofSeconds(60), 3, Duration.ofSeconds(10), Duration.ofMinutes(5), Duration.ofSeconds(60));
		return new Dispatcher(this.jobs, this.workers, this.sender, this.transactions, properties,
				new DispatchMetrics(new SimpleMeterRegistry()), Clock.fixed(NOW, ZoneOffset.UTC));
	}

	private static Worker worker(String node, int capacity) {
		return new Worker(node, "http://" + node + ":8080", capacity, WorkerState.ONLINE, Worker.Source.REGISTERED, NOW,
				NOW, null, 0, null, 0, null, null, null, null);
	}

}

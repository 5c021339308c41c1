package io.dispycluster.controller.job;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static io.dispycluster.controller.job.JobFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The queue order: higher priority first, FIFO within a priority, aging.
 */
class QueueOrderTests {

	private static final Duration AGING = Duration.ofMinutes(5);

	@Test
	void dispatchesHigherPriorityFirst() {
		Job low = queued(1, T0, 1);
		Job high = queued(9, T0.plusSeconds(30), 2);
		Job middle = queued(5, T0.plusSeconds(10), 3);
		assertThat(sorted(low, high, middle)).containsExactly(high, middle, low);
	}

	@Test
	void keepsFirstInFirstOutWithinAPriority() {
		Job first = queued(3, T0, 1);
		Job second = queued(3, T0.plusMillis(1), 2);
		Job third = queued(3, T0.plusSeconds(1), 3);
		assertThat(sorted(third, first, second)).containsExactly(first, second, third);
	}

	@Test
	void breaksTiesOfTheSameMillisecondByStoreOrder() {
		Job first = queued(3, T0, 7);
		Job second = queued(3, T0, 8);
		assertThat(sorted(second, first)).containsExactly(first, second);
	}

	@Test
	void aPriorityNineJobSubmittedAfterTenPriorityOneJobsRunsFirst() {
		List<Job> jobs = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			jobs.add(queued(1, T0.plusSeconds(i), i));
		}
		Job urgent = queued(9, T0.plusSeconds(20), 20);
		jobs.add(urgent);
		jobs.sort(QueueOrder.COMPARATOR);
		assertThat(jobs.get(0)).isSameAs(urgent);
	}

	@Test
	void agesALowPriorityJobUntilItOvertakesNewHighPriorityOnes() {
		Job old = queued(1, T0, 1);
		// Eight levels apart: the old job wins once it has waited eight aging intervals.
		Job newerButWithinAging = queued(9, T0.plus(AGING.multipliedBy(8)).minusSeconds(1), 2);
		Job newerPastAging = queued(9, T0.plus(AGING.multipliedBy(8)).plusSeconds(1), 3);
		assertThat(sorted(old, newerButWithinAging)).containsExactly(newerButWithinAging, old);
		assertThat(sorted(old, newerPastAging)).containsExactly(old, newerPastAging);
	}

	private static Job queued(int priority, Instant at, long seq) {
		Job job = JobFixtures.aQueuedJobWithPriority(priority, at);
		JobRow row = job.toRow();
		return new Job(new JobRow(row.id(), seq, row.batchId(), row.spec(), row.state(), row.createdAt(),
				QueueOrder.rank(priority, at, AGING), row.notBefore(), row.attempt(), row.lostAttempts(),
				row.assignedWorker(), row.startedAt(), row.leaseExpiresAt(), row.budgetEndsAt(), row.completedAt(),
				row.durationMs(), row.pagesCrawled(), row.currentUrl(), row.error(), row.version(), row.requestId()));
	}

	private static List<Job> sorted(Job... jobs) {
		List<Job> list = new ArrayList<>(List.of(jobs));
		list.sort(QueueOrder.COMPARATOR);
		return list;
	}

}

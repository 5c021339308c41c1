package io.dispycluster.controller.job;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javax.sql.DataSource;

import io.dispycluster.controller.support.MigratedH2;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

import static io.dispycluster.controller.job.JobFixtures.LEASE;
import static io.dispycluster.controller.job.JobFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The group commit against an H2 database migrated by the real migrations: changes that
 * wait together are written in one transaction, a refused change fails alone, and what
 * cannot be written with the others is handed back to be applied on its own.
 */
class GroupCommitTests {

	private final AtomicInteger commits = new AtomicInteger();

	private final CountDownLatch inWriter = new CountDownLatch(1);

	private final ExecutorService callers = Executors.newFixedThreadPool(8);

	private NamedParameterJdbcTemplate jdbc;

	private JobStore store;

	private GroupCommit groupCommit;

	@BeforeEach
	void start() {
		DataSource dataSource = MigratedH2.create("group");
		this.jdbc = new NamedParameterJdbcTemplate(dataSource);
		this.store = new JobStore(this.jdbc);
		DataSourceTransactionManager transactions = new DataSourceTransactionManager(dataSource) {
			@Override
			protected void doCommit(DefaultTransactionStatus status) {
				GroupCommitTests.this.commits.incrementAndGet();
				super.doCommit(status);
			}
		};
		this.groupCommit = new GroupCommit(this.store, new TransactionTemplate(transactions));
		this.groupCommit.start();
	}

	@AfterEach
	void stop() {
		this.groupCommit.stop();
		this.callers.shutdownNow();
	}

	@Test
	void writesAChangeAloneWhenNothingElseWaits() {
		Job job = stored();

		Job saved = this.groupCommit.apply(job.id(), dispatch(), (j) -> {
		});

		assertThat(saved).isNotNull();
		assertThat(saved.state()).isEqualTo(JobState.DISPATCHED);
		assertThat(this.store.find(job.id()).orElseThrow().state()).isEqualTo(JobState.DISPATCHED);
		assertThat(this.commits).hasValue(1);
	}

	@Test
	void writesTheChangesThatWaitedTogetherInOneTransaction() throws Exception {
		List<Job> jobs = stored(6);
		CountDownLatch release = new CountDownLatch(1);
		CompletableFuture<@Nullable Job> first = applyLater(jobs.get(0), dispatch().andThen(blockedUntil(release)));
		await().until(() -> this.inWriter.getCount() == 0);
		List<CompletableFuture<@Nullable Job>> others = new ArrayList<>();
		for (Job job : jobs.subList(1, 6)) {
			others.add(applyLater(job, dispatch()));
		}
		await().until(() -> this.groupCommit.waiting() == 5);

		release.countDown();

		assertThat(first.get(10, TimeUnit.SECONDS).state()).isEqualTo(JobState.DISPATCHED);
		for (CompletableFuture<@Nullable Job> other : others) {
			assertThat(other.get(10, TimeUnit.SECONDS).state()).isEqualTo(JobState.DISPATCHED);
		}
		assertThat(this.commits).as("one commit for the first change, one for the five that waited").hasValue(2);
		assertThat(jobs).allSatisfy(
				(job) -> assertThat(this.store.find(job.id()).orElseThrow().state()).isEqualTo(JobState.DISPATCHED));
	}

	@Test
	void aChangeItsJobRefusesFailsAloneAndTheOthersOfItsGroupAreSaved() throws Exception {
		List<Job> jobs = stored(3);
		CountDownLatch release = new CountDownLatch(1);
		Job blocker = stored();
		CompletableFuture<@Nullable Job> first = applyLater(blocker, dispatch().andThen(blockedUntil(release)));
		await().until(() -> this.inWriter.getCount() == 0);
		CompletableFuture<@Nullable Job> before = applyLater(jobs.get(0), dispatch());
		await().until(() -> this.groupCommit.waiting() == 1);
		// A report from an attempt that is not the job's current one (a queued job has
		// none): the job refuses it before anything is written.
		CompletableFuture<@Nullable Job> refused = applyLater(jobs.get(1),
				(j) -> j.succeed(1, "node-a", JobFixtures.aResult(), T0.plusSeconds(5)));
		await().until(() -> this.groupCommit.waiting() == 2);
		CompletableFuture<@Nullable Job> after = applyLater(jobs.get(2), dispatch());
		await().until(() -> this.groupCommit.waiting() == 3);

		release.countDown();

		first.get(10, TimeUnit.SECONDS);
		assertThat(before.get(10, TimeUnit.SECONDS).state()).isEqualTo(JobState.DISPATCHED);
		assertThat(after.get(10, TimeUnit.SECONDS).state()).isEqualTo(JobState.DISPATCHED);
		assertThat(refused).failsWithin(10, TimeUnit.SECONDS)
			.withThrowableThat()
			.withCauseInstanceOf(StaleAttemptException.class);
		assertThat(this.store.find(jobs.get(1).id()).orElseThrow().state()).isEqualTo(JobState.QUEUED);
		assertThat(this.commits).hasValue(2);
	}

	@Test
	void refusesAChangeToAnUnknownJob() {
		assertThatExceptionOfType(JobNotFoundException.class)
			.isThrownBy(() -> this.groupCommit.apply(new JobId("job_missing"), dispatch(), (j) -> {
			}));
	}

	@Test
	void handsBackAChangeWhoseJobChangedMeanwhile() {
		Job job = stored();

		Job saved = this.groupCommit.apply(job.id(), dispatch().andThen((j) -> changeElsewhere(j.id())), (j) -> {
		});

		assertThat(saved).as("to be applied again on its own").isNull();
		assertThat(this.store.find(job.id()).orElseThrow().state()).isEqualTo(JobState.QUEUED);
	}

	@Test
	void handsBackEveryChangeOfAGroupWhoseTransactionFails() throws Exception {
		List<Job> jobs = stored(3);
		CountDownLatch release = new CountDownLatch(1);
		CompletableFuture<@Nullable Job> first = applyLater(stored(), dispatch().andThen(blockedUntil(release)));
		await().until(() -> this.inWriter.getCount() == 0);
		CompletableFuture<@Nullable Job> saved = applyLater(jobs.get(0), dispatch());
		CompletableFuture<@Nullable Job> failing = CompletableFuture
			.supplyAsync(() -> this.groupCommit.apply(jobs.get(1).id(), dispatch(), (j) -> {
				throw new DataAccessResourceFailureException("disk full");
			}), this.callers);
		CompletableFuture<@Nullable Job> third = applyLater(jobs.get(2), dispatch());
		await().until(() -> this.groupCommit.waiting() == 3);

		release.countDown();

		first.get(10, TimeUnit.SECONDS);
		assertThat(saved.get(10, TimeUnit.SECONDS)).isNull();
		assertThat(failing.get(10, TimeUnit.SECONDS)).isNull();
		assertThat(third.get(10, TimeUnit.SECONDS)).isNull();
		assertThat(jobs).as("the group was rolled back")
			.allSatisfy(
					(job) -> assertThat(this.store.find(job.id()).orElseThrow().state()).isEqualTo(JobState.QUEUED));
	}

	@Test
	void handsBackAChangeThatBreaksAndGoesOnWriting() {
		Job broken = stored();
		Job next = stored();

		Job handedBack = this.groupCommit.apply(broken.id(), (j) -> {
			throw new StackOverflowError();
		}, (j) -> {
		});

		assertThat(handedBack).isNull();
		assertThat(this.groupCommit.apply(next.id(), dispatch(), (j) -> {
		})).isNotNull();
	}

	@Test
	void handsBackChangesOnceStopped() {
		Job job = stored();
		this.groupCommit.stop();

		assertThat(this.groupCommit.apply(job.id(), dispatch(), (j) -> {
		})).isNull();
		assertThat(this.commits).hasValue(0);
	}

	private static Consumer<Job> dispatch() {
		return (job) -> job.dispatchTo("node-a", T0.plusSeconds(1), LEASE);
	}

	private CompletableFuture<@Nullable Job> applyLater(Job job, Consumer<Job> change) {
		return CompletableFuture.supplyAsync(() -> this.groupCommit.apply(job.id(), change, (j) -> {
		}), this.callers);
	}

	/**
	 * Another controller moves the job on (a new version), on a connection of its own:
	 * not in the group's transaction, which is bound to the writer thread.
	 */
	private void changeElsewhere(JobId id) {
		CompletableFuture
			.runAsync(() -> this.jdbc.update("UPDATE job SET version = version + 1 WHERE id = :id",
					Map.of("id", id.value())), this.callers)
			.join();
	}

	private Job stored() {
		return stored(1).get(0);
	}

	private List<Job> stored(int count) {
		List<Job> jobs = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			jobs.add(JobFixtures.aQueuedJob());
		}
		this.store.insert(jobs);
		return jobs;
	}

	/** Holds the writer inside its transaction until {@code release}. */
	private Consumer<Job> blockedUntil(CountDownLatch release) {
		return (job) -> {
			this.inWriter.countDown();
			try {
				release.await(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		};
	}

}

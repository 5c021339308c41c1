package io.dispycluster.controller.job;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.sql.DataSource;

import io.dispycluster.controller.support.MigratedH2;
import io.dispycluster.model.job.CrawlOptions;
import io.dispycluster.model.job.ExtractRule;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import static io.dispycluster.controller.job.JobFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The store against an in-memory H2 database migrated by the real migrations: the SQL
 * queue order agrees with {@link QueueOrder#COMPARATOR}, updates are optimistic, and
 * history and results are kept.
 */
class JobStoreTests {

	private JobStore store;

	@BeforeEach
	void migrate() {
		DataSource dataSource = MigratedH2.create("store");
		this.store = new JobStore(new NamedParameterJdbcTemplate(dataSource));
	}

	@Test
	void sqlQueueOrderAgreesWithTheComparator() {
		Random random = new Random(42);
		List<Job> jobs = new ArrayList<>();
		for (int i = 0; i < 60; i++) {
			int priority = 1 + random.nextInt(10);
			Instant at = T0.plusSeconds(random.nextInt(4000));
			jobs.add(Job.accept(new JobId("job_" + i), null, JobFixtures.aSpec(priority), at,
					QueueOrder.rank(priority, at, Duration.ofMinutes(5))));
		}
		this.store.insert(jobs);
		List<String> fromSql = this.store.nextQueued(T0.plusSeconds(5000), 100)
			.stream()
			.map((job) -> job.id().value())
			.toList();
		List<Job> fromComparator = new ArrayList<>(this.store.list(EnumSet.allOf(JobState.class), 100, 0));
		fromComparator.sort(QueueOrder.COMPARATOR);
		assertThat(fromSql).hasSize(60)
			.containsExactlyElementsOf(fromComparator.stream().map((job) -> job.id().value()).toList());
		assertThat(this.store.nextQueued(T0.plusSeconds(5000), 10)).extracting((job) -> job.id().value())
			.containsExactlyElementsOf(fromSql.subList(0, 10));
	}

	@Test
	void keepsJobsInBackoffOutOfTheQueue() {
		Job job = JobFixtures.aQueuedJob();
		this.store.insert(List.of(job));
		Job loaded = this.store.find(job.id()).orElseThrow();
		loaded.dispatchTo("node-a", T0, JobFixtures.LEASE);
		loaded.requeue(1, "lost", T0, Duration.ofSeconds(30), 3);
		assertThat(this.store.update(loaded)).isTrue();
		assertThat(this.store.nextQueued(T0.plusSeconds(29), 10)).isEmpty();
		assertThat(this.store.nextQueued(T0.plusSeconds(30), 10)).hasSize(1);
	}

	@Test
	void claimsOnlyJobsStillQueuedAsTheyWereRead() {
		Job kept = JobFixtures.aQueuedJob();
		Job cancelled = JobFixtures.aQueuedJob();
		Job takenElsewhere = JobFixtures.aQueuedJob();
		this.store.insert(List.of(kept, cancelled, takenElsewhere));
		List<Job> read = this.store.nextQueued(T0.plusSeconds(1), 10);
		Job cancelling = this.store.find(cancelled.id()).orElseThrow();
		cancelling.cancel(T0);
		assertThat(this.store.update(cancelling)).isTrue();
		Job other = this.store.find(takenElsewhere.id()).orElseThrow();
		other.dispatchTo("node-b", T0, JobFixtures.LEASE);
		assertThat(this.store.claim(List.of(other))).hasSize(1);
		read.forEach((job) -> job.dispatchTo("node-a", T0, JobFixtures.LEASE));

		List<Job> claimed = this.store.claim(read);

		assertThat(claimed).extracting(Job::id).containsExactly(kept.id());
		Job stored = this.store.find(kept.id()).orElseThrow();
		assertThat(stored.state()).isEqualTo(JobState.DISPATCHED);
		assertThat(stored.assignedWorker()).isEqualTo("node-a");
		assertThat(stored.attempt()).isEqualTo(1);
		assertThat(stored.leaseExpiresAt()).isEqualTo(T0.plus(JobFixtures.LEASE));
		assertThat(this.store.history(kept.id())).extracting(JobEvent::to)
			.containsExactly(JobState.QUEUED, JobState.DISPATCHED);
		assertThat(this.store.find(cancelled.id()).orElseThrow().state()).isEqualTo(JobState.CANCELLED);
		assertThat(this.store.find(takenElsewhere.id()).orElseThrow().assignedWorker()).isEqualTo("node-b");
		assertThat(this.store.history(takenElsewhere.id())).hasSize(2);
	}

	@Test
	void aClaimedJobCanBeChangedAgain() {
		Job job = JobFixtures.aQueuedJob();
		this.store.insert(List.of(job));
		Job read = this.store.nextQueued(T0.plusSeconds(1), 1).get(0);
		read.dispatchTo("node-a", T0, JobFixtures.LEASE);
		this.store.claim(List.of(read));
		read.recordProgress(1, "node-a", 1, null, T0.plusSeconds(1), JobFixtures.LEASE);
		assertThat(this.store.update(read)).isTrue();
		assertThat(this.store.find(job.id()).orElseThrow().state()).isEqualTo(JobState.RUNNING);
	}

	@Test
	void refusesAnUpdateBasedOnAStaleVersion() {
		Job job = JobFixtures.aQueuedJob();
		this.store.insert(List.of(job));
		Job first = this.store.find(job.id()).orElseThrow();
		Job second = this.store.find(job.id()).orElseThrow();
		first.cancel(T0);
		assertThat(this.store.update(first)).isTrue();
		second.dispatchTo("node-a", T0, JobFixtures.LEASE);
		assertThat(this.store.update(second)).isFalse();
		assertThat(this.store.find(job.id()).orElseThrow().state()).isEqualTo(JobState.CANCELLED);
	}

	@Test
	void roundTripsEveryFieldHistoryAndResult() {
		Job job = JobFixtures.aQueuedJob();
		this.store.insert(List.of(job));
		Job loaded = this.store.find(job.id()).orElseThrow();
		loaded.dispatchTo("node-a", T0.plusSeconds(1), JobFixtures.LEASE);
		loaded.recordProgress(1, "node-a", 1, "http://site.test/", T0.plusSeconds(2), JobFixtures.LEASE);
		loaded.succeed(1, "node-a", JobFixtures.aResult(), T0.plusSeconds(5));
		assertThat(this.store.update(loaded)).isTrue();
		Job reloaded = this.store.find(job.id()).orElseThrow();
		assertThat(reloaded.toRow()).usingRecursiveComparison()
			.ignoringFields("seq", "version")
			.isEqualTo(loaded.toRow());
		assertThat(reloaded.version()).isEqualTo(1);
		assertThat(this.store.history(job.id())).extracting(JobEvent::to)
			.containsExactly(JobState.QUEUED, JobState.DISPATCHED, JobState.RUNNING, JobState.SUCCEEDED);
		assertThat(this.store.readResult(job.id(), (reader) -> {
			try {
				return reader.transferTo(java.io.Writer.nullWriter()) > 0;
			}
			catch (java.io.IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
		})).contains(true);
		assertThat(this.store.averageDurationMs()).isEqualTo(4000.0);
	}

	@Test
	void tellsWhichJobsHaveAStoredResult() {
		Job done = JobFixtures.aQueuedJob();
		Job waiting = JobFixtures.aQueuedJob();
		this.store.insert(List.of(done, waiting));
		Job loaded = this.store.find(done.id()).orElseThrow();
		loaded.dispatchTo("node-a", T0.plusSeconds(1), JobFixtures.LEASE);
		loaded.succeed(1, "node-a", JobFixtures.aResult(), T0.plusSeconds(5));
		this.store.update(loaded);

		assertThat(this.store.withResult(List.of(done.id(), waiting.id(), new JobId("job_unknown"))))
			.containsExactly(done.id());
		assertThat(this.store.withResult(List.of())).isEmpty();
	}

	@Test
	void keepsTheCrawlOptionsOfAJob() {
		Map<String, ExtractRule> extract = new LinkedHashMap<>();
		extract.put("title", new ExtractRule("h1", null, null));
		extract.put("links", new ExtractRule("a[href]", "href", true));
		CrawlOptions options = new CrawlOptions(2, List.of("/blog/\\d+"), List.of("\\.pdf$"), 250, "MyBot/1.0",
				extract);
		JobSpec spec = new JobSpec("http://site.test/", 10, true, 30, 1, 3600, options);
		Job with = Job.accept(new JobId("job_options"), null, spec, T0, 0);
		Job without = JobFixtures.aQueuedJob();
		this.store.insert(List.of(with, without));
		CrawlOptions stored = this.store.find(with.id()).orElseThrow().spec().options();
		assertThat(stored).isEqualTo(options);
		assertThat(stored.extract()).containsOnlyKeys("title", "links");
		assertThat(List.copyOf(stored.extract().keySet())).containsExactly("title", "links");
		assertThat(this.store.find(without.id()).orElseThrow().spec().options()).isEqualTo(CrawlOptions.none());
		assertThat(this.store.nextQueued(T0.plusSeconds(1), 10)).extracting((job) -> job.spec().options())
			.contains(options, CrawlOptions.none());
	}

	@Test
	void keepsTheRequestIdOfAJobThroughItsChanges() {
		Job traced = Job.accept(new JobId("job_traced"), null, JobFixtures.aSpec(1), T0, 0, "abc");
		Job untraced = JobFixtures.aQueuedJob();
		this.store.insert(List.of(traced, untraced));

		Job dispatched = this.store.nextQueued(T0.plusSeconds(1), 10)
			.stream()
			.filter((job) -> job.id().equals(traced.id()))
			.findFirst()
			.orElseThrow();
		assertThat(dispatched.requestId()).isEqualTo("abc");
		dispatched.dispatchTo("node-a", T0, JobFixtures.LEASE);
		assertThat(this.store.claim(List.of(dispatched))).hasSize(1);
		Job running = this.store.find(traced.id()).orElseThrow();
		running.recordProgress(1, "node-a", 1, null, T0.plusSeconds(2), JobFixtures.LEASE);
		assertThat(this.store.update(running)).isTrue();

		assertThat(this.store.find(traced.id()).orElseThrow().requestId()).isEqualTo("abc");
		// as a job accepted before request ids were kept
		assertThat(this.store.find(untraced.id()).orElseThrow().requestId()).isNull();
	}

	@Test
	void countsWhatWorkersHoldAndWhatWaits() {
		Job held = JobFixtures.aQueuedJob();
		Job waiting = JobFixtures.aQueuedJobWithPriority(7, T0);
		this.store.insert(List.of(held, waiting));
		Job loaded = this.store.find(held.id()).orElseThrow();
		loaded.dispatchTo("node-a", T0, JobFixtures.LEASE);
		this.store.update(loaded);
		assertThat(this.store.activeCountByNode()).containsEntry("node-a", 1);
		assertThat(this.store.activeNodeByStartUrl()).containsExactlyEntriesOf(Map.of("http://site.test/", "node-a"));
		assertThat(this.store.countQueuedByPriority()).containsExactlyEntriesOf(Map.of(7, 1L));
		assertThat(this.store.findLeaseExpired(T0.plus(JobFixtures.LEASE).plusSeconds(1))).hasSize(1);
		assertThat(this.store.findBudgetEndedBefore(T0.plusSeconds(3601))).hasSize(1);
	}

	@Test
	void listsNewestFirstForEveryFormOfTheQuery() {
		List<Job> jobs = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			jobs.add(JobFixtures.aQueuedJobWithPriority(1, T0.plusSeconds(i)));
		}
		this.store.insert(jobs);
		for (int i : new int[] { 1, 4 }) {
			Job loaded = this.store.find(jobs.get(i).id()).orElseThrow();
			loaded.cancel(T0.plusSeconds(10));
			this.store.update(loaded);
		}
		assertThat(this.store.list(EnumSet.allOf(JobState.class), 3, 1)).extracting(Job::id)
			.containsExactly(jobs.get(4).id(), jobs.get(3).id(), jobs.get(2).id());
		assertThat(this.store.list(EnumSet.of(JobState.CANCELLED), 10, 0)).extracting(Job::id)
			.containsExactly(jobs.get(4).id(), jobs.get(1).id());
		assertThat(this.store.list(EnumSet.of(JobState.QUEUED, JobState.CANCELLED), 2, 0)).extracting(Job::id)
			.containsExactly(jobs.get(5).id(), jobs.get(4).id());
		assertThat(this.store.countActive()).isZero();
	}

	@Test
	void deletesOnlyFinishedJobsPastTheRetention() {
		Job old = JobFixtures.aQueuedJob();
		Job pending = JobFixtures.aQueuedJob();
		this.store.insert(List.of(old, pending));
		Job loaded = this.store.find(old.id()).orElseThrow();
		loaded.cancel(T0);
		this.store.update(loaded);
		assertThat(this.store.deleteFinishedBefore(T0.plusSeconds(1))).isEqualTo(1);
		assertThat(this.store.find(old.id())).isEmpty();
		assertThat(this.store.find(pending.id())).isPresent();
	}

}

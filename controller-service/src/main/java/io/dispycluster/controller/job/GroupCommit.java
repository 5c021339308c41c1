package io.dispycluster.controller.job;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes job changes that arrive from many request threads in shared transactions: the
 * changes that queued up while one commit was being written go into the next one together
 * (a group commit).
 * <p>
 * Why: the workers' reports are one small change each, and the commit is their largest
 * cost. H2 writes a chunk of every changed page at each commit (the store is opened with
 * {@code WRITE_DELAY=0} so that nothing accepted is lost), PostgreSQL flushes its log;
 * under load, one commit for a group of reports costs about what one commit for a single
 * report does. When nothing else is waiting, a change is written alone, as soon as it
 * arrives.
 * <p>
 * Each change is applied to the job as it is stored in the shared transaction, exactly as
 * {@link JobQueue#modify} would: a change that its job refuses (a stale attempt, a
 * refused transition, an unknown job) fails alone and writes nothing; a change whose job
 * moved on meanwhile (optimistic lock), or a group whose transaction fails as a whole, is
 * handed back and applied again on its own by {@link JobQueue#modify}.
 */
@Component
class GroupCommit implements SmartLifecycle {

	private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);

	/** The most changes in one transaction (a few hundred ms of reports at most). */
	static final int MAX_GROUP = 64;

	private final JobStore store;

	private final TransactionTemplate transactions;

	private final BlockingQueue<Change> waiting = new LinkedBlockingQueue<>();

	private volatile @Nullable Thread writer;

	GroupCommit(JobStore store, TransactionTemplate transactions) {
		this.store = store;
		this.transactions = transactions;
	}

	/**
	 * Applies a change in the next group and waits until it is committed.
	 * @param id the job
	 * @param change what to do, e.g. {@code job -> job.succeed(...)}
	 * @param alsoWrite what else to write in the same transaction once the job is saved
	 * @return the saved job, or {@code null} when the change must be applied again on its
	 * own (see {@link JobQueue#modify})
	 */
	@Nullable Job apply(JobId id, Consumer<Job> change, Consumer<Job> alsoWrite) {
		if (this.writer == null) {
			return null;
		}
		Change queued = new Change(id, change, alsoWrite);
		this.waiting.add(queued);
		if (this.writer == null) {
			// Stopped meanwhile: whatever the writer left is answered here.
			answerAlone(drain());
		}
		Outcome outcome = queued.outcome.join();
		if (outcome.refusal() != null) {
			throw outcome.refusal();
		}
		return outcome.job();
	}

	/** How many changes wait for the next group. */
	int waiting() {
		return this.waiting.size();
	}

	private void writeGroups() {
		while (this.writer == Thread.currentThread()) {
			List<Change> group = new ArrayList<>();
			try {
				group.add(this.waiting.take());
			}
			catch (InterruptedException ex) {
				break;
			}
			this.waiting.drainTo(group, MAX_GROUP - 1);
			write(group);
		}
		answerAlone(drain());
	}

	private void write(List<Change> group) {
		try {
			this.transactions.executeWithoutResult((status) -> {
				group.forEach(this::applyInTransaction);
				// Last, so that what they lock (a worker's row) is held only until the
				// commit.
				group.forEach(Change::writeAlso);
			});
		}
		catch (RuntimeException | Error ex) {
			// Nothing of the group was written: each change is applied again on its own,
			// so one change's database error cannot fail the others (and the writer
			// thread lives on whatever happened).
			LOG.debug("Group of {} job changes rolled back, applying them one by one: {}", group.size(), ex.toString());
			answerAlone(group);
			return;
		}
		group.forEach(Change::answer);
	}

	private void applyInTransaction(Change change) {
		Job job;
		try {
			job = this.store.find(change.id).orElseThrow(() -> new JobNotFoundException(change.id));
			change.change.accept(job);
		}
		catch (DataAccessException ex) {
			throw ex;
		}
		catch (RuntimeException refused) {
			// Refused by the job before anything was written for it.
			change.result = new Outcome(null, refused);
			return;
		}
		change.result = this.store.update(job) ? new Outcome(job, null) : Outcome.ALONE;
	}

	private List<Change> drain() {
		List<Change> left = new ArrayList<>();
		this.waiting.drainTo(left);
		return left;
	}

	private static void answerAlone(List<Change> changes) {
		changes.forEach((change) -> change.outcome.complete(Outcome.ALONE));
	}

	@Override
	public void start() {
		Thread thread = new Thread(this::writeGroups, "job-writer");
		thread.setDaemon(true);
		this.writer = thread;
		thread.start();
	}

	@Override
	public void stop() {
		Thread thread = this.writer;
		this.writer = null;
		if (thread != null) {
			thread.interrupt();
			try {
				thread.join(5_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		answerAlone(drain());
	}

	@Override
	public boolean isRunning() {
		return this.writer != null;
	}

	/**
	 * Stops after the web server (whose request threads wait here), before the database
	 * pool closes.
	 */
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE - 4096;
	}

	/** A change waiting for its group, and its outcome once the group is written. */
	private static final class Change {

		final JobId id;

		final Consumer<Job> change;

		final Consumer<Job> alsoWrite;

		final CompletableFuture<Outcome> outcome = new CompletableFuture<>();

		@Nullable Outcome result;

		Change(JobId id, Consumer<Job> change, Consumer<Job> alsoWrite) {
			this.id = id;
			this.change = change;
			this.alsoWrite = alsoWrite;
		}

		/** Writes what goes with a saved change. */
		void writeAlso() {
			Outcome saved = this.result;
			if (saved != null && saved.job() != null) {
				this.alsoWrite.accept(saved.job());
			}
		}

		void answer() {
			this.outcome.complete((this.result != null) ? this.result : Outcome.ALONE);
		}

	}

	/**
	 * What became of a change: saved ({@code job}), refused by its job ({@code refusal}),
	 * or to be applied again on its own (neither).
	 */
	private record Outcome(@Nullable Job job, @Nullable RuntimeException refusal) {

		static final Outcome ALONE = new Outcome(null, null);

	}

}

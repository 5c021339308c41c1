package io.dispycluster.controller.job;

import java.io.Reader;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The persistent job queue, as the other features see it: read jobs, change one through
 * its {@link Job} methods, and claim the next queued jobs for dispatch.
 */
@Service
public class JobQueue {

	private static final int MAX_TRIES = 5;

	private static final Consumer<Job> NOTHING_ELSE = (job) -> {
	};

	private final JobStore store;

	private final GroupCommit groupCommit;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final JobProperties properties;

	private final Clock clock;

	JobQueue(JobStore store, GroupCommit groupCommit, TransactionTemplate transactions,
			ApplicationEventPublisher events, JobProperties properties, Clock clock) {
		this.store = store;
		this.groupCommit = groupCommit;
		this.transactions = transactions;
		this.events = events;
		this.properties = properties;
		this.clock = clock;
	}

	/** The job, or {@link JobNotFoundException}. */
	public Job get(JobId id) {
		return this.store.find(id).orElseThrow(() -> new JobNotFoundException(id));
	}

	public Optional<Job> find(JobId id) {
		return this.store.find(id);
	}

	/** Whether the job was cancelled during the given attempt. */
	public boolean isCancelled(JobId id, int attempt) {
		return this.store.isCancelled(id, attempt);
	}

	/**
	 * Loads the job, applies a change through its methods and saves it, in one
	 * transaction. If another thread or controller changed the job meanwhile, the change
	 * is applied again to the fresh job, so its guards see the latest state.
	 * @param id the job
	 * @param change what to do, e.g. {@code job -> job.cancel(now)}
	 * @return the saved job
	 */
	public Job modify(JobId id, Consumer<Job> change) {
		return modify(id, change, NOTHING_ELSE);
	}

	/**
	 * Like {@link #modify(JobId, Consumer)}, and writes something more in the same
	 * transaction once the job is saved.
	 * @param id the job
	 * @param change what to do to the job
	 * @param alsoWrite what else to write, e.g. a worker's completion count
	 * @return the saved job
	 */
	public Job modify(JobId id, Consumer<Job> change, Consumer<Job> alsoWrite) {
		for (int tries = 1;; tries++) {
			try {
				return this.transactions.execute((status) -> {
					Job job = get(id);
					change.accept(job);
					save(job);
					alsoWrite.accept(job);
					return job;
				});
			}
			catch (ConcurrencyFailureException ex) {
				if (tries >= MAX_TRIES) {
					throw ex;
				}
			}
		}
	}

	/**
	 * Like {@link #modify(JobId, Consumer)}, in a transaction shared with the changes
	 * other threads make at the same moment (see {@link GroupCommit}): for the workers'
	 * reports, which come many at a time and change one job each.
	 * @param id the job
	 * @param change what to do to the job
	 * @return the saved job
	 */
	public Job modifyInGroup(JobId id, Consumer<Job> change) {
		return modifyInGroup(id, change, NOTHING_ELSE);
	}

	/**
	 * Like {@link #modifyInGroup(JobId, Consumer)}, and writes something more in the same
	 * transaction once the job is saved.
	 * @param id the job
	 * @param change what to do to the job
	 * @param alsoWrite what else to write, e.g. a worker's completion count
	 * @return the saved job
	 */
	public Job modifyInGroup(JobId id, Consumer<Job> change, Consumer<Job> alsoWrite) {
		Job job = this.groupCommit.apply(id, change, alsoWrite);
		return (job != null) ? job : modify(id, change, alsoWrite);
	}

	/**
	 * Saves a job changed inside the caller's transaction.
	 * @param job the changed job
	 * @throws OptimisticLockingFailureException if the job changed since it was read
	 */
	public void save(Job job) {
		if (!this.store.update(job)) {
			throw new OptimisticLockingFailureException("Job " + job.id() + " changed concurrently");
		}
	}

	/**
	 * Cancels a job; a worker holding it is told (through {@link JobCancelled}).
	 * @param id the job
	 * @return the cancelled job
	 */
	public Job cancel(JobId id) {
		AtomicReference<@Nullable JobCancelled> notice = new AtomicReference<>();
		Job job = modify(id, (j) -> {
			notice.set(j.state().isActive() && j.assignedWorker() != null
					? new JobCancelled(j.id(), j.attempt(), j.assignedWorker()) : null);
			j.cancel(this.clock.instant());
		});
		JobCancelled cancelled = notice.get();
		if (cancelled != null) {
			this.events.publishEvent(cancelled);
		}
		return job;
	}

	/**
	 * Queues a failed or cancelled job again.
	 * @param id the job
	 * @return the queued job
	 */
	public Job retry(JobId id) {
		Job job = modify(id, (j) -> {
			Instant now = this.clock.instant();
			j.retry(now, rank(j.spec().priority(), now));
		});
		this.events.publishEvent(new JobsQueued(1));
		return job;
	}

	/** The queue rank of a job of this priority queued now (see {@link QueueOrder}). */
	long rank(int priority, Instant now) {
		return QueueOrder.rank(priority, now, this.properties.agingInterval());
	}

	/**
	 * Takes the dispatch lock until the caller's transaction ends: dispatch passes (of
	 * this and of other controllers on the same database) run one at a time.
	 */
	public void lockForDispatch() {
		this.store.lockDispatch();
	}

	/**
	 * The next dispatchable jobs in queue order, read without locking: change them with
	 * {@link Job#dispatchTo} and write them with {@link #claim(List)}.
	 * @param now the current time (jobs in backoff are not dispatchable yet)
	 * @param limit the most jobs to return
	 * @return the jobs, in {@link QueueOrder}
	 */
	public List<Job> nextQueued(Instant now, int limit) {
		return this.store.nextQueued(now, limit);
	}

	/**
	 * Writes dispatched jobs inside the caller's transaction, each only if it is still
	 * queued as it was read: a job that someone else took or changed meanwhile is
	 * skipped, so no job is ever dispatched twice.
	 * @param dispatched jobs from {@link #nextQueued} after {@link Job#dispatchTo}
	 * @return those that were claimed
	 */
	public List<Job> claim(List<Job> dispatched) {
		return this.store.claim(dispatched);
	}

	/** How many jobs each worker holds (dispatched or running), by node name. */
	public Map<String, Integer> activeCountByNode() {
		return this.store.activeCountByNode();
	}

	/**
	 * The start URL of each job a worker holds (dispatched or running), with the worker.
	 */
	public Map<String, String> activeNodeByStartUrl() {
		return this.store.activeNodeByStartUrl();
	}

	/** Jobs a worker holds. */
	public List<Job> activeOn(String node) {
		return this.store.findActiveOn(node);
	}

	/** Jobs whose worker has not renewed the lease in time. */
	public List<Job> leaseExpired(Instant now) {
		return this.store.findLeaseExpired(now);
	}

	/** Jobs whose current attempt's budget ended before {@code cutoff}. */
	public List<Job> budgetEndedBefore(Instant cutoff) {
		return this.store.findBudgetEndedBefore(cutoff);
	}

	/** Jobs in the given states, newest first. */
	public List<Job> list(Collection<JobState> states, int limit, int offset) {
		return this.store.list(states, limit, offset);
	}

	/** The last jobs a worker finished, most recent first. */
	public List<Job> recentFinishedOn(String node, int limit) {
		return this.store.recentFinishedOn(node, limit);
	}

	/** How many jobs workers hold (dispatched or running). */
	public long countActive() {
		return this.store.countActive();
	}

	public Map<JobState, Long> countByState() {
		return this.store.countByState();
	}

	/** Queued jobs by priority (only priorities that have some). */
	public Map<Integer, Long> countQueuedByPriority() {
		return this.store.countQueuedByPriority();
	}

	/** The mean run time of completed jobs in seconds, if any completed. */
	public OptionalDouble averageDurationSeconds() {
		Double ms = this.store.averageDurationMs();
		return (ms != null) ? OptionalDouble.of(ms / 1000.0) : OptionalDouble.empty();
	}

	public List<JobEvent> history(JobId id) {
		return this.store.history(id);
	}

	/** Which of the given jobs have a stored result. */
	public Set<JobId> withResult(Collection<JobId> ids) {
		return this.store.withResult(ids);
	}

	/** Reads a job's stored result, if it has one, as a character stream. */
	public <T> Optional<T> readResult(JobId id, Function<Reader, T> reader) {
		return this.store.readResult(id, reader);
	}

}

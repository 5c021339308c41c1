package io.dispycluster.controller.job;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A scrape job: the aggregate that owns the job lifecycle. Every change of state goes
 * through one of the intention-revealing methods below; each checks the move against
 * {@link JobStateTransitions} (and, for worker reports, that the attempt is the current
 * one) and appends a {@link JobEvent} to the job's history.
 * <p>
 * An <em>attempt</em> is one dispatch to a worker. Attempts are numbered from 1 and never
 * reused, so a report names the attempt it belongs to and a late report of an older
 * attempt is refused. A <em>lost</em> attempt (worker gone, lease expired, assignment
 * failed) sends the job back to the queue; once {@code maxAttempts} are lost the job
 * fails.
 */
public final class Job {

	private static final int MAX_TEXT = 2000;

	/** How the history entry of a lost attempt begins; its reason follows. */
	static final String REQUEUED = "requeued: ";

	private static final int MAX_URL = 2083;

	private final JobId id;

	private final long seq;

	private final @Nullable String batchId;

	private final JobSpec spec;

	private final Instant createdAt;

	private final @Nullable String requestId;

	private JobState state;

	private long queueRank;

	private Instant notBefore;

	private int attempt;

	private int lostAttempts;

	private @Nullable String assignedWorker;

	private @Nullable Instant startedAt;

	private @Nullable Instant leaseExpiresAt;

	private @Nullable Instant budgetEndsAt;

	private @Nullable Instant completedAt;

	private @Nullable Long durationMs;

	private int pagesCrawled;

	private @Nullable String currentUrl;

	private @Nullable String error;

	private long version;

	private final List<JobEvent> unsavedEvents = new ArrayList<>();

	private @Nullable ResultDocument unsavedResult;

	private boolean resultDiscarded;

	Job(JobRow row) {
		this.id = new JobId(row.id());
		this.seq = row.seq();
		this.batchId = row.batchId();
		this.spec = row.spec();
		this.createdAt = row.createdAt();
		this.requestId = row.requestId();
		this.state = row.state();
		this.queueRank = row.queueRank();
		this.notBefore = row.notBefore();
		this.attempt = row.attempt();
		this.lostAttempts = row.lostAttempts();
		this.assignedWorker = row.assignedWorker();
		this.startedAt = row.startedAt();
		this.leaseExpiresAt = row.leaseExpiresAt();
		this.budgetEndsAt = row.budgetEndsAt();
		this.completedAt = row.completedAt();
		this.durationMs = row.durationMs();
		this.pagesCrawled = row.pagesCrawled();
		this.currentUrl = row.currentUrl();
		this.error = row.error();
		this.version = row.version();
	}

	/**
	 * A newly accepted job, queued at once.
	 * @param id its id
	 * @param batchId the batch it belongs to, or null
	 * @param spec what it asks for
	 * @param now the time of acceptance
	 * @param queueRank its place in the queue (see {@link QueueOrder})
	 * @return the job, not yet stored
	 */
	public static Job accept(JobId id, @Nullable String batchId, JobSpec spec, Instant now, long queueRank) {
		return accept(id, batchId, spec, now, queueRank, null);
	}

	/**
	 * A newly accepted job, queued at once, that keeps the id of the request that
	 * submitted it.
	 * @param id its id
	 * @param batchId the batch it belongs to, or null
	 * @param spec what it asks for
	 * @param now the time of acceptance
	 * @param queueRank its place in the queue (see {@link QueueOrder})
	 * @param requestId the {@code X-Request-Id} of the submitting request, or null
	 * @return the job, not yet stored
	 */
	public static Job accept(JobId id, @Nullable String batchId, JobSpec spec, Instant now, long queueRank,
			@Nullable String requestId) {
		Job job = new Job(new JobRow(id.value(), 0, batchId, spec, JobState.QUEUED, now, queueRank, now, 0, 0, null,
				null, null, null, null, null, 0, null, null, 0, requestId));
		job.unsavedEvents.add(new JobEvent(now, null, JobState.QUEUED, 0, null, "accepted"));
		return job;
	}

	/**
	 * Claims the job for a worker as a new attempt, holding a lease until
	 * {@code now + lease}.
	 * @param node the worker's node name
	 * @param now the time of dispatch
	 * @param lease how long the attempt lives without news from the worker
	 */
	public void dispatchTo(String node, Instant now, Duration lease) {
		JobState from = checkMove(JobState.DISPATCHED);
		this.attempt++;
		this.assignedWorker = node;
		this.startedAt = now;
		this.leaseExpiresAt = now.plus(lease);
		this.budgetEndsAt = now.plusSeconds(this.spec.maxDurationS());
		this.pagesCrawled = 0;
		this.currentUrl = null;
		record(from, JobState.DISPATCHED, now, "dispatched to " + node);
	}

	/**
	 * The worker reports progress on {@code attempt}; the lease is renewed. The first
	 * report moves a dispatched job to running. Progress on the attempt a user cancelled
	 * changes nothing and is not refused: the stop is on its way to the worker, which
	 * then reports what it crawled (refused, the worker would drop the attempt without
	 * that report).
	 * @param attempt the reported attempt
	 * @param node the reporting worker
	 * @param pagesDone pages crawled so far
	 * @param url the URL being fetched, or null
	 * @param now the time of the report
	 * @param lease the lease duration
	 */
	public void recordProgress(int attempt, String node, int pagesDone, @Nullable String url, Instant now,
			Duration lease) {
		if (cancelledDuring(attempt, node)) {
			return;
		}
		checkCurrent(attempt, node);
		this.pagesCrawled = Math.max(0, pagesDone);
		this.currentUrl = truncate(url, MAX_URL);
		this.leaseExpiresAt = now.plus(lease);
		if (this.state == JobState.DISPATCHED) {
			record(checkMove(JobState.RUNNING), JobState.RUNNING, now, "running on " + node);
		}
	}

	/**
	 * Renews the lease of {@code attempt} if it is still the current one, for example
	 * because the worker listed it among its assignments.
	 * @param attempt the attempt the worker holds
	 * @param now the time it was seen
	 * @param lease the lease duration
	 * @return whether the lease was renewed
	 */
	public boolean renewLease(int attempt, Instant now, Duration lease) {
		if (!this.state.isActive() || attempt != this.attempt) {
			return false;
		}
		this.leaseExpiresAt = now.plus(lease);
		return true;
	}

	/**
	 * The worker reports that {@code attempt} crawled to its end.
	 * @param attempt the reported attempt
	 * @param node the reporting worker
	 * @param result the crawl result
	 * @param now the time of the report
	 */
	public void succeed(int attempt, String node, ResultDocument result, Instant now) {
		checkCurrent(attempt, node);
		JobState from = checkMove(JobState.SUCCEEDED);
		keepResult(result);
		this.error = null;
		finish(from, JobState.SUCCEEDED, now, "completed by " + node);
	}

	/**
	 * The worker reports that {@code attempt} could not crawl; the job fails with the
	 * worker's reason (such a failure is not retried: it would fail the same way).
	 * @param attempt the reported attempt
	 * @param node the reporting worker
	 * @param reason the worker's reason
	 * @param partial whatever was crawled, or null
	 * @param now the time of the report
	 */
	public void failAttempt(int attempt, String node, String reason, @Nullable ResultDocument partial, Instant now) {
		checkCurrent(attempt, node);
		JobState from = checkMove(JobState.FAILED);
		if (partial != null) {
			keepResult(partial);
		}
		this.error = truncate(reason, MAX_TEXT);
		finish(from, JobState.FAILED, now, "failed on " + node + ": " + reason);
	}

	/**
	 * The current attempt is lost (worker offline, lease expired, assignment failed). The
	 * job goes back to the queue, not before {@code now + backoff}, or fails once
	 * {@code maxAttempts} attempts are lost.
	 * @param attempt the attempt that was lost
	 * @param reason why
	 * @param now the time it was noticed
	 * @param backoff how long the job waits before its next dispatch
	 * @param maxAttempts how many lost attempts fail the job
	 * @return whether the job is queued again (false: it failed)
	 */
	public boolean requeue(int attempt, String reason, Instant now, Duration backoff, int maxAttempts) {
		checkCurrent(attempt, null);
		this.lostAttempts++;
		if (this.lostAttempts >= maxAttempts) {
			JobState from = checkMove(JobState.FAILED);
			this.error = truncate(
					"attempts_exhausted: " + this.lostAttempts + " attempts lost, the last because " + reason,
					MAX_TEXT);
			finish(from, JobState.FAILED, now, "attempts exhausted: " + reason);
			return false;
		}
		JobState from = checkMove(JobState.QUEUED);
		record(from, JobState.QUEUED, now, REQUEUED + reason);
		backToQueue(now.plus(backoff));
		return true;
	}

	/**
	 * The worker refused the assignment because it is at capacity: the job goes back to
	 * the queue at once, and the attempt does not count as lost.
	 * @param attempt the refused attempt
	 * @param reason why
	 * @param now the time of the refusal
	 */
	public void returnToQueue(int attempt, String reason, Instant now) {
		checkCurrent(attempt, null);
		record(checkMove(JobState.QUEUED), JobState.QUEUED, now, "returned to queue: " + reason);
		backToQueue(now);
	}

	/**
	 * The current attempt ran past the job's budget plus the grace period: the job fails
	 * with reason {@code timeout}, keeping whatever result it has.
	 * @param attempt the attempt that ran too long
	 * @param now the time it was noticed
	 */
	public void timeOut(int attempt, Instant now) {
		checkCurrent(attempt, null);
		JobState from = checkMove(JobState.FAILED);
		this.error = "timeout: no result within max_duration_s (" + this.spec.maxDurationS()
				+ " s) plus the grace period";
		finish(from, JobState.FAILED, now, "timeout");
	}

	/**
	 * A user cancels the job; a finished job cannot be cancelled.
	 * @param now the time of the cancellation
	 */
	public void cancel(Instant now) {
		JobState from = checkMove(JobState.CANCELLED);
		finish(from, JobState.CANCELLED, now, "cancelled by user");
	}

	/**
	 * The worker that crawled {@code attempt} when a user cancelled it reports what it
	 * had crawled by then: the job stays cancelled and keeps those pages as its result.
	 * @param attempt the attempt the user cancelled
	 * @param node the reporting worker
	 * @param partial what the attempt crawled before it stopped
	 * @throws StaleAttemptException unless the job was cancelled during this attempt on
	 * this worker
	 */
	public void keepResultOfCancelledAttempt(int attempt, String node, ResultDocument partial) {
		if (!cancelledDuring(attempt, node)) {
			throw new StaleAttemptException(this.id, attempt, this.attempt, this.state);
		}
		keepResult(partial);
	}

	/** Whether a user cancelled the job during {@code attempt} on {@code node}. */
	private boolean cancelledDuring(int attempt, String node) {
		return this.state == JobState.CANCELLED && attempt == this.attempt && this.assignedWorker != null
				&& this.assignedWorker.equals(node);
	}

	/**
	 * A user queues a failed or cancelled job again, as a fresh start: its lost attempts
	 * are forgotten and its old result discarded (attempt numbers keep counting).
	 * @param now the time of the retry
	 * @param queueRank its new place in the queue
	 */
	public void retry(Instant now, long queueRank) {
		if (this.state != JobState.FAILED && this.state != JobState.CANCELLED) {
			throw new IllegalJobTransitionException(this.id, this.state, JobState.QUEUED);
		}
		JobState from = checkMove(JobState.QUEUED);
		record(from, JobState.QUEUED, now, "retried by user");
		this.lostAttempts = 0;
		this.queueRank = queueRank;
		this.error = null;
		this.completedAt = null;
		this.durationMs = null;
		this.pagesCrawled = 0;
		this.resultDiscarded = true;
		this.unsavedResult = null;
		backToQueue(now);
	}

	private JobState checkMove(JobState to) {
		if (!JobStateTransitions.isAllowed(this.state, to)) {
			throw new IllegalJobTransitionException(this.id, this.state, to);
		}
		return this.state;
	}

	private void checkCurrent(int attempt, @Nullable String node) {
		boolean current = this.state.isActive() && attempt == this.attempt
				&& (node == null || node.equals(this.assignedWorker));
		if (!current) {
			throw new StaleAttemptException(this.id, attempt, this.attempt, this.state);
		}
	}

	private void record(JobState from, JobState to, Instant now, String reason) {
		this.unsavedEvents
			.add(new JobEvent(now, from, to, this.attempt, this.assignedWorker, truncate(reason, MAX_TEXT)));
		this.state = to;
	}

	private void finish(JobState from, JobState to, Instant now, String reason) {
		record(from, to, now, reason);
		this.completedAt = now;
		this.durationMs = (this.startedAt != null && to != JobState.CANCELLED)
				? Duration.between(this.startedAt, now).toMillis() : null;
		this.leaseExpiresAt = null;
		this.budgetEndsAt = null;
		this.currentUrl = null;
	}

	private void backToQueue(Instant notBefore) {
		this.notBefore = notBefore;
		this.assignedWorker = null;
		this.startedAt = null;
		// The next attempt crawls from the start URL again.
		this.pagesCrawled = 0;
		this.leaseExpiresAt = null;
		this.budgetEndsAt = null;
		this.currentUrl = null;
	}

	private void keepResult(ResultDocument result) {
		this.unsavedResult = result;
		this.resultDiscarded = false;
		this.pagesCrawled = result.pagesCrawled();
	}

	private static @Nullable String truncate(@Nullable String text, int max) {
		return (text == null || text.length() <= max) ? text : text.substring(0, max);
	}

	public JobId id() {
		return this.id;
	}

	/** The store's insertion sequence: the FIFO tie-break of the queue order. */
	public long seq() {
		return this.seq;
	}

	public @Nullable String batchId() {
		return this.batchId;
	}

	public JobSpec spec() {
		return this.spec;
	}

	public Instant createdAt() {
		return this.createdAt;
	}

	/**
	 * The {@code X-Request-Id} of the request that submitted the job, which its
	 * assignments carry and its log lines show; null for a job accepted before it was
	 * kept.
	 */
	public @Nullable String requestId() {
		return this.requestId;
	}

	public JobState state() {
		return this.state;
	}

	/** The job's place in the queue: smaller runs first (see {@link QueueOrder}). */
	public long queueRank() {
		return this.queueRank;
	}

	/** The earliest time the job may be dispatched (later than now during a backoff). */
	public Instant notBefore() {
		return this.notBefore;
	}

	/** The current (or last) attempt number; 0 before the first dispatch. */
	public int attempt() {
		return this.attempt;
	}

	/** How many attempts were lost since the job was accepted or retried. */
	public int lostAttempts() {
		return this.lostAttempts;
	}

	public @Nullable String assignedWorker() {
		return this.assignedWorker;
	}

	/** When the current (or last) attempt was dispatched. */
	public @Nullable Instant startedAt() {
		return this.startedAt;
	}

	public @Nullable Instant leaseExpiresAt() {
		return this.leaseExpiresAt;
	}

	/** When the current attempt's {@code max_duration_s} runs out. */
	public @Nullable Instant budgetEndsAt() {
		return this.budgetEndsAt;
	}

	public @Nullable Instant completedAt() {
		return this.completedAt;
	}

	/** How long the finished attempt ran, or null. */
	public @Nullable Long durationMs() {
		return this.durationMs;
	}

	public int pagesCrawled() {
		return this.pagesCrawled;
	}

	public @Nullable String currentUrl() {
		return this.currentUrl;
	}

	public @Nullable String error() {
		return this.error;
	}

	long version() {
		return this.version;
	}

	/** The history entries added since the job was loaded or saved. */
	public List<JobEvent> unsavedEvents() {
		return List.copyOf(this.unsavedEvents);
	}

	@Nullable ResultDocument unsavedResult() {
		return this.unsavedResult;
	}

	boolean resultDiscarded() {
		return this.resultDiscarded;
	}

	void saved(long storedVersion) {
		this.version = storedVersion;
		this.unsavedEvents.clear();
		this.unsavedResult = null;
		this.resultDiscarded = false;
	}

	JobRow toRow() {
		return new JobRow(this.id.value(), this.seq, this.batchId, this.spec, this.state, this.createdAt,
				this.queueRank, this.notBefore, this.attempt, this.lostAttempts, this.assignedWorker, this.startedAt,
				this.leaseExpiresAt, this.budgetEndsAt, this.completedAt, this.durationMs, this.pagesCrawled,
				this.currentUrl, this.error, this.version, this.requestId);
	}

	@Override
	public String toString() {
		return "Job(id=" + this.id + ", state=" + this.state + ", attempt=" + this.attempt + ")";
	}

}

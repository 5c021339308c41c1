package io.dispycluster.scheduler.scrape;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import io.dispycluster.model.job.BatchCreated;
import io.dispycluster.model.job.BatchScrapeRequest;
import io.dispycluster.model.job.JobStatus;
import io.dispycluster.scheduler.system.RunProperties;
import io.dispycluster.scheduler.system.Sql;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The stored scrapes: what their owners ask for and read, and what the
 * {@link ScrapeTracker} updates.
 */
@Repository
public class Scrapes {

	private static final int ERROR_LENGTH = 2000;

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final RunProperties properties;

	Scrapes(JdbcClient jdbc, JsonMapper json, RunProperties properties) {
		this.jdbc = jdbc;
		this.json = json;
		this.properties = properties;
	}

	/**
	 * Stores a batch to submit to the controller on the next tick.
	 * @param owner who asks (used in logs and in the idempotency key)
	 * @param batch the batch
	 * @param now the current time
	 * @return the scrape's id
	 */
	public long request(String owner, BatchScrapeRequest batch, Instant now) {
		KeyHolder key = new GeneratedKeyHolder();
		this.jdbc.sql("""
				INSERT INTO scrape (owner, request, state, attempts, next_attempt_at, deadline, created_at,
				                    jobs_total, jobs_completed, jobs_failed, pages_crawled)
				VALUES (:owner, :request, 'PENDING', 0, :now, :deadline, :now, 0, 0, 0, 0)""")
			.param("owner", owner)
			.param("request", this.json.writeValueAsString(batch))
			.param("now", Sql.timestamp(now))
			.param("deadline", Sql.timestamp(now.plus(this.properties.followTimeout())))
			.update(key, "id");
		return key.getKeyAs(Number.class).longValue();
	}

	/** A scrape, if it exists. */
	public Optional<ScrapeView> find(long id) {
		Optional<ScrapeRow> row = this.jdbc.sql("SELECT * FROM scrape WHERE id = :id")
			.param("id", id)
			.query((rs, n) -> new ScrapeRow(rs.getLong("id"), ScrapeState.valueOf(rs.getString("state")),
					rs.getString("batch_id"), rs.getInt("jobs_completed"), rs.getInt("jobs_failed"),
					rs.getInt("pages_crawled"), rs.getString("error")))
			.optional();
		return row.map((scrape) -> scrape.view(jobIds(id)));
	}

	private List<String> jobIds(long scrapeId) {
		return this.jdbc.sql("SELECT job_id FROM scrape_job WHERE scrape_id = :id ORDER BY position")
			.param("id", scrapeId)
			.query(String.class)
			.list();
	}

	/**
	 * Scrapes to submit now: pending ones, and submissions abandoned by a crashed
	 * instance.
	 */
	List<Long> due(Instant now, int limit) {
		return this.jdbc.sql("""
				SELECT id FROM scrape WHERE state IN ('PENDING', 'SUBMITTING') AND next_attempt_at <= :now
				ORDER BY id FETCH FIRST :limit ROWS ONLY""")
			.param("now", Sql.timestamp(now))
			.param("limit", limit)
			.query(Long.class)
			.list();
	}

	/**
	 * Takes a due scrape for submission; false if another instance took it first.
	 * @param leaseUntil when the submission counts as abandoned
	 */
	boolean claim(long id, Instant now, Instant leaseUntil) {
		return this.jdbc.sql("""
				UPDATE scrape SET state = 'SUBMITTING', attempts = attempts + 1, next_attempt_at = :lease
				WHERE id = :id AND state IN ('PENDING', 'SUBMITTING') AND next_attempt_at <= :now""")
			.param("id", id)
			.param("now", Sql.timestamp(now))
			.param("lease", Sql.timestamp(leaseUntil))
			.update() == 1;
	}

	/**
	 * Ends the leases of every submission under way, so that they are due at once: for
	 * use at start-up only where no other instance can hold one.
	 * @return how many there were
	 */
	int endSubmissionLeases(Instant now) {
		return this.jdbc
			.sql("UPDATE scrape SET next_attempt_at = :now WHERE state = 'SUBMITTING' AND next_attempt_at > :now")
			.param("now", Sql.timestamp(now))
			.update();
	}

	/** What to submit for a claimed scrape. */
	Submission submission(long id) {
		return this.jdbc.sql("SELECT owner, request, attempts FROM scrape WHERE id = :id")
			.param("id", id)
			.query((rs, n) -> new Submission(id, rs.getString("owner"),
					this.json.readValue(rs.getString("request"), BatchScrapeRequest.class), rs.getInt("attempts")))
			.single();
	}

	/** The controller accepted the batch: record its jobs and start following them. */
	@Transactional
	public void accepted(long id, BatchCreated created, Instant now) {
		int updated = this.jdbc.sql("""
				UPDATE scrape SET state = 'RUNNING', submitted_at = :now, batch_id = :batch, jobs_total = :total,
				                  error = NULL
				WHERE id = :id AND state = 'SUBMITTING'""")
			.param("id", id)
			.param("now", Sql.timestamp(now))
			.param("batch", created.batchId())
			.param("total", created.jobIds().size())
			.update();
		if (updated == 0) {
			return;
		}
		for (int i = 0; i < created.jobIds().size(); i++) {
			this.jdbc.sql("""
					INSERT INTO scrape_job (scrape_id, position, job_id, status, pages_crawled)
					VALUES (:id, :position, :job, 'PENDING', 0)""")
				.param("id", id)
				.param("position", i)
				.param("job", created.jobIds().get(i))
				.update();
		}
		finishIfDone(id, now);
	}

	/** The submission failed for a reason that may pass: try again at a later time. */
	void retryAt(long id, Instant at, String error) {
		this.jdbc
			.sql("UPDATE scrape SET state = 'PENDING', next_attempt_at = :at, error = :error "
					+ "WHERE id = :id AND state = 'SUBMITTING'")
			.param("id", id)
			.param("at", Sql.timestamp(at))
			.param("error", Sql.fit(error, ERROR_LENGTH))
			.update();
	}

	/**
	 * The scrape failed for good, or its owner gave up on it: the jobs the controller has
	 * not finished are to be cancelled, so that no work is left running that nobody will
	 * read.
	 */
	@Transactional
	public void fail(long id, String error, Instant now) {
		this.jdbc.sql("""
				UPDATE scrape SET state = 'FAILED', finished_at = :now, error = :error
				WHERE id = :id AND state IN ('PENDING', 'SUBMITTING', 'RUNNING')""")
			.param("id", id)
			.param("now", Sql.timestamp(now))
			.param("error", Sql.fit(error, ERROR_LENGTH))
			.update();
		this.jdbc.sql("""
				UPDATE scrape_job SET cancel_requested = TRUE
				WHERE scrape_id = :id AND status NOT IN ('COMPLETED', 'FAILED', 'CANCELLED')""")
			.param("id", id)
			.update();
	}

	/** Jobs of failed scrapes the controller has not been asked to cancel yet. */
	List<TrackedJob> jobsToCancel(int limit) {
		return this.jdbc.sql("""
				SELECT scrape_id, position, job_id FROM scrape_job WHERE cancel_requested
				ORDER BY scrape_id, position FETCH FIRST :limit ROWS ONLY""")
			.param("limit", limit)
			.query((rs, n) -> new TrackedJob(rs.getLong("scrape_id"), rs.getInt("position"), rs.getString("job_id")))
			.list();
	}

	/** The controller has cancelled the job. */
	void cancelled(TrackedJob job) {
		this.jdbc.sql("""
				UPDATE scrape_job SET cancel_requested = FALSE, status = 'CANCELLED'
				WHERE scrape_id = :id AND position = :position""")
			.param("id", job.scrapeId())
			.param("position", job.position())
			.update();
	}

	/** The job had already finished (or is gone): there is nothing to cancel. */
	void nothingToCancel(TrackedJob job) {
		this.jdbc.sql("UPDATE scrape_job SET cancel_requested = FALSE WHERE scrape_id = :id AND position = :position")
			.param("id", job.scrapeId())
			.param("position", job.position())
			.update();
	}

	/** Scrapes whose jobs are followed, after a scrape id, oldest first. */
	List<RunningScrape> running(long afterId, int limit) {
		return this.jdbc
			.sql("SELECT id, deadline FROM scrape WHERE state = 'RUNNING' AND id > :after ORDER BY id "
					+ "FETCH FIRST :limit ROWS ONLY")
			.param("after", afterId)
			.param("limit", limit)
			.query((rs, n) -> new RunningScrape(rs.getLong("id"), Sql.requiredInstant(rs, "deadline")))
			.list();
	}

	/** The jobs of a scrape that have not finished yet. */
	List<TrackedJob> unfinishedJobs(long id) {
		return this.jdbc.sql("""
				SELECT position, job_id FROM scrape_job
				WHERE scrape_id = :id AND status NOT IN ('COMPLETED', 'FAILED', 'CANCELLED') ORDER BY position""")
			.param("id", id)
			.query((rs, n) -> new TrackedJob(id, rs.getInt("position"), rs.getString("job_id")))
			.list();
	}

	/** Records what the controller says of a job. */
	void updateJob(TrackedJob job, JobStatus status, int pagesCrawled, @Nullable String error) {
		this.jdbc.sql("""
				UPDATE scrape_job SET status = :status, pages_crawled = :pages, error = :error
				WHERE scrape_id = :id AND position = :position""")
			.param("id", job.scrapeId())
			.param("position", job.position())
			.param("status", status.name())
			.param("pages", pagesCrawled)
			.param("error", Sql.fit(error, ERROR_LENGTH))
			.update();
	}

	/**
	 * Refreshes a running scrape's counts from its jobs, and finishes it when every job
	 * has finished: completed if all completed, failed otherwise.
	 */
	@Transactional
	public void finishIfDone(long id, Instant now) {
		List<JobRow> jobs = this.jdbc
			.sql("SELECT job_id, status, pages_crawled, error FROM scrape_job "
					+ "WHERE scrape_id = :id ORDER BY position")
			.param("id", id)
			.query((rs, n) -> new JobRow(rs.getString("job_id"), JobStatus.valueOf(rs.getString("status")),
					rs.getInt("pages_crawled"), rs.getString("error")))
			.list();
		int completed = 0;
		int pages = 0;
		List<String> failures = new ArrayList<>();
		for (JobRow job : jobs) {
			pages += job.pagesCrawled();
			if (job.status() == JobStatus.COMPLETED) {
				completed++;
			}
			else if (job.status().isFinished()) {
				// Without an error (a job cancelled by a user), its status as the API
				// writes it.
				failures.add(job.jobId() + ": "
						+ ((job.error() != null) ? job.error() : job.status().name().toLowerCase(Locale.ROOT)));
			}
		}
		boolean done = completed + failures.size() == jobs.size();
		String state = !done ? "RUNNING" : failures.isEmpty() ? "COMPLETED" : "FAILED";
		String error = failures.isEmpty() ? null
				: failures.size() + " of " + jobs.size() + " jobs did not complete; " + String.join("; ", failures);
		this.jdbc.sql("""
				UPDATE scrape SET state = :state, jobs_completed = :completed, jobs_failed = :failed,
				                  pages_crawled = :pages, error = :error, finished_at = :finished
				WHERE id = :id AND state = 'RUNNING'""")
			.param("id", id)
			.param("state", state)
			.param("completed", completed)
			.param("failed", failures.size())
			.param("pages", pages)
			.param("error", Sql.fit(error, ERROR_LENGTH))
			.param("finished", done ? Sql.timestamp(now) : null)
			.update();
	}

	/** Deletes finished scrapes that no run refers to any more. */
	int deleteFinishedBefore(Instant before) {
		return this.jdbc.sql("""
				DELETE FROM scrape WHERE state IN ('COMPLETED', 'FAILED') AND finished_at < :before""")
			.param("before", Sql.timestamp(before))
			.update();
	}

	/**
	 * The current backoff before attempt {@code attempt + 1}: doubles, at most one hour.
	 */
	Duration backoff(int attempt) {
		Duration backoff = this.properties.submitBackoff().multipliedBy(1L << Math.min(attempt - 1, 20));
		return (backoff.compareTo(Duration.ofHours(1)) > 0) ? Duration.ofHours(1) : backoff;
	}

	record Submission(long id, String owner, BatchScrapeRequest request, int attempts) {
	}

	record RunningScrape(long id, Instant deadline) {
	}

	record TrackedJob(long scrapeId, int position, String jobId) {
	}

	private record JobRow(String jobId, JobStatus status, int pagesCrawled, @Nullable String error) {
	}

	private record ScrapeRow(long id, ScrapeState state, @Nullable String batchId, int jobsCompleted, int jobsFailed,
			int pagesCrawled, @Nullable String error) {

		ScrapeView view(List<String> jobIds) {
			return new ScrapeView(this.id, this.state, jobIds, this.batchId, this.jobsCompleted, this.jobsFailed,
					this.pagesCrawled, this.error);
		}

	}

}

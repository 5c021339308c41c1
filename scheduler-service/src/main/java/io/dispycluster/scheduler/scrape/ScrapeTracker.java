package io.dispycluster.scheduler.scrape;

import java.net.ConnectException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.dispycluster.model.job.BatchCreated;
import io.dispycluster.model.job.JobStatus;
import io.dispycluster.scheduler.scrape.Scrapes.RunningScrape;
import io.dispycluster.scheduler.scrape.Scrapes.Submission;
import io.dispycluster.scheduler.scrape.Scrapes.TrackedJob;
import io.dispycluster.scheduler.system.RunAdvancer;
import io.dispycluster.scheduler.system.RunProperties;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/**
 * Submits pending batches to the controller and follows the jobs of accepted ones, on
 * each tick of the run loop. A controller that is down or restarting delays a submission
 * (with a doubling backoff, up to {@code submit-attempts} attempts); a controller that
 * refuses a batch (4xx) fails it at once with the controller's reason.
 */
@Component
@Order(10)
class ScrapeTracker implements RunAdvancer {

	private static final Logger LOG = LoggerFactory.getLogger(ScrapeTracker.class);

	/**
	 * How long a submission may take before another instance may take it over: longer
	 * than the controller client's timeouts, so that a live instance's submission is
	 * never taken from it.
	 */
	private static final Duration SUBMIT_LEASE = Duration.ofMinutes(2);

	private static final int BATCH = 50;

	private static final Duration PURGE_EVERY = Duration.ofHours(1);

	private final Scrapes scrapes;

	private final ControllerClient controller;

	private final RunProperties properties;

	private final Scheduler quartz;

	private volatile Instant nextPurge = Instant.MIN;

	private volatile boolean started;

	ScrapeTracker(Scrapes scrapes, ControllerClient controller, RunProperties properties, Scheduler quartz) {
		this.scrapes = scrapes;
		this.controller = controller;
		this.properties = properties;
		this.quartz = quartz;
	}

	@Override
	public void advance(Instant now) {
		if (!this.started) {
			takeOverSubmissionsOfAStoppedProcess(now);
			this.started = true;
		}
		for (long id : this.scrapes.due(now, BATCH)) {
			if (this.scrapes.claim(id, now, now.plus(SUBMIT_LEASE))) {
				submit(this.scrapes.submission(id), now);
			}
		}
		follow(now);
		cancelAbandonedJobs();
		if (now.isAfter(this.nextPurge)) {
			this.nextPurge = now.plus(PURGE_EVERY);
			int deleted = this.scrapes.deleteFinishedBefore(now.minus(this.properties.historyRetention()));
			if (deleted > 0) {
				LOG.info("Finished scrapes purged: scrapes={}", deleted);
			}
		}
	}

	/**
	 * A submission still leased when this process starts was cut short by the stop of an
	 * earlier one (killed, or stopped while the controller was slow to answer). Where
	 * this instance is the only one on its database (Quartz not clustered: the embedded
	 * H2 file can only be opened by one process), that process no longer exists, so its
	 * leases are taken over at once instead of after {@link #SUBMIT_LEASE}: the batch is
	 * offered again with the same idempotency key, so the controller answers with the
	 * jobs of the first offer if it had taken it, and creates none twice. Clustered
	 * instances cannot tell a stopped one's lease from a live one's, and wait for it to
	 * end.
	 */
	private void takeOverSubmissionsOfAStoppedProcess(Instant now) {
		if (isClustered()) {
			return;
		}
		int taken = this.scrapes.endSubmissionLeases(now);
		if (taken > 0) {
			LOG.info("Submissions cut short by the previous stop offered again at once: scrapes={}", taken);
		}
	}

	private boolean isClustered() {
		try {
			return this.quartz.getMetaData().isJobStoreClustered();
		}
		catch (SchedulerException ex) {
			// cannot tell: keep the leases, as a cluster would
			LOG.warn("Quartz metadata unavailable, submission leases kept: {}", ex.toString());
			return true;
		}
	}

	private void submit(Submission submission, Instant now) {
		String key = submission.owner() + "/scrape_" + submission.id();
		try {
			BatchCreated created = this.controller.submit(key, submission.request());
			LOG.info("Scrape submitted: scrape={} owner={} batch={} jobs={}", submission.id(), submission.owner(),
					created.batchId(), created.jobIds().size());
			this.scrapes.accepted(submission.id(), created, now);
		}
		catch (RestClientResponseException ex) {
			if (isRetryable(ex.getStatusCode())) {
				retryOrFail(submission, "the controller answered " + ex.getStatusCode().value(), now);
			}
			else {
				String reason = "the controller refused the batch (" + ex.getStatusCode().value() + "): " + detail(ex);
				LOG.info("Scrape refused: scrape={} owner={} reason={}", submission.id(), submission.owner(), reason);
				this.scrapes.fail(submission.id(), reason, now);
			}
		}
		catch (RestClientException ex) {
			retryOrFail(submission, "the controller is unreachable: " + describe(ex), now);
		}
	}

	/**
	 * What went wrong reaching the controller. The client's text ends with its cause's
	 * message, and a refused connection has none: the run said "...: null".
	 */
	private static String describe(RestClientException ex) {
		String text = String.valueOf(ex.getMessage());
		Throwable cause = ex.getCause();
		if (cause == null || cause.getMessage() != null) {
			return text;
		}
		String why = (cause instanceof ConnectException) ? "connection refused" : cause.getClass().getSimpleName();
		return text.endsWith(": null") ? text.substring(0, text.length() - "null".length()) + why : text + ": " + why;
	}

	private void retryOrFail(Submission submission, String reason, Instant now) {
		if (submission.attempts() >= this.properties.submitAttempts()) {
			LOG.warn("Scrape failed: scrape={} owner={} attempts={} reason={}", submission.id(), submission.owner(),
					submission.attempts(), reason);
			String attempts = submission.attempts() + ((submission.attempts() == 1) ? " attempt" : " attempts");
			this.scrapes.fail(submission.id(), reason + " (after " + attempts + ")", now);
		}
		else {
			Duration backoff = this.scrapes.backoff(submission.attempts());
			LOG.warn("Scrape not submitted, retrying in {}: scrape={} owner={} reason={}", backoff, submission.id(),
					submission.owner(), reason);
			this.scrapes.retryAt(submission.id(), now.plus(backoff), reason);
		}
	}

	// Every running scrape, a page at a time: those after the first page would otherwise
	// not be followed for as long as older ones run (jobs queued for hours).
	private void follow(Instant now) {
		long after = -1;
		List<RunningScrape> page;
		do {
			page = this.scrapes.running(after, BATCH);
			for (RunningScrape scrape : page) {
				after = scrape.id();
				if (now.isAfter(scrape.deadline())) {
					LOG.warn("Scrape timed out: scrape={}", scrape.id());
					this.scrapes.fail(scrape.id(),
							"jobs still unfinished after " + this.properties.followTimeout().toMinutes() + " min", now);
					continue;
				}
				try {
					for (TrackedJob job : this.scrapes.unfinishedJobs(scrape.id())) {
						poll(job);
					}
				}
				catch (ResourceAccessException ex) {
					// The controller is down: try every job again on a later tick.
					LOG.debug("Controller unreachable while following jobs: {}", ex.getMessage());
					return;
				}
				this.scrapes.finishIfDone(scrape.id(), now);
			}
		}
		while (page.size() == BATCH);
	}

	private void cancelAbandonedJobs() {
		for (TrackedJob job : this.scrapes.jobsToCancel(BATCH)) {
			try {
				this.controller.cancel(job.jobId());
				LOG.info("Job of a failed scrape cancelled: scrape={} job={}", job.scrapeId(), job.jobId());
				this.scrapes.cancelled(job);
			}
			catch (RestClientResponseException ex) {
				int status = ex.getStatusCode().value();
				if (status == HttpStatus.CONFLICT.value() || status == HttpStatus.NOT_FOUND.value()) {
					// finished meanwhile, or gone: nothing left to stop
					this.scrapes.nothingToCancel(job);
				}
				else {
					LOG.debug("Job not cancelled yet: job={} status={}", job.jobId(), status);
				}
			}
			catch (ResourceAccessException ex) {
				// The controller is down: ask again on a later tick.
				LOG.debug("Controller unreachable while cancelling jobs: {}", ex.getMessage());
				return;
			}
		}
	}

	private void poll(TrackedJob job) {
		try {
			JobSnapshot snapshot = this.controller.job(job.jobId());
			int pages = (snapshot.pagesCrawled() != null) ? snapshot.pagesCrawled() : 0;
			this.scrapes.updateJob(job, snapshot.status(), pages, snapshot.error());
		}
		catch (RestClientResponseException ex) {
			if (ex.getStatusCode().value() == HttpStatus.NOT_FOUND.value()) {
				this.scrapes.updateJob(job, JobStatus.FAILED, 0, "Job non trouvé par le contrôleur");
			}
			else {
				LOG.debug("Job status unavailable: job={} status={}", job.jobId(), ex.getStatusCode().value());
			}
		}
	}

	private static boolean isRetryable(HttpStatusCode status) {
		return status.is5xxServerError() || status.value() == 408 || status.value() == 429;
	}

	private static String detail(RestClientResponseException ex) {
		try {
			ProblemDetail problem = ex.getResponseBodyAs(ProblemDetail.class);
			if (problem != null && problem.getDetail() != null) {
				return problem.getDetail() + errors(problem);
			}
		}
		catch (RuntimeException ignored) {
			// Not a problem document: fall back to the raw text.
		}
		String body = ex.getResponseBodyAsString();
		return body.isBlank() ? ex.getStatusText() : body;
	}

	private static String errors(ProblemDetail problem) {
		Object errors = (problem.getProperties() != null) ? problem.getProperties().get("errors") : null;
		return (errors != null) ? " " + errors : "";
	}

}

package io.dispycluster.worker.assignment;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import io.dispycluster.support.submission.StartUrls;
import io.dispycluster.model.job.CrawlOptions;
import io.dispycluster.model.job.ScrapeAssignment;
import io.dispycluster.support.requestid.RequestIds;
import io.dispycluster.worker.WorkerProperties;
import io.dispycluster.worker.crawl.CrawlOrder;
import io.dispycluster.worker.crawl.CrawlOutcome;
import io.dispycluster.worker.crawl.CrawlResult;
import io.dispycluster.worker.crawl.Crawler;
import io.dispycluster.worker.report.Answer;
import io.dispycluster.worker.report.AttemptReportBody;
import io.dispycluster.worker.report.ControllerReports;
import io.dispycluster.worker.scrape.CrawlOrders;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;

/**
 * The jobs this worker runs for the controller: at most {@code capacity} at once, each on
 * its own thread of a pool of that size, each reported to the controller when it ends. A
 * newer attempt at a job replaces an older one still running here.
 */
@Component
public class Assignments implements DisposableBean {

	private static final Logger LOG = LoggerFactory.getLogger(Assignments.class);

	/** How long a stopping worker waits for its crawls to stop and report. */
	private static final Duration HAND_BACK_TIMEOUT = Duration.ofSeconds(10);

	private final Crawler crawler;

	private final CrawlOrders orders;

	private final ControllerReports reports;

	private final WorkerProperties worker;

	private final ThreadPoolExecutor executor;

	private final Map<String, RunningAssignment> running = new LinkedHashMap<>();

	/**
	 * Attempts that ended here and whose report is on its way: still listed by
	 * {@code GET /assignments}, whose answer keeps their leases at the controller, so
	 * that a report that takes long to deliver (the controller overloaded, its database
	 * slow) does not get the job crawled again elsewhere meanwhile.
	 */
	private final Map<String, RunningAssignment> reporting = new LinkedHashMap<>();

	private volatile boolean stopping;

	Assignments(Crawler crawler, CrawlOrders orders, ControllerReports reports, WorkerProperties worker,
			MeterRegistry meterRegistry) {
		this.crawler = crawler;
		this.orders = orders;
		this.reports = reports;
		this.worker = worker;
		int capacity = worker.capacity();
		// The queue only holds a new attempt while the one it replaces winds down.
		this.executor = new ThreadPoolExecutor(capacity, capacity, 0, TimeUnit.SECONDS,
				new LinkedBlockingQueue<>(capacity), new CustomizableThreadFactory("crawl-"));
		Gauge.builder("dispycluster.worker.active.jobs", this, Assignments::activeCount)
			.description("Jobs the worker runs now")
			.register(meterRegistry);
	}

	/**
	 * Accepts an assignment and starts it in the background.
	 * @param assignment the assignment
	 * @param options its crawl options
	 * @param requestId the request id it came with, under which its crawl is logged and
	 * its progress and report are sent, or null
	 * @return the accepted job and attempt
	 * @throws org.springframework.web.ErrorResponseException 422 if invalid, 503 at
	 * capacity, 409 if a newer attempt at the job runs here
	 */
	public AssignmentAccepted accept(ScrapeAssignment assignment, CrawlOptions options, @Nullable String requestId) {
		CrawlOrder order = AssignmentValidation.order(assignment, options, this.orders);
		RunningAssignment next = new RunningAssignment(assignment.jobId(), assignment.attempt(), order, requestId);
		synchronized (this) {
			RunningAssignment current = this.running.get(next.jobId());
			if (current != null && current.attempt() == next.attempt()) {
				return new AssignmentAccepted(current.jobId(), current.attempt());
			}
			RunningAssignment ended = this.reporting.get(next.jobId());
			if (ended != null && ended.attempt() == next.attempt()) {
				// sent again while its report is on its way: the report answers it
				return new AssignmentAccepted(ended.jobId(), ended.attempt());
			}
			start(next, current);
			if (ended != null) {
				// a newer attempt: the older one's report will be refused as stale
				this.reporting.remove(next.jobId());
			}
		}
		LOG.info("Job(id={}, attempt={}) accepted: {} (max_pages={})", next.jobId(), next.attempt(),
				StartUrls.withoutCredentials(order.startUrl()), order.maxPages());
		return new AssignmentAccepted(next.jobId(), next.attempt());
	}

	/**
	 * Cancels a running job; it stops within a second and reports itself cancelled.
	 * @param jobId the job
	 * @param attempt the attempt to stop, or null for whichever runs: a stop that names
	 * an attempt leaves a newer one alone (the controller meant the older one, which this
	 * one replaced)
	 * @throws org.springframework.web.ErrorResponseException 404 if no such job (or no
	 * such attempt of it) runs here
	 */
	public synchronized AssignmentAccepted cancel(String jobId, @Nullable Integer attempt) {
		RunningAssignment assignment = this.running.get(jobId);
		if (assignment == null || (attempt != null && assignment.attempt() != attempt)) {
			throw AssignmentProblems.notFound(jobId);
		}
		LOG.info("Job(id={}, attempt={}) cancel requested", jobId, assignment.attempt());
		assignment.cancel();
		return new AssignmentAccepted(jobId, assignment.attempt());
	}

	/**
	 * The jobs running now, in the order they were accepted, then those that ended and
	 * whose report is on its way.
	 */
	public synchronized List<AssignmentView> list() {
		List<AssignmentView> views = new ArrayList<>();
		this.running.values().forEach((assignment) -> views.add(assignment.view()));
		this.reporting.values().forEach((assignment) -> views.add(assignment.view()));
		return views;
	}

	/** How many jobs run now. */
	public synchronized int activeCount() {
		return this.running.size();
	}

	/** This worker's capacity. */
	public int capacity() {
		return this.worker.capacity();
	}

	synchronized List<RunningAssignment> runningNow() {
		return new ArrayList<>(this.running.values());
	}

	/** The controller no longer counts on this attempt: stop it without a report. */
	void abandon(RunningAssignment assignment) {
		LOG.warn("Job(id={}, attempt={}) is no longer current at the controller; stopping it", assignment.jobId(),
				assignment.attempt());
		assignment.abandon();
	}

	// Called with the lock held.
	private void start(RunningAssignment next, @Nullable RunningAssignment current) {
		if (current != null && current.attempt() > next.attempt()) {
			throw AssignmentProblems.staleAttempt(next.jobId(), next.attempt(), current.attempt());
		}
		if (current == null && this.running.size() >= this.worker.capacity()) {
			throw AssignmentProblems.atCapacity(this.worker.capacity());
		}
		try {
			this.executor.execute(() -> run(next));
		}
		catch (RejectedExecutionException ex) {
			throw AssignmentProblems.atCapacity(this.worker.capacity());
		}
		if (current != null) {
			abandon(current);
		}
		this.running.put(next.jobId(), next);
	}

	private void run(RunningAssignment assignment) {
		MDC.put("jobId", assignment.jobId());
		// Every line of the crawl (its fetch threads take the context over) and of its
		// report carries the id of the request that submitted the job.
		if (assignment.requestId() != null) {
			MDC.put(RequestIds.MDC_KEY, assignment.requestId());
		}
		boolean reported = false;
		try {
			AttemptReportBody report = crawl(assignment);
			if (!assignment.isStale()) {
				// Free the slot before reporting: the controller may dispatch a job at
				// once.
				reporting(assignment);
				reported = true;
				report(assignment, report);
			}
		}
		finally {
			if (!reported) {
				finished(assignment);
			}
			MDC.remove("jobId");
			MDC.remove(RequestIds.MDC_KEY);
		}
	}

	private AttemptReportBody crawl(RunningAssignment assignment) {
		LOG.info("Job(id={}, attempt={}) started", assignment.jobId(), assignment.attempt());
		try {
			CrawlOutcome outcome = this.crawler.crawl(assignment.order(), assignment.control());
			CrawlResult result = outcome.result();
			LOG.info("Job(id={}, attempt={}) ended ({}): {} pages, {} errors", assignment.jobId(), assignment.attempt(),
					result.stopReason(), result.crawled().size(), result.errors().size());
			return assignment.report(this.worker.nodeName(), outcome);
		}
		catch (RuntimeException | StackOverflowError | LinkageError ex) {
			// A stack overflow or a class that failed to load ends this crawl only: the
			// controller hears of it and may try the job again, rather than wait for a
			// report that never comes.
			LOG.error("Job(id={}, attempt={}) failed", assignment.jobId(), assignment.attempt(), ex);
			return assignment.failure(this.worker.nodeName(), "Crawl failed: " + ex);
		}
	}

	private void report(RunningAssignment assignment, AttemptReportBody report) {
		if (!this.stopping) {
			this.reports.report(assignment.jobId(), assignment.requestId(), report, () -> reported(assignment));
			return;
		}
		// The background retries end with the worker: deliver the report now, once, even
		// from a crawl that had to be interrupted (the interrupt has done its work).
		Thread.interrupted();
		try {
			Answer answer = this.reports.reportOnce(assignment.jobId(), assignment.requestId(), report);
			if (answer != Answer.ACCEPTED) {
				LOG.warn("Job(id={}, attempt={}) report ({}) not delivered before stopping: {}", assignment.jobId(),
						assignment.attempt(), report.outcome(), answer);
			}
		}
		finally {
			reported(assignment);
		}
	}

	private synchronized void finished(RunningAssignment assignment) {
		this.running.remove(assignment.jobId(), assignment);
	}

	private synchronized void reporting(RunningAssignment assignment) {
		if (this.running.remove(assignment.jobId(), assignment)) {
			this.reporting.put(assignment.jobId(), assignment);
		}
	}

	private synchronized void reported(RunningAssignment assignment) {
		this.reporting.remove(assignment.jobId(), assignment);
	}

	/**
	 * Hands the running jobs back before the worker stops: each crawl is cancelled and
	 * reports itself cancelled, so that the controller requeues it at once rather than
	 * after failed health checks (the report client is still there: it is destroyed after
	 * this bean, which depends on it).
	 */
	@Override
	public void destroy() {
		List<RunningAssignment> handedBack;
		synchronized (this) {
			this.stopping = true;
			handedBack = new ArrayList<>(this.running.values());
		}
		handedBack.forEach(RunningAssignment::cancel);
		this.executor.shutdown();
		try {
			if (!this.executor.awaitTermination(HAND_BACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
				LOG.warn("Crawls still running after {} s of stopping; interrupting them",
						HAND_BACK_TIMEOUT.toSeconds());
				this.executor.shutdownNow();
			}
		}
		catch (InterruptedException ex) {
			this.executor.shutdownNow();
			Thread.currentThread().interrupt();
		}
	}

}

package io.dispycluster.worker.report;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * A call to the controller that is tried in the background until the controller accepts
 * or refuses it, waiting longer after each failure (exponential backoff, capped), and
 * dropped with an error once its deadline, if it has one, passes. It never blocks the
 * caller. Each try runs with the logging context of the thread that made the call (the
 * request id of a crawl's report), so that its lines are found with the caller's.
 */
final class RetryingCall {

	private static final Logger LOG = LoggerFactory.getLogger(RetryingCall.class);

	private final String what;

	private final Supplier<Answer> call;

	private final ScheduledExecutorService scheduler;

	private final ReportProperties properties;

	private final @Nullable Long deadline;

	private final Runnable whenSettled;

	private final @Nullable Map<String, String> context = MDC.getCopyOfContextMap();

	private Duration backoff;

	/**
	 * A call to make.
	 * @param what the call, for the logs
	 * @param call the call
	 * @param scheduler where the attempts run
	 * @param properties the backoff
	 * @param giveUpAfter how long to keep trying, or null for as long as the worker runs
	 * @param whenSettled run once when the call is no longer tried: answered, given up or
	 * dropped at shutdown
	 */
	RetryingCall(String what, Supplier<Answer> call, ScheduledExecutorService scheduler, ReportProperties properties,
			@Nullable Duration giveUpAfter, Runnable whenSettled) {
		this.what = what;
		this.call = call;
		this.scheduler = scheduler;
		this.properties = properties;
		this.deadline = (giveUpAfter != null) ? System.nanoTime() + giveUpAfter.toNanos() : null;
		this.whenSettled = whenSettled;
		this.backoff = properties.initialBackoff();
	}

	void start() {
		schedule(Duration.ZERO);
	}

	private void attempt() {
		@Nullable Map<String, String> own = MDC.getCopyOfContextMap();
		if (this.context != null) {
			MDC.setContextMap(this.context);
		}
		try {
			tryOnce();
		}
		finally {
			if (own != null) {
				MDC.setContextMap(own);
			}
			else {
				MDC.clear();
			}
		}
	}

	private void tryOnce() {
		Answer answer;
		try {
			answer = this.call.get();
		}
		catch (RuntimeException ex) {
			LOG.error("{}: not delivered", this.what, ex);
			this.whenSettled.run();
			return;
		}
		if (answer == Answer.ACCEPTED) {
			LOG.info("{}: accepted by the controller", this.what);
		}
		else if (answer == Answer.REFUSED || answer == Answer.NOT_CURRENT) {
			LOG.warn("{}: refused by the controller ({}), not retried", this.what, answer);
		}
		else if (this.deadline != null && System.nanoTime() - this.deadline >= 0) {
			LOG.error("{}: controller unavailable, giving up", this.what);
		}
		else {
			logRetry();
			schedule(this.backoff);
			this.backoff = min(this.backoff.multipliedBy(2), this.properties.maxBackoff());
			return;
		}
		this.whenSettled.run();
	}

	// The first failure is worth a warning; the retries that follow are detail.
	private void logRetry() {
		if (this.backoff.equals(this.properties.initialBackoff())) {
			LOG.warn("{}: controller unavailable, retrying in the background", this.what);
		}
		else {
			LOG.debug("{}: controller unavailable, retrying in {} ms", this.what, this.backoff.toMillis());
		}
	}

	private void schedule(Duration delay) {
		try {
			this.scheduler.schedule(this::attempt, delay.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (RejectedExecutionException ex) {
			LOG.warn("{}: not delivered, the worker is shutting down", this.what);
			this.whenSettled.run();
		}
	}

	private static Duration min(Duration a, Duration b) {
		return (a.compareTo(b) <= 0) ? a : b;
	}

}

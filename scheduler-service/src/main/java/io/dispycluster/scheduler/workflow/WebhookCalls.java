package io.dispycluster.scheduler.workflow;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.dispycluster.scheduler.system.RunLoop;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Makes webhook calls beside the run loop, at most {@code webhook-concurrency} at once,
 * so that a slow webhook holds up neither the other steps and runs nor the tasks. A step
 * is claimed only once a place is reserved for its call: one that finds none stays
 * pending in the database and starts on a later tick, so none is lost across a restart.
 * Stopping the service waits for the calls under way (each ends by its timeout) so that
 * their outcome is recorded.
 */
@Component
class WebhookCalls implements DisposableBean {

	private static final Logger LOG = LoggerFactory.getLogger(WebhookCalls.class);

	private final WebhookSender sender;

	private final RunLoop loop;

	private final Duration longest;

	private final Semaphore places;

	private final Set<String> underWay = ConcurrentHashMap.newKeySet();

	private final ExecutorService threads;

	WebhookCalls(WebhookSender sender, RunLoop loop, WorkflowProperties properties) {
		this.sender = sender;
		this.loop = loop;
		this.longest = properties.webhookTimeout();
		this.places = new Semaphore(properties.webhookConcurrency());
		AtomicInteger count = new AtomicInteger();
		this.threads = Executors.newFixedThreadPool(properties.webhookConcurrency(), (task) -> {
			Thread thread = new Thread(task, "webhook-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
	}

	/** The sender the calls go through. */
	WebhookSender sender() {
		return this.sender;
	}

	/**
	 * Reserves a place for a call, to be used by {@link #start} or given back by
	 * {@link #release}.
	 * @return false if every place is taken
	 */
	boolean reserve() {
		return this.places.tryAcquire();
	}

	void release() {
		this.places.release();
	}

	/**
	 * Makes a call in a place reserved before; the loop is woken up when it ends, as the
	 * step's end may let others start.
	 * @param key the step, as {@link #key} names it
	 */
	void start(String key, Runnable call) {
		this.underWay.add(key);
		try {
			this.threads.execute(() -> {
				try {
					call.run();
				}
				catch (RuntimeException ex) {
					LOG.warn("Webhook call failed unexpectedly: step={} error={}", key, ex.toString(), ex);
				}
				finally {
					this.underWay.remove(key);
					this.places.release();
					this.loop.wakeUp();
				}
			});
		}
		catch (RuntimeException ex) {
			// stopping: the step stays running and is taken as interrupted
			this.underWay.remove(key);
			this.places.release();
		}
	}

	/** Whether this instance is calling a step's webhook now. */
	boolean isUnderWay(String key) {
		return this.underWay.contains(key);
	}

	static String key(long runId, String stepId) {
		return runId + "/" + stepId;
	}

	@Override
	public void destroy() throws InterruptedException {
		this.threads.shutdown();
		if (!this.threads.awaitTermination(this.longest.toMillis() + 5000, TimeUnit.MILLISECONDS)) {
			this.threads.shutdownNow();
		}
	}

}

package io.dispycluster.controller.system;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The small thread pools of the service (dispatch, assignment calls, health checks):
 * named daemon threads, and a shutdown that waits for running work so that nothing still
 * uses the database while it closes.
 */
public final class DaemonThreads {

	private DaemonThreads() {
	}

	/**
	 * A pool of named daemon threads.
	 * @param name the thread name prefix, e.g. {@code health-check}
	 * @param threads how many threads
	 * @return the pool
	 */
	public static ExecutorService pool(String name, int threads) {
		AtomicInteger count = new AtomicInteger();
		return Executors.newFixedThreadPool(threads, (task) -> {
			Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
	}

	/**
	 * One named daemon thread that runs tasks now or after a delay.
	 * @param name the thread name, e.g. {@code dispatcher}
	 * @return the executor
	 */
	public static ScheduledExecutorService scheduled(String name) {
		return Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, name);
			thread.setDaemon(true);
			return thread;
		});
	}

	/**
	 * Stops a pool: queued work is dropped, running work is interrupted and awaited for
	 * up to five seconds.
	 * @param pool the pool
	 */
	public static void shutdown(ExecutorService pool) {
		pool.shutdownNow();
		try {
			pool.awaitTermination(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}

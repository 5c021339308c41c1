package io.dispycluster.scheduler.system;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * One background thread that ticks every {@code poll-interval}, and at once when woken
 * up, calling each {@link RunAdvancer} in order. Nothing waits by sleeping: a run that
 * waits (for jobs, for a delay) is simply looked at again on a later tick.
 */
@Component
public class RunLoop implements SmartLifecycle {

	private static final Logger LOG = LoggerFactory.getLogger(RunLoop.class);

	private final ObjectProvider<RunAdvancer> advancerProvider;

	private volatile List<RunAdvancer> advancers = List.of();

	private final RunProperties properties;

	private final Clock clock;

	private final AtomicBoolean wakeUpPending = new AtomicBoolean();

	private volatile @Nullable ScheduledExecutorService executor;

	// The advancers are looked up at start: they wake this loop up, so they depend on it.
	RunLoop(ObjectProvider<RunAdvancer> advancers, RunProperties properties, Clock clock) {
		this.advancerProvider = advancers;
		this.properties = properties;
		this.clock = clock;
	}

	@Override
	public void start() {
		this.advancers = this.advancerProvider.orderedStream().toList();
		ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "run-loop");
			thread.setDaemon(true);
			return thread;
		});
		long period = this.properties.pollInterval().toMillis();
		started.scheduleWithFixedDelay(this::tick, 0, period, TimeUnit.MILLISECONDS);
		this.executor = started;
	}

	/**
	 * Asks for a tick as soon as possible, after the current transaction commits if there
	 * is one (so that the tick sees what it wrote).
	 */
	public void wakeUp() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					wakeUpNow();
				}
			});
		}
		else {
			wakeUpNow();
		}
	}

	private void wakeUpNow() {
		ScheduledExecutorService current = this.executor;
		if (current != null && this.wakeUpPending.compareAndSet(false, true)) {
			current.execute(() -> {
				this.wakeUpPending.set(false);
				tick();
			});
		}
	}

	private void tick() {
		for (RunAdvancer advancer : this.advancers) {
			try {
				advancer.advance(this.clock.instant());
			}
			catch (RuntimeException ex) {
				// One failing part must not stop the others, nor the loop.
				LOG.warn("Advancing runs failed in {}: {}", advancer.getClass().getSimpleName(), ex.toString(), ex);
			}
		}
	}

	@Override
	public void stop() {
		ScheduledExecutorService current = this.executor;
		this.executor = null;
		if (current != null) {
			current.shutdown();
			try {
				if (!current.awaitTermination(10, TimeUnit.SECONDS)) {
					current.shutdownNow();
				}
			}
			catch (InterruptedException ex) {
				current.shutdownNow();
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.executor != null;
	}

}

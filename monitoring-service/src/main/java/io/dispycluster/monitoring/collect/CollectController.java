package io.dispycluster.monitoring.collect;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /collect_metrics}: starts a collection round in the background and answers
 * at once, as upstream does.
 */
@RestController
class CollectController {

	private static final Logger LOG = LoggerFactory.getLogger(CollectController.class);

	private final Collector collector;

	private final Executor executor;

	CollectController(Collector collector) {
		this.collector = collector;
		// One round at a time, at most one more waiting: further requests add nothing.
		this.executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1), (runnable) -> {
			Thread thread = new Thread(runnable, "collect-now");
			thread.setDaemon(true);
			return thread;
		}, new ThreadPoolExecutor.DiscardPolicy());
	}

	@PostMapping("/collect_metrics")
	Message collect() {
		this.executor.execute(() -> {
			try {
				this.collector.collect();
			}
			catch (RuntimeException ex) {
				LOG.warn("Collection round failed: {}", ex.toString());
			}
		});
		return new Message("Collecte des métriques lancée");
	}

	/**
	 * The answer.
	 *
	 * @param message upstream's French confirmation
	 */
	record Message(String message) {
	}

}

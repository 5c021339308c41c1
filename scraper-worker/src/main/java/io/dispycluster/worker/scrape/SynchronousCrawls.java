package io.dispycluster.worker.scrape;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import io.dispycluster.support.submission.StartUrls;
import io.dispycluster.worker.crawl.CrawlControl;
import io.dispycluster.worker.crawl.CrawlOrder;
import io.dispycluster.worker.crawl.CrawlProperties;
import io.dispycluster.worker.crawl.CrawlResult;
import io.dispycluster.worker.crawl.Crawler;
import io.dispycluster.support.problem.Problems;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;

/**
 * Runs the crawls of {@code POST /scrape} while their clients wait, and stops a crawl
 * whose client has gone: nobody would read its result, and on a small node it would waste
 * CPU and the site's politeness budget.
 * <p>
 * A servlet container does not notice that a client left while its request is idle
 * (Tomcat watches an asynchronous request's connection only when the application writes
 * to it), so a crawl blocking a request thread would run to its end. Each crawl therefore
 * runs on a thread of its own behind an asynchronous response, which is kept alive with a
 * space every second: the first write that fails shows that the client has left, and the
 * crawl is cancelled as a cancelled assignment is. The price is that the 200 and its
 * headers leave when the crawl starts, and that a client's read timeout no longer cuts a
 * crawl short; {@code max_duration_s} is the way to bound it.
 */
@Component
class SynchronousCrawls implements DisposableBean {

	private static final Logger LOG = LoggerFactory.getLogger(SynchronousCrawls.class);

	/**
	 * How often a waiting client is written to: about a page fetch at the default delay.
	 */
	static final Duration KEEP_ALIVE_INTERVAL = Duration.ofSeconds(1);

	private final Crawler crawler;

	private final int maxCrawls;

	// A thread per crawl, as when crawls ran on request threads; none queued.
	private final ExecutorService crawls;

	private final ScheduledExecutorService keepAlives = Executors
		.newSingleThreadScheduledExecutor(new CustomizableThreadFactory("scrape-keep-alive-"));

	private final Set<CrawlControl> running = ConcurrentHashMap.newKeySet();

	@Autowired
	SynchronousCrawls(Crawler crawler, CrawlProperties properties) {
		this(crawler, properties.maxSynchronousCrawls());
	}

	SynchronousCrawls(Crawler crawler, int maxCrawls) {
		this.crawler = crawler;
		this.maxCrawls = maxCrawls;
		this.crawls = new ThreadPoolExecutor(0, maxCrawls, 60, TimeUnit.SECONDS, new SynchronousQueue<>(),
				new CustomizableThreadFactory("scrape-"));
	}

	/**
	 * Starts a crawl in the background.
	 * @return the response, answered with the crawl's result when it ends
	 */
	ResponseBodyEmitter start(CrawlOrder order) {
		// No timeout from the container: the crawl's budget bounds it.
		ResponseBodyEmitter response = new ResponseBodyEmitter(0L);
		WaitingClient client = new WaitingClient(response, new CrawlControl());
		Map<String, String> context = MDC.getCopyOfContextMap();
		try {
			this.crawls.execute(() -> run(order, client, context));
		}
		catch (RejectedExecutionException ex) {
			// Before the response starts: the client gets a proper 503.
			ErrorResponseException busy = new ErrorResponseException(
					HttpStatus.SERVICE_UNAVAILABLE, Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "unavailable",
							"Service unavailable", "The worker already runs " + this.maxCrawls + " synchronous crawls"),
					ex);
			busy.getHeaders().set(HttpHeaders.RETRY_AFTER, "5");
			throw busy;
		}
		return response;
	}

	private void run(CrawlOrder order, WaitingClient client, @Nullable Map<String, String> context) {
		String site = StartUrls.withoutCredentials(order.startUrl()); // for the log
		if (context != null) {
			MDC.setContextMap(context);
		}
		long interval = KEEP_ALIVE_INTERVAL.toMillis();
		ScheduledFuture<?> keepAlive = this.keepAlives.scheduleWithFixedDelay(client::keepAlive, interval, interval,
				TimeUnit.MILLISECONDS);
		this.running.add(client.crawl());
		try {
			CrawlResult result = this.crawler.crawl(order, client.crawl()).result();
			if (client.answer(result)) {
				LOG.info("Synchronous crawl of {} ended: {} pages, {} errors, {}", site, result.crawled().size(),
						result.errors().size(), result.stopReason());
			}
			else {
				LOG.info("Synchronous crawl of {} abandoned: its client left ({} pages crawled)", site,
						result.crawled().size());
			}
		}
		catch (RuntimeException | Error ex) {
			// An error too (a stack overflow, memory running out on a small node): the
			// response has no timeout, so a client not answered here would wait forever.
			LOG.error("Synchronous crawl of {} failed", site, ex);
			client.fail(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
					"Erreur interne du service"));
			// Memory running out is the JVM's to handle; a stack overflow is over once
			// the stack has unwound.
			if (ex instanceof VirtualMachineError error && !(error instanceof StackOverflowError)) {
				throw error;
			}
		}
		finally {
			keepAlive.cancel(false);
			this.running.remove(client.crawl());
			MDC.clear();
		}
	}

	/** Stops the crawls still running: each answers its client with what it has. */
	@Override
	public void destroy() {
		this.running.forEach(CrawlControl::cancel);
		this.crawls.shutdown();
		this.keepAlives.shutdownNow();
	}

}

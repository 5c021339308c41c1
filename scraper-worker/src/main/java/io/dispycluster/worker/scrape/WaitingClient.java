package io.dispycluster.worker.scrape;

import java.io.IOException;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

import io.dispycluster.worker.crawl.CrawlControl;
import io.dispycluster.worker.crawl.CrawlResult;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter;

/**
 * The client of one synchronous crawl, waiting on an asynchronous response: kept alive
 * with white space while the crawl runs, then answered with its result. A write that
 * fails, or an error the container reports, means the client has left: the crawl is then
 * cancelled.
 */
final class WaitingClient {

	/** JSON allows white space before a value, so the result still parses. */
	private static final String KEEP_ALIVE = " ";

	private final ResponseBodyEmitter response;

	private final CrawlControl crawl;

	private final Lock lock = new ReentrantLock();

	private boolean answered;

	private volatile boolean left;

	WaitingClient(ResponseBodyEmitter response, CrawlControl crawl) {
		this.response = response;
		this.crawl = crawl;
		response.onError((ex) -> left());
	}

	/**
	 * Writes a space, which finds out whether the client is still there. Skipped while
	 * the answer is being written: one slow client must not hold up the keep-alives of
	 * the others.
	 */
	void keepAlive() {
		if (!this.lock.tryLock()) {
			return;
		}
		try {
			if (!this.answered && !this.left) {
				this.response.send(KEEP_ALIVE, MediaType.TEXT_PLAIN);
			}
		}
		catch (IOException | IllegalStateException ex) {
			// IllegalStateException: the container already ended the response.
			left();
		}
		finally {
			this.lock.unlock();
		}
	}

	/**
	 * Sends the result and ends the response.
	 * @return false if the client had left
	 */
	boolean answer(CrawlResult result) {
		return send(result);
	}

	/**
	 * Ends the response with a problem: its 200 has left already, so the body says that
	 * the crawl failed.
	 */
	void fail(ProblemDetail problem) {
		send(problem);
	}

	/** The crawl the client waits for. */
	CrawlControl crawl() {
		return this.crawl;
	}

	private boolean send(Object answer) {
		this.lock.lock();
		try {
			if (this.left) {
				return false;
			}
			this.answered = true;
			this.response.send(answer, MediaType.APPLICATION_JSON);
			this.response.complete();
			return true;
		}
		catch (IOException ex) {
			left();
			return false;
		}
		finally {
			this.lock.unlock();
		}
	}

	private void left() {
		this.left = true;
		this.crawl.cancel();
	}

}

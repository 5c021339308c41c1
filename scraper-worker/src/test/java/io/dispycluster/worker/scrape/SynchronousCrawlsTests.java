package io.dispycluster.worker.scrape;

import java.util.concurrent.CountDownLatch;

import io.dispycluster.worker.crawl.CrawlOrder;
import io.dispycluster.worker.crawl.Crawler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.web.ErrorResponseException;

import static io.dispycluster.worker.crawl.CrawlOrderBuilder.anOrderFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * Synchronous crawls do not take the worker's capacity, but they are bounded: one too
 * many is refused with a 503 before its response starts.
 */
@ExtendWith(OutputCaptureExtension.class)
class SynchronousCrawlsTests {

	@Test
	void refusesACrawlBeyondTheLimitBeforeItsResponseStarts() throws Exception {
		Crawler crawler = mock(Crawler.class);
		CountDownLatch release = new CountDownLatch(1);
		given(crawler.crawl(any(), any())).willAnswer((invocation) -> {
			release.await();
			throw new IllegalStateException("released");
		});
		SynchronousCrawls crawls = new SynchronousCrawls(crawler, 2);
		CrawlOrder order = anOrderFor("http://site.test/").build();
		try {
			crawls.start(order);
			crawls.start(order);

			assertThatExceptionOfType(ErrorResponseException.class).isThrownBy(() -> crawls.start(order))
				.satisfies((ex) -> {
					assertThat(ex.getStatusCode().value()).isEqualTo(503);
					assertThat(ex.getBody().getType().toString()).isEqualTo("urn:dispycluster:problem:unavailable");
					assertThat(ex.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
				});
		}
		finally {
			release.countDown();
			crawls.destroy();
		}
	}

	@Test
	void answersTheClientWhenTheCrawlEndsInAnError(CapturedOutput output) {
		Crawler crawler = mock(Crawler.class);
		given(crawler.crawl(any(), any())).willThrow(new StackOverflowError());
		SynchronousCrawls crawls = new SynchronousCrawls(crawler, 2);
		try {
			crawls.start(anOrderFor("http://site.test/").build());

			await().untilAsserted(
					() -> assertThat(output.getOut()).contains("Synchronous crawl of http://site.test/ failed")
						.contains("StackOverflowError"));
		}
		finally {
			crawls.destroy();
		}
	}

	@Test
	void logsTheStartUrlWithoutItsCredentials(CapturedOutput output) {
		Crawler crawler = mock(Crawler.class);
		given(crawler.crawl(any(), any())).willThrow(new IllegalStateException("a bug"));
		SynchronousCrawls crawls = new SynchronousCrawls(crawler, 2);
		try {
			crawls.start(anOrderFor("http://alice:s3cret@site.test/private").build());

			await().untilAsserted(() -> assertThat(output.getOut())
				.contains("Synchronous crawl of http://***@site.test/private failed"));
			assertThat(output.getOut()).doesNotContain("s3cret");
		}
		finally {
			crawls.destroy();
		}
	}

}

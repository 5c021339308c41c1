package io.dispycluster.scheduler.workflow;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.dispycluster.scheduler.system.RunLoop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;

class WebhookCallsTests {

	private final WorkflowProperties properties = new WorkflowProperties(Duration.ofHours(1), Duration.ofSeconds(10),
			Duration.ofSeconds(1), List.of(), 2);

	private final WebhookSender sender = new WebhookSender(this.properties, HostLookup.SYSTEM);

	private final RunLoop loop = mock(RunLoop.class);

	private final WebhookCalls calls = new WebhookCalls(this.sender, this.loop, this.properties);

	@AfterEach
	void close() throws Exception {
		this.calls.destroy();
		this.sender.destroy();
	}

	@Test
	void makesAtMostTheConfiguredNumberOfCallsAtOnceAndWakesTheLoopWhenOneEnds() throws Exception {
		CountDownLatch answer = new CountDownLatch(1);
		assertThat(this.calls.reserve()).isTrue();
		this.calls.start("1/a", () -> waitFor(answer));
		assertThat(this.calls.reserve()).isTrue();
		this.calls.start("1/b", () -> waitFor(answer));
		// a third step stays pending until a call ends
		assertThat(this.calls.reserve()).isFalse();
		assertThat(this.calls.isUnderWay("1/a")).isTrue();
		answer.countDown();
		await().until(() -> !this.calls.isUnderWay("1/a") && !this.calls.isUnderWay("1/b"));
		verify(this.loop, timeout(1000).times(2)).wakeUp();
		assertThat(this.calls.reserve()).isTrue();
		this.calls.release();
	}

	@Test
	void givesItsPlaceBackWhenACallFails() {
		assertThat(this.calls.reserve()).isTrue();
		this.calls.start("1/a", () -> {
			throw new IllegalStateException("boom");
		});
		await().until(() -> !this.calls.isUnderWay("1/a"));
		assertThat(this.calls.reserve()).isTrue();
		assertThat(this.calls.reserve()).isTrue();
	}

	private static void waitFor(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}

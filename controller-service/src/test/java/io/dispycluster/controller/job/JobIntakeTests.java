package io.dispycluster.controller.job;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.ArgumentCaptor;
import org.slf4j.MDC;
import tools.jackson.databind.json.JsonMapper;

import io.dispycluster.model.job.BatchCreated;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;

import static io.dispycluster.controller.job.JobFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

/**
 * What intake writes to the log about the jobs it accepts, and the request id it gives
 * them.
 */
@ExtendWith(OutputCaptureExtension.class)
class JobIntakeTests {

	private final JobStore store = mock(JobStore.class);

	@Test
	void logsAnAcceptedJobsUrlWithoutTheCredentialsItCarries(CapturedOutput output) {
		intake().submit(new JobSpec("http://alice:s3cret@site.test/private?a=1", 10, true, 30, 1, 3600), null);

		assertThat(output.getOut()).contains("url=http://***@site.test/private?a=1").doesNotContain("s3cret");
	}

	@Test
	@SuppressWarnings("unchecked")
	void givesEveryJobOfARequestThatRequestsId() {
		MDC.put("request_id", "req-9");
		try {
			intake().submitBatch(List.of(JobFixtures.aSpec(1), JobFixtures.aSpec(2)), null);
		}
		finally {
			MDC.remove("request_id");
		}

		ArgumentCaptor<List<Job>> stored = ArgumentCaptor.forClass(List.class);
		verify(this.store).insert(stored.capture());
		assertThat(stored.getValue()).hasSize(2).allSatisfy((job) -> assertThat(job.requestId()).isEqualTo("req-9"));
	}

	@Test
	void answersAnEmptyBatchWithoutABatchIdNoJobWouldCarry() {
		BatchCreated created = intake().submitBatch(List.of(), null);

		assertThat(created.jobIds()).isEmpty();
		assertThat(created.batchId()).isNull();
		assertThat(created.message()).isEqualTo("0 jobs créés avec succès");
	}

	@Test
	void givesTheJobsOfABatchTheirBatchId() {
		BatchCreated created = intake().submitBatch(List.of(JobFixtures.aSpec(1)), null);

		assertThat(created.batchId()).startsWith("batch_");
	}

	@SuppressWarnings("unchecked")
	private JobIntake intake() {
		TransactionTemplate transactions = mock(TransactionTemplate.class);
		given(transactions.execute(any())).willAnswer(
				(invocation) -> ((TransactionCallback<Object>) invocation.getArgument(0)).doInTransaction(null));
		return new JobIntake(this.store, mock(IdempotencyStore.class), transactions,
				mock(ApplicationEventPublisher.class), new JobProperties(Duration.ofHours(1), 50, Duration.ofMinutes(5),
						Duration.ofDays(30), Duration.ofHours(1)),
				JsonMapper.builder().build(), Clock.fixed(T0, ZoneOffset.UTC));
	}

}

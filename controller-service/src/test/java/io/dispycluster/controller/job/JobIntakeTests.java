package io.dispycluster.controller.job;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.json.JsonMapper;

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

/**
 * What intake writes to the log about the jobs it accepts.
 */
@ExtendWith(OutputCaptureExtension.class)
class JobIntakeTests {

	@Test
	@SuppressWarnings("unchecked")
	void logsAnAcceptedJobsUrlWithoutTheCredentialsItCarries(CapturedOutput output) {
		TransactionTemplate transactions = mock(TransactionTemplate.class);
		given(transactions.execute(any())).willAnswer(
				(invocation) -> ((TransactionCallback<Object>) invocation.getArgument(0)).doInTransaction(null));
		JobIntake intake = new JobIntake(mock(JobStore.class), mock(IdempotencyStore.class), transactions,
				mock(ApplicationEventPublisher.class), new JobProperties(Duration.ofHours(1), 50, Duration.ofMinutes(5),
						Duration.ofDays(30), Duration.ofHours(1)),
				JsonMapper.builder().build(), Clock.fixed(T0, ZoneOffset.UTC));

		intake.submit(new JobSpec("http://alice:s3cret@site.test/private?a=1", 10, true, 30, 1, 3600), null);

		assertThat(output.getOut()).contains("url=http://***@site.test/private?a=1").doesNotContain("s3cret");
	}

}

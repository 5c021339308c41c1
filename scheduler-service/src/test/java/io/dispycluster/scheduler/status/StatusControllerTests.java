package io.dispycluster.scheduler.status;

import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.impl.matchers.GroupMatcher;

import io.dispycluster.scheduler.status.StatusController.Health;
import io.dispycluster.scheduler.workflow.Workflows;

import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class StatusControllerTests {

	private final Scheduler quartz = mock(Scheduler.class);

	private final Workflows workflows = mock(Workflows.class);

	private final StatusController controller = new StatusController(new QuartzState(this.quartz), this.workflows);

	@Test
	void isHealthyWhileItsSchedulesCanBeRead() throws SchedulerException {
		when(this.quartz.isStarted()).thenReturn(true);
		when(this.workflows.enabledCount()).thenReturn(2L);
		ResponseEntity<Health> health = this.controller.health();
		assertThat(health.getStatusCode().value()).isEqualTo(200);
		assertThat(health.getBody()).satisfies((body) -> {
			assertThat(body.status()).isEqualTo("healthy");
			assertThat(body.schedulerRunning()).isTrue();
			assertThat(body.activeWorkflows()).isEqualTo(2);
			assertThat(body.error()).isNull();
		});
	}

	@Test
	@SuppressWarnings("unchecked")
	void isUnhealthyNotInErrorWhenQuartzCannotReadItsTables() throws SchedulerException {
		// as after a crash, when the embedded database timed out locking a table
		when(this.quartz.getJobKeys(any(GroupMatcher.class)))
			.thenThrow(new SchedulerException("Timeout trying to lock table"));
		ResponseEntity<Health> health = this.controller.health();
		assertThat(health.getStatusCode().value()).isEqualTo(503);
		assertThat(health.getBody()).satisfies((body) -> {
			assertThat(body.status()).isEqualTo("unhealthy");
			assertThat(body.error()).isEqualTo("database unavailable");
		});
	}

}

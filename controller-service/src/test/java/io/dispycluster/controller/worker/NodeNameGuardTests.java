package io.dispycluster.controller.worker;

import java.time.Instant;
import java.util.Map;

import io.dispycluster.model.worker.WorkerState;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.web.client.ResourceAccessException;

import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

class NodeNameGuardTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final WorkerClient client = mock(WorkerClient.class);

	private final NodeNameGuard guard = new NodeNameGuard(this.client);

	private final Worker known = new Worker("pi-1", "http://10.0.0.1:8080", 2, WorkerState.ONLINE,
			Worker.Source.REGISTERED, Instant.EPOCH, null, null, 0, null, 0, null, null, null, null, Map.of());

	@Test
	void aNewcomerIsRefusedWhileTheNodesWorkerAnswersFromAnotherProcess() {
		answers("{\"node\":\"pi-1\",\"instance_id\":\"first\"}");

		assertThatThrownBy(() -> this.guard.check(this.known, "http://10.0.0.2:8080", "twin"))
			.isInstanceOf(NodeNameInUseException.class)
			.hasMessageContaining("http://10.0.0.1:8080");
	}

	@Test
	void theSameProcessAtANewAddressIsAccepted() {
		answers("{\"node\":\"pi-1\",\"instance_id\":\"first\"}");

		assertThatNoException().isThrownBy(() -> this.guard.check(this.known, "http://pi-1.lan:8080", "first"));
	}

	@Test
	void aRestartAtANewAddressIsAcceptedOnceTheOldOneIsGone() {
		given(this.client.health(any())).willThrow(new ResourceAccessException("Connection refused"));

		assertThatNoException().isThrownBy(() -> this.guard.check(this.known, "http://10.0.0.2:8080", "second"));
	}

	@Test
	void anOldAddressThatNowServesAnotherNodeDoesNotHoldTheName() {
		answers("{\"node\":\"pi-7\",\"instance_id\":\"other\"}");

		assertThatNoException().isThrownBy(() -> this.guard.check(this.known, "http://10.0.0.2:8080", "second"));
	}

	@Test
	void theSameAddressIsNeverProbed() {
		this.guard.check(this.known, "http://10.0.0.1:8080", "restarted");

		verifyNoInteractions(this.client);
	}

	private void answers(String health) {
		given(this.client.health(any())).willReturn(JSON.readTree(health));
	}

}

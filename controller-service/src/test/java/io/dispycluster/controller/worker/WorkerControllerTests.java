package io.dispycluster.controller.worker;

import java.util.Map;

import io.dispycluster.controller.job.JobQueue;
import io.dispycluster.model.worker.WorkerRegistration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mockito.ArgumentCaptor;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static io.dispycluster.controller.job.JobFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The registration endpoint's web layer: one 422 naming every bad or missing field,
 * integers read as in a job submission.
 */
@WebMvcTest(WorkerController.class)
class WorkerControllerTests {

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private WorkerRegistry registry;

	@MockitoBean
	private HealthChecker healthChecker;

	@MockitoBean
	private JobQueue jobs;

	@BeforeEach
	void answers() {
		given(this.registry.register(any())).willAnswer((invocation) -> {
			WorkerRegistration registration = invocation.getArgument(0);
			return new Worker(registration.node(), registration.url(), registration.capacity(),
					io.dispycluster.model.worker.WorkerState.ONLINE, Worker.Source.REGISTERED, T0, T0, null, 0, null, 0,
					null, null, null, null, registration.labels());
		});
	}

	@Test
	void anEmptyBodyNamesEveryRequiredField() throws Exception {
		register("{}").andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("node", "url", "capacity")))
			.andExpect(jsonPath("$.errors[*].message")
				.value(containsInAnyOrder("is required", "is required", "is required")));
		verify(this.registry, never()).register(any());
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			99999999999          | must be between 1 and 1000
			1e400                | must be between 1 and 1000
			-99999999999999999999 | must be between 1 and 1000
			2.5                  | must be an integer
			'"two"'              | must be an integer
			true                 | must be an integer
			0                    | must be between 1 and 1000
			""")
	void aBadCapacityIsA422NamingIt(String capacity, String message) throws Exception {
		register("{\"node\":\"pi-1\",\"url\":\"http://10.0.0.1:8080\",\"capacity\":" + capacity + "}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.length()").value(1))
			.andExpect(jsonPath("$.errors[0].field").value("capacity"))
			.andExpect(jsonPath("$.errors[0].message").value(message));
		verify(this.registry, never()).register(any());
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			2     | 2
			2.0   | 2
			'"3"' | 3
			""")
	void anIntegralCapacityIsTakenAsTheSubmissionsAre(String capacity, int taken) throws Exception {
		register("{\"node\":\"pi-1\",\"url\":\"http://10.0.0.1:8080\",\"capacity\":" + capacity
				+ ",\"labels\":{\"zone\":\"attic\"},\"instance_id\":\"run-1\",\"extra\":1}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.capacity").value(taken));
		ArgumentCaptor<WorkerRegistration> registration = ArgumentCaptor.forClass(WorkerRegistration.class);
		verify(this.registry).register(registration.capture());
		assertThat(registration.getValue())
			.isEqualTo(new WorkerRegistration("pi-1", "http://10.0.0.1:8080", taken, Map.of("zone", "attic"), "run-1"));
	}

	@Test
	void fieldsOfTheWrongTypeAreNamedWithTheOtherProblems() throws Exception {
		register("{\"node\":5,\"url\":\"ftp://x\",\"capacity\":2,\"labels\":[\"zone\"],\"instance_id\":7}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("node", "url", "labels", "instance_id")));
	}

	@ParameterizedTest
	@CsvSource(textBlock = """
			http://10.0.0.1:99999
			http://10.0.0.1:0
			http://10.0.0.1:8080/?node=pi-1
			http://10.0.0.1:8080#top
			""")
	void aUrlThatCannotBeAWorkersBaseIsA422(String url) throws Exception {
		register("{\"node\":\"pi-1\",\"url\":\"" + url + "\",\"capacity\":2}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.length()").value(1))
			.andExpect(jsonPath("$.errors[0].field").value("url"))
			.andExpect(jsonPath("$.errors[0].message").value("must be an http or https base URL"));
		verify(this.registry, never()).register(any());
	}

	@ParameterizedTest
	@CsvSource(textBlock = """
			http://10.0.0.1:65535
			http://10.0.0.1
			https://pi-1.lan/worker/
			http://[fd00::1]:8080
			""")
	void aBaseUrlWithAPortInRangeOrNoneIsTaken(String url) throws Exception {
		register("{\"node\":\"pi-1\",\"url\":\"" + url + "\",\"capacity\":2}").andExpect(status().isOk());
		verify(this.registry).register(any());
	}

	@Test
	void aLabelThatIsNoStringIsNamed() throws Exception {
		register("{\"node\":\"pi-1\",\"url\":\"http://10.0.0.1:8080\",\"capacity\":2,\"labels\":{\"zone\":1}}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("labels.zone"));
	}

	@Test
	void aBodyThatIsNoObjectIsA422AndMalformedJsonA400() throws Exception {
		register("[1]").andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("body"));
		register("{\"node\":").andExpect(status().isBadRequest());
	}

	private ResultActions register(String body) throws Exception {
		return this.mvc
			.perform(post("/internal/workers/register").contentType(MediaType.APPLICATION_JSON).content(body));
	}

}

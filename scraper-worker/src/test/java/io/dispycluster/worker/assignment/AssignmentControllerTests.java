package io.dispycluster.worker.assignment;

import java.util.List;

import io.dispycluster.worker.WebSliceTests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.http.MediaType;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The assignment API's statuses and bodies.
 */
class AssignmentControllerTests extends WebSliceTests {

	private static final String ASSIGNMENT = """
			{"job_id":"job_1","attempt":2,"spec":{"start_url":"http://h/","max_pages":5,"same_origin_only":true,
			 "timeout_s":10,"max_duration_s":60}}
			""";

	@Test
	void answers202WithTheJobAndAttempt() throws Exception {
		given(this.assignments.accept(any(), any(), any())).willReturn(new AssignmentAccepted("job_1", 2));

		this.mvc.perform(post("/assignments").contentType(MediaType.APPLICATION_JSON).content(ASSIGNMENT))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.job_id").value("job_1"))
			.andExpect(jsonPath("$.attempt").value(2));
	}

	@Test
	void answers503AtCapacity() throws Exception {
		given(this.assignments.accept(any(), any(), any())).willThrow(AssignmentProblems.atCapacity(2));

		this.mvc.perform(post("/assignments").contentType(MediaType.APPLICATION_JSON).content(ASSIGNMENT))
			.andExpect(status().isServiceUnavailable())
			.andExpect(header().string("Retry-After", "5"))
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("urn:dispycluster:problem:worker-at-capacity"));
	}

	@Test
	void answers404WhenCancellingAnUnknownJob() throws Exception {
		given(this.assignments.cancel("job_9", null)).willThrow(AssignmentProblems.notFound("job_9"));

		this.mvc.perform(post("/assignments/job_9/cancel"))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail").value("Job non trouvé"))
			.andExpect(jsonPath("$.job_id").value("job_9"));
	}

	@Test
	void answers202WhenCancelling() throws Exception {
		given(this.assignments.cancel("job_1", null)).willReturn(new AssignmentAccepted("job_1", 1));

		this.mvc.perform(post("/assignments/job_1/cancel")).andExpect(status().isAccepted());
	}

	@Test
	void passesTheAttemptOfACancellationOn() throws Exception {
		given(this.assignments.cancel("job_1", 3)).willReturn(new AssignmentAccepted("job_1", 3));

		this.mvc.perform(post("/assignments/job_1/cancel?attempt=3"))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.attempt").value(3));
	}

	@ParameterizedTest
	@ValueSource(strings = { "0", "-1", "two", "1.5" })
	void answers422NamingABadAttemptOfACancellation(String attempt) throws Exception {
		this.mvc.perform(post("/assignments/job_1/cancel?attempt=" + attempt))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("urn:dispycluster:problem:invalid-request"))
			.andExpect(jsonPath("$.errors[0].field").value("attempt"));
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"{\"job_id\":\"job_1\",\"spec\":{\"start_url\":\"http://h/\",\"max_pages\":5,\"same_origin_only\":true,"
					+ "\"timeout_s\":10,\"max_duration_s\":60}} | attempt",
			"{\"job_id\":\"job_1\",\"attempt\":1,\"spec\":{\"start_url\":\"http://h/\",\"same_origin_only\":true,"
					+ "\"timeout_s\":10,\"max_duration_s\":60}} | spec.max_pages",
			"{\"job_id\":\"job_1\",\"attempt\":1,\"spec\":{\"start_url\":\"http://h/\",\"max_pages\":5,"
					+ "\"same_origin_only\":null,\"timeout_s\":10,\"max_duration_s\":60}} | spec.same_origin_only" })
	void answers422NamingARequiredFieldLeftOut(String assignment, String field) throws Exception {
		this.mvc.perform(post("/assignments").contentType(MediaType.APPLICATION_JSON).content(assignment))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value(field))
			.andExpect(jsonPath("$.errors[0].message").value("is required"));
	}

	@Test
	void answers422NamingAFieldOfTheWrongType() throws Exception {
		this.mvc
			.perform(post("/assignments").contentType(MediaType.APPLICATION_JSON)
				.content(ASSIGNMENT.replace("\"same_origin_only\":true", "\"same_origin_only\":\"yes\"")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value("spec.same_origin_only"))
			.andExpect(jsonPath("$.errors[0].message").value("has a value of the wrong type"));
	}

	@Test
	void listsWhatRuns() throws Exception {
		given(this.assignments.list()).willReturn(
				List.of(new AssignmentView("job_1", 1, 3, "http://h/a"), new AssignmentView("job_2", 1, 0, null)));

		this.mvc.perform(get("/assignments"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].job_id").value("job_1"))
			.andExpect(jsonPath("$[0].pages_done").value(3))
			.andExpect(jsonPath("$[0].current_url").value("http://h/a"))
			.andExpect(jsonPath("$[1].job_id").value("job_2"));
	}

}

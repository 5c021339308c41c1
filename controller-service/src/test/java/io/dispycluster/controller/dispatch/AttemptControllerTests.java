package io.dispycluster.controller.dispatch;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A worker's progress and report name an integer of the wrong form or size with a 422,
 * rather than cutting 1.5 to 1 or taking a number too large for an int for malformed
 * JSON.
 */
@WebMvcTest(AttemptController.class)
class AttemptControllerTests {

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private AttemptReports reports;

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			textBlock = """
					progress | {"attempt": 1.5, "node": "n", "pages_done": 1}         | attempt   | must be an integer
					progress | {"attempt": 1, "node": "n", "pages_done": 2.7}        | pages_done | must be an integer
					progress | {"attempt": 99999999999, "node": "n", "pages_done": 1} | attempt | must be an integer within its range
					report   | {"attempt": 1.5, "node": "n", "outcome": "failed"}     | attempt   | must be an integer
					report   | {"attempt": 99999999999, "node": "n", "outcome": "failed"} | attempt | must be an integer within its range
					""")
	void anIntegerOfTheWrongFormOrSizeIsA422NamingIt(String endpoint, String body, String field, String message)
			throws Exception {
		this.mvc.perform(post("/internal/jobs/job_1/" + endpoint).contentType(MediaType.APPLICATION_JSON).content(body))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].field").value(field))
			.andExpect(jsonPath("$.errors[0].message").value(message));
		verify(this.reports, never()).progress(any(), any());
		verify(this.reports, never()).report(any(), any());
	}

}

package io.dispycluster.worker.node;

import io.dispycluster.model.worker.SystemFigures;
import io.dispycluster.worker.WebSliceTests;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code GET /} and {@code GET /health} in the contract's shapes.
 */
class NodeControllerTests extends WebSliceTests {

	@Autowired
	private WorkerInstance instance;

	@Test
	void describesTheService() throws Exception {
		this.mvc.perform(get("/"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.service").value("DispyCluster Scraper Worker"))
			.andExpect(jsonPath("$.version").value("1.0.0"))
			.andExpect(jsonPath("$.status").value("running"))
			.andExpect(jsonPath("$.endpoints.health").value("/health"))
			.andExpect(jsonPath("$.endpoints.scrape").value("/scrape"));
	}

	@Test
	void reportsItsHealthCapacityAndActiveJobs() throws Exception {
		given(this.assignments.capacity()).willReturn(2);
		given(this.assignments.activeCount()).willReturn(1);
		given(this.system.latest()).willReturn(new SystemFigures(12.5, 40.2, 71.0, 0.5, 0.4, 0.3, 48.3, 3600L));

		this.mvc.perform(get("/health"))
			.andExpect(status().isOk())
			.andExpect(content().json("{\"status\":\"ok\",\"node\":\"local\",\"capacity\":2,\"active_jobs\":1,"
					+ "\"system\":{\"cpu_percent\":12.5,\"memory_percent\":40.2,\"disk_percent\":71.0,\"load1\":0.5,"
					+ "\"load5\":0.4,\"load15\":0.3,\"temperature_c\":48.3,\"uptime_s\":3600},\"instance_id\":\""
					+ this.instance.id() + "\"}", true));
	}

	@Test
	void reportsTheIdOfItsProcessSoThatTheControllerNoticesARestart() throws Exception {
		given(this.system.latest()).willReturn(new SystemFigures(null, null, null, null, null, null, null, null));

		this.mvc.perform(get("/health"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.instance_id").value(this.instance.id()));
	}

	@Test
	void answersAProblemForAnUnknownPath() throws Exception {
		this.mvc.perform(get("/nowhere")).andExpect(status().isNotFound()).andExpect(jsonPath("$.status").value(404));
	}

}

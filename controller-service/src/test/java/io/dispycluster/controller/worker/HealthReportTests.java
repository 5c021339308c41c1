package io.dispycluster.controller.worker;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class HealthReportTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void readsTheContractFieldsAndTheSystemFigures() {
		HealthReport report = HealthReport.from(JSON.readTree("{\"status\":\"ok\",\"node\":\"pi4\",\"capacity\":3,"
				+ "\"active_jobs\":1,\"system\":{\"cpu_percent\":37.5,\"memory_percent\":61.0,\"disk_percent\":12.0,"
				+ "\"load1\":0.8,\"temperature_c\":58.4,\"uptime_s\":1200}}"));
		assertThat(report).isEqualTo(new HealthReport(3, 1, 37.5, 61.0, 58.4));
	}

	@Test
	void readsTheInstanceIdOfTheWorkersProcessWhenItIsAShortText() {
		assertThat(HealthReport.from(JSON.readTree("{\"instance_id\":\"3f1c\"}")).instanceId()).isEqualTo("3f1c");
		assertThat(HealthReport.from(JSON.readTree("{\"instance_id\":\"" + "x".repeat(65) + "\"}")).instanceId())
			.isNull();
		assertThat(HealthReport.from(JSON.readTree("{\"instance_id\":7}")).instanceId()).isNull();
		assertThat(HealthReport.from(JSON.readTree("{\"instance_id\":\" \"}")).instanceId()).isNull();
	}

	@Test
	void namesTheOtherNodeAWorkersHealthGivesAndNothingForItsOwnNameOrNone() {
		assertThat(HealthReport.otherNode(JSON.readTree("{\"node\":\"pi4-b\"}"), "pi4-a")).isEqualTo("pi4-b");
		assertThat(HealthReport.otherNode(JSON.readTree("{\"node\":\"" + "n".repeat(300) + "\"}"), "pi4-a"))
			.hasSize(255);
		assertThat(HealthReport.otherNode(JSON.readTree("{\"node\":\"pi4-a\"}"), "pi4-a")).isNull();
		// Workers of the original API give no name.
		assertThat(HealthReport.otherNode(JSON.readTree("{\"status\":\"ok\"}"), "pi4-a")).isNull();
		assertThat(HealthReport.otherNode(JSON.readTree("{\"node\":\" \"}"), "pi4-a")).isNull();
		assertThat(HealthReport.otherNode(JSON.readTree("{\"node\":4}"), "pi4-a")).isNull();
		assertThat(HealthReport.otherNode(JSON.readTree("[]"), "pi4-a")).isNull();
		assertThat(HealthReport.otherNode(null, "pi4-a")).isNull();
	}

	@Test
	void readsTopLevelUsageFields() {
		assertThat(HealthReport.from(JSON.readTree("{\"cpu_usage\":12,\"memory_usage\":34.5}")))
			.isEqualTo(new HealthReport(null, null, 12.0, 34.5, null));
	}

	@Test
	void ignoresWhatIsMissingOrNonsensical() {
		assertThat(HealthReport.from(JSON.readTree("{\"status\":\"ok\"}")))
			.isEqualTo(new HealthReport(null, null, null, null, null));
		assertThat(HealthReport.from(JSON.readTree("{\"capacity\":0,\"active_jobs\":-1,\"system\":{\"cpu_percent\":"
				+ "\"high\",\"memory_percent\":250,\"temperature_c\":null}}")))
			.isEqualTo(new HealthReport(null, null, null, 100.0, null));
		assertThat(HealthReport.from(JSON.readTree("[]"))).isEqualTo(new HealthReport(null, null, null, null, null));
		assertThat(HealthReport.from(null)).isEqualTo(new HealthReport(null, null, null, null, null));
	}

}

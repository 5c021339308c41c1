package io.dispycluster.monitoring.collect;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.dispycluster.monitoring.node.SystemFigures;

import static org.assertj.core.api.Assertions.assertThat;

class WorkerHealthReadingTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Instant AT = Instant.parse("2026-12-04T19:20:00Z");

	@Test
	void readsTheWorkersSystemFigures() {
		// The shape of common-model's SystemFigures under "system", next to WorkerHealth.
		WorkerHealthReading reading = read("""
				{"status":"ok","node":"pi5","capacity":2,"active_jobs":1,
				 "system":{"cpu_percent":12.5,"memory_percent":40,"disk_percent":55.254,"load1":0.5,
				           "load5":0.25,"load15":0.125,"temperature_c":51.5,"uptime_s":7200}}
				""");

		assertThat(reading.activeJobs()).isEqualTo(1);
		assertThat(reading.capacity()).isEqualTo(2);
		assertThat(reading.figures(null))
			.isEqualTo(new SystemFigures(12.5, 40.0, 55.25, 0.5, 0.25, 0.13, 51.5, null, null, 7200L));
	}

	@Test
	void readsALoadAverageArrayAndOtherSpellings() {
		WorkerHealthReading reading = read("""
				{"system":{"cpu_percent":1,"load_average":[0.5,0.25,0.125],"temperature_celsius":40,
				           "uptime_seconds":7200.9}}
				""");

		assertThat(reading.figures(null))
			.isEqualTo(new SystemFigures(1.0, null, null, 0.5, 0.25, 0.13, 40.0, null, null, 7200L));
	}

	@Test
	void readsTopLevelFiguresUnderTheirOtherNames() {
		WorkerHealthReading reading = read("""
				{"status":"ok","node":"pi5","capacity":4,"active_jobs":0,"cpu_usage":99.999,"memory_usage":10,
				 "disk_usage":20,"load_1m":1,"load_5m":2,"load_15m":3,"temperature":70.25,"uptime_s":60}
				""");

		assertThat(reading.figures(null))
			.isEqualTo(new SystemFigures(100.0, 10.0, 20.0, 1.0, 2.0, 3.0, 70.25, null, null, 60L));
	}

	@Test
	void toleratesAHealthWithoutSystemFigures() {
		WorkerHealthReading reading = read("""
				{"status":"ok","node":"local","capacity":2,"active_jobs":0,"extra":{"anything":true}}
				""");

		assertThat(reading.figures(null)).isEqualTo(SystemFigures.NONE);
		assertThat(reading.capacity()).isEqualTo(2);
	}

	@Test
	void dropsValuesThatCannotBePercentages() {
		WorkerHealthReading reading = read("""
				{"cpu_usage":-3,"memory_usage":140,"disk_usage":"full","capacity":-1,"active_jobs":1.5}
				""");

		SystemFigures figures = reading.figures(null);
		assertThat(figures.cpuUsage()).isNull();
		assertThat(figures.memoryUsage()).isNull();
		assertThat(figures.diskUsage()).isNull();
		assertThat(reading.capacity()).isNull();
		assertThat(reading.activeJobs()).isNull();
	}

	@Test
	void turnsNetworkCountersIntoRates() {
		WorkerHealthReading first = read("""
				{"system":{"network_rx_bytes":1000000,"network_tx_bytes":5000}}
				""");
		WorkerHealthReading second = WorkerHealthReading.of(JSON.readTree("""
				{"system":{"network_rx_bytes":1150000,"network_tx_bytes":5000}}
				"""), AT.plusSeconds(15));

		SystemFigures figures = second.figures(first);

		assertThat(figures.networkRxBps()).isEqualTo(10_000.0);
		assertThat(figures.networkTxBps()).isEqualTo(0.0);
	}

	private static WorkerHealthReading read(String json) {
		JsonNode health = JSON.readTree(json);
		return WorkerHealthReading.of(health, AT);
	}

}

package io.dispycluster.monitoring.collect;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.dispycluster.monitoring.node.SystemFigures;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two scrapes of node_exporter on a Raspberry Pi 4, 15 seconds apart
 * ({@code src/test/resources/node-exporter}). Between them each of the 4 CPUs spent 15 s:
 * 11 s idle and 0.25 s in iowait (not busy), 3.75 s busy; the physical interfaces
 * received 1,500,000 (eth0) + 150,000 (wlan0) bytes and sent 300,000, while lo and
 * docker0 moved a lot more.
 */
class NodeExporterReadingTests {

	private static final Instant FIRST = Instant.parse("2025-11-24T16:00:00Z");

	@Test
	void computesEveryFigureFromTwoScrapes() throws IOException {
		NodeExporterReading first = NodeExporterReading.of(fixture("pi4-scrape-1.txt"), FIRST);
		NodeExporterReading second = NodeExporterReading.of(fixture("pi4-scrape-2.txt"), FIRST.plusSeconds(15));

		SystemFigures figures = second.figures(first);

		// (60 - 45) / 60 CPU seconds were busy
		assertThat(figures.cpuUsage()).isEqualTo(25.0);
		// (4e9 - 2.4e9) / 4e9
		assertThat(figures.memoryUsage()).isEqualTo(40.0);
		// / on /dev/mmcblk0p2 (not the rootfs placeholder, not /boot/firmware):
		// (3.2e10 - 1.2e10) / 3.2e10
		assertThat(figures.diskUsage()).isEqualTo(62.5);
		// listed as load1, load15, load5: each read by its exact name
		assertThat(figures.load1m()).isEqualTo(0.52);
		assertThat(figures.load5m()).isEqualTo(0.98);
		assertThat(figures.load15m()).isEqualTo(1.75);
		assertThat(figures.temperature()).isEqualTo(48.5);
		// (1,500,000 + 150,000) / 15 s and 300,000 / 15 s, lo and docker0 left out
		assertThat(figures.networkRxBps()).isEqualTo(110_000.0);
		assertThat(figures.networkTxBps()).isEqualTo(20_000.0);
		// node_time_seconds - node_boot_time_seconds
		assertThat(figures.uptimeS()).isEqualTo(262_815L);
	}

	@Test
	void givesTheGaugesButNoCounterFigureOnTheFirstScrape() throws IOException {
		SystemFigures figures = NodeExporterReading.of(fixture("pi4-scrape-1.txt"), FIRST).figures(null);

		assertThat(figures.cpuUsage()).isNull();
		assertThat(figures.networkRxBps()).isNull();
		assertThat(figures.networkTxBps()).isNull();
		assertThat(figures.memoryUsage()).isEqualTo(37.5);
		assertThat(figures.diskUsage()).isEqualTo(62.5);
		assertThat(figures.temperature()).isEqualTo(47.25);
		assertThat(figures.uptimeS()).isEqualTo(262_800L);
	}

	@Test
	void givesNoCounterFigureAfterARebootResetTheCounters() throws IOException {
		NodeExporterReading before = NodeExporterReading.of(fixture("pi4-scrape-2.txt"), FIRST);
		NodeExporterReading after = NodeExporterReading.of(fixture("pi4-scrape-1.txt"), FIRST.plusSeconds(15));

		SystemFigures figures = after.figures(before);

		assertThat(figures.cpuUsage()).isNull();
		assertThat(figures.networkRxBps()).isNull();
		assertThat(figures.memoryUsage()).isEqualTo(37.5);
	}

	@Test
	void takesTheHottestHwmonSensorWhenThereIsNoThermalZone() throws IOException {
		SystemFigures figures = NodeExporterReading.of(fixture("hwmon-scrape.txt"), FIRST).figures(null);

		assertThat(figures.temperature()).isEqualTo(61.5);
		assertThat(figures.load1m()).isEqualTo(2.5);
		assertThat(figures.memoryUsage()).isNull();
		assertThat(figures.diskUsage()).isNull();
		assertThat(figures.uptimeS()).isNull();
	}

	@Test
	void measuresRatesOnOurClockWhenTheNodeGivesNoTime() {
		NodeExporterReading first = NodeExporterReading.of("node_network_receive_bytes_total{device=\"eth0\"} 1000\n",
				FIRST);
		NodeExporterReading second = NodeExporterReading.of("node_network_receive_bytes_total{device=\"eth0\"} 3000\n",
				FIRST.plusSeconds(4));

		assertThat(second.figures(first).networkRxBps()).isEqualTo(500.0);
	}

	static String fixture(String name) throws IOException {
		try (InputStream in = NodeExporterReadingTests.class.getResourceAsStream("/node-exporter/" + name)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}

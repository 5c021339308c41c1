package io.dispycluster.worker.node;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CPU temperature from sysfs thermal zones, as a Raspberry Pi and a PC expose them.
 */
class ThermalZonesTests {

	@TempDir
	Path root;

	@Test
	void readsTheRaspberryPiCpuZoneInDegreesCelsius() throws IOException {
		zone(0, "cpu-thermal", "48312");

		assertThat(new ThermalZones(this.root).cpuTemperature()).contains(48.312);
	}

	@Test
	void prefersTheCpuZoneOverOthers() throws IOException {
		zone(0, "acpitz", "27800");
		zone(1, "x86_pkg_temp", "61000");

		assertThat(new ThermalZones(this.root).cpuTemperature()).contains(61.0);
	}

	@Test
	void fallsBackToTheFirstReadableZone() throws IOException {
		zone(0, "acpitz", "not a number");
		zone(1, "pch_skylake", "39500");

		assertThat(new ThermalZones(this.root).cpuTemperature()).contains(39.5);
	}

	@Test
	void reportsNothingWithoutZonesOrWithAbsurdReadings() throws IOException {
		assertThat(new ThermalZones(this.root.resolve("missing")).cpuTemperature()).isEmpty();
		zone(0, "cpu-thermal", "-273000");
		assertThat(new ThermalZones(this.root).cpuTemperature()).isEmpty();
	}

	private void zone(int index, String type, String temp) throws IOException {
		Path zone = Files.createDirectories(this.root.resolve("thermal_zone" + index));
		Files.writeString(zone.resolve("type"), type + "\n");
		Files.writeString(zone.resolve("temp"), temp + "\n");
	}

}

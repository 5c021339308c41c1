package io.dispycluster.worker.node;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.dispycluster.model.worker.SystemFigures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The node's figures as OSHI and the filesystem measure them on this machine.
 */
class SystemSamplerTests {

	@TempDir
	Path data;

	private SystemSampler sampler;

	@AfterEach
	void stop() {
		if (this.sampler != null) {
			this.sampler.destroy();
		}
	}

	@Test
	void measuresCpuBetweenSamplesAndEveryOtherFigure() throws IOException {
		Path thermal = Files.createDirectories(this.data.resolve("thermal/thermal_zone0"));
		Files.writeString(thermal.resolve("type"), "cpu-thermal");
		Files.writeString(thermal.resolve("temp"), "51234");
		this.sampler = new SystemSampler(new HealthProperties(Duration.ofHours(1), this.data.resolve("not/yet/created"),
				this.data.resolve("thermal")));

		assertThat(this.sampler.latest().cpuPercent()).isNull();
		SystemFigures figures = this.sampler.sample();

		assertThat(figures.cpuPercent()).isBetween(0.0, 100.0);
		assertThat(figures.memoryPercent()).isBetween(0.1, 100.0);
		assertThat(figures.diskPercent()).isBetween(0.0, 100.0);
		assertThat(figures.load1()).isNotNegative();
		assertThat(figures.load15()).isNotNegative();
		assertThat(figures.temperatureC()).isEqualTo(51.2);
		assertThat(figures.uptimeS()).isPositive();
		assertThat(this.sampler.latest()).isEqualTo(figures);
	}

}

package io.dispycluster.worker.node;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the worker measures its node for {@code GET /health}.
 *
 * @param sampleInterval how often CPU use (over the interval), memory, disk, load and
 * temperature are measured
 * @param diskPath the directory whose filesystem's use is reported (the data directory)
 * @param thermalPath where the kernel exposes thermal zones ({@code /sys/class/thermal}
 * on Linux, a Raspberry Pi included)
 */
@ConfigurationProperties("dispycluster.worker.health")
@Validated
public record HealthProperties(@DefaultValue("5s") Duration sampleInterval, @DefaultValue("./data") Path diskPath,
		@DefaultValue("/sys/class/thermal") Path thermalPath) {
}

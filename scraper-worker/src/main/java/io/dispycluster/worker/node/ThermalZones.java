package io.dispycluster.worker.node;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads the CPU temperature from the kernel's thermal zones
 * ({@code /sys/class/thermal/thermal_zone*}): a zone whose type names the CPU or the SoC
 * ({@code cpu-thermal} on a Raspberry Pi, {@code x86_pkg_temp} on a PC) is preferred,
 * else the first zone with a reading. Values are in millidegrees Celsius.
 */
final class ThermalZones {

	private final Path root;

	ThermalZones(Path root) {
		this.root = root;
	}

	/** The CPU temperature in degrees Celsius, or empty where no zone can be read. */
	Optional<Double> cpuTemperature() {
		Optional<Double> any = Optional.empty();
		for (Path zone : zones()) {
			Optional<Double> celsius = read(zone.resolve("temp")).flatMap(ThermalZones::celsius);
			if (celsius.isPresent() && isCpu(zone)) {
				return celsius;
			}
			if (any.isEmpty()) {
				any = celsius;
			}
		}
		return any;
	}

	private List<Path> zones() {
		List<Path> zones = new ArrayList<>();
		if (!Files.isDirectory(this.root)) {
			return zones;
		}
		try (DirectoryStream<Path> stream = Files.newDirectoryStream(this.root, "thermal_zone*")) {
			stream.forEach(zones::add);
		}
		catch (IOException ex) {
			return zones;
		}
		zones.sort(null);
		return zones;
	}

	private static boolean isCpu(Path zone) {
		String type = read(zone.resolve("type")).orElse("").toLowerCase(Locale.ROOT);
		return type.contains("cpu") || type.contains("x86_pkg") || type.contains("soc");
	}

	private static Optional<Double> celsius(String millidegrees) {
		try {
			double value = Long.parseLong(millidegrees) / 1000.0;
			// A disconnected sensor reads as absurd values; ignore them.
			return (value > -50 && value < 150) ? Optional.of(value) : Optional.empty();
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

	private static Optional<String> read(Path file) {
		try {
			return Optional.of(Files.readString(file).strip());
		}
		catch (IOException | RuntimeException ex) {
			return Optional.empty();
		}
	}

}

package io.dispycluster.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads this process's memory figures from {@code /proc/self/status} (Linux).
 */
public final class ProcessMemory {

	private ProcessMemory() {
	}

	/**
	 * A figure of {@code /proc/self/status} in MiB, such as {@code VmHWM} (peak resident
	 * set) or {@code VmRSS}.
	 * @param field the field name
	 * @return the value in MiB, or -1 when it cannot be read
	 */
	public static double mib(String field) {
		try {
			for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
				if (line.startsWith(field + ":")) {
					String kib = line.substring(field.length() + 1).replace("kB", "").strip();
					return Long.parseLong(kib) / 1024.0;
				}
			}
		}
		catch (IOException | NumberFormatException ex) {
			return -1;
		}
		return -1;
	}

}

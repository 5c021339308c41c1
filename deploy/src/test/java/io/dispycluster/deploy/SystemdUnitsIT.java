package io.dispycluster.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.dispycluster.deploy.DistTarballIT.Result;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The systemd units of {@code deploy/systemd}: the settings every unit must have, the
 * order the master's services start in, JVM flags that agree with the example environment
 * file, and {@code systemd-analyze verify} on all of them (where systemd is installed;
 * continuous integration must have it).
 */
class SystemdUnitsIT {

	private static final Path UNITS = DistTarballIT.repository().resolve("deploy/systemd");

	@TempDir
	Path work;

	@ParameterizedTest
	@ValueSource(strings = { "controller", "monitoring", "scheduler", "gateway", "worker" })
	void runsTheServiceJarAsTheDispyclusterUserConfinedToItsDataDirectory(String service) throws IOException {
		Map<String, List<String>> unit = unit(service);
		String module = "worker".equals(service) ? "scraper-worker" : service + "-service";
		String opts = service.toUpperCase() + "_JAVA_OPTS";
		assertThat(unit.get("ExecStart"))
			.containsExactly("/usr/bin/java $" + opts + " $JAVA_OPTS -jar /opt/dispycluster/" + module + ".jar");
		assertThat(unit.get("User")).containsExactly("dispycluster");
		assertThat(unit.get("EnvironmentFile")).contains("/etc/dispycluster/dispycluster.env");
		assertThat(unit.get("Environment")).contains("DISPYCLUSTER_CONFIG=/etc/dispycluster/dispycluster.yml",
				"DISPYCLUSTER_DATA_DIR=/var/lib/dispycluster");
		assertThat(unit.get("Restart")).containsExactly("on-failure");
		assertThat(unit.get("NoNewPrivileges")).containsExactly("yes");
		assertThat(unit.get("ProtectSystem")).containsExactly("strict");
		assertThat(unit.get("ProtectHome")).containsExactly("yes");
		assertThat(unit.get("PrivateTmp")).containsExactly("yes");
		assertThat(unit.get("ReadWritePaths")).containsExactly("/var/lib/dispycluster");
		assertThat(unit.get("WantedBy")).containsExactly("multi-user.target");
		assertThat(javaOpts(service)).contains("-Xmx", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError",
				"-XX:MaxMetaspaceSize=");
	}

	@Test
	void startsTheSchedulerAfterTheControllerAndTheGatewayAfterAllThree() throws IOException {
		assertThat(words(unit("scheduler").get("After"))).contains("dispycluster-controller.service");
		assertThat(words(unit("gateway").get("After"))).contains("dispycluster-controller.service",
				"dispycluster-monitoring.service", "dispycluster-scheduler.service");
		assertThat(words(unit("gateway").get("Wants"))).contains("dispycluster-controller.service",
				"dispycluster-monitoring.service", "dispycluster-scheduler.service");
		assertThat(words(unit("controller").get("After"))).doesNotContain("dispycluster-gateway.service");
	}

	@ParameterizedTest
	@ValueSource(strings = { "controller", "monitoring", "scheduler", "gateway", "worker" })
	void jvmFlagsOfTheUnitAreThoseOfTheExampleEnvironmentFile(String service) throws IOException {
		String name = service.toUpperCase() + "_JAVA_OPTS";
		Matcher line = Pattern.compile("(?m)^" + name + "=\"([^\"]*)\"$")
			.matcher(Files.readString(DistTarballIT.repository().resolve("deploy/config/dispycluster.env")));
		assertThat(line.find()).as("%s in dispycluster.env", name).isTrue();
		assertThat(line.group(1)).isEqualTo(javaOpts(service));
	}

	@Test
	void systemdAnalyzeVerifiesEveryUnit() throws IOException {
		Optional<Path> analyze = DistTarballIT.locate("systemd-analyze", "/usr/bin/systemd-analyze");
		if (analyze.isEmpty()) {
			assertThat(DistTarballIT.ci()).as("systemd-analyze is missing (Debian package systemd)").isFalse();
			Assumptions.abort("systemd-analyze is not installed (Debian package systemd)");
		}
		// ExecStart must name an executable: where the JDK is not /usr/bin/java, the
		// copies run this one.
		String java = Files.isExecutable(Path.of("/usr/bin/java")) ? "/usr/bin/java"
				: ProcessHandle.current().info().command().orElseThrow();
		List<String> command = new ArrayList<>(List.of(analyze.get().toString(), "verify", "--man=no"));
		try (var files = Files.list(UNITS)) {
			for (Path unit : files.filter((file) -> file.toString().endsWith(".service")).sorted().toList()) {
				Path copy = this.work.resolve(unit.getFileName());
				Files.writeString(copy,
						Files.readString(unit).replace("ExecStart=/usr/bin/java ", "ExecStart=" + java + " "));
				command.add(copy.toString());
			}
		}
		assertThat(command).hasSize(8);
		Result verify = DistTarballIT.exec(this.work, Map.of("SYSTEMD_LOG_LEVEL", "notice"),
				command.toArray(String[]::new));
		assertThat(verify.exitCode()).as(verify.output()).isZero();
		// verify reports bad settings ("Unknown key", "Failed to parse ... ignoring")
		// without failing
		assertThat(verify.output().lines().filter((line) -> line.contains("dispycluster-"))).as(verify.output())
			.isEmpty();
	}

	/** The unit's settings: each key with its values in file order. */
	static Map<String, List<String>> unit(String service) throws IOException {
		Map<String, List<String>> settings = new LinkedHashMap<>();
		StringBuilder logical = new StringBuilder();
		for (String line : Files.readAllLines(UNITS.resolve("dispycluster-" + service + ".service"))) {
			if (line.startsWith("#") || line.startsWith("[") || line.isBlank()) {
				continue;
			}
			if (line.endsWith("\\")) {
				logical.append(line, 0, line.length() - 1).append(' ');
				continue;
			}
			logical.append(line);
			String setting = logical.toString();
			logical.setLength(0);
			int equals = setting.indexOf('=');
			String value = setting.substring(equals + 1).strip();
			if (value.startsWith("\"") && value.endsWith("\"")) {
				value = value.substring(1, value.length() - 1);
			}
			settings.computeIfAbsent(setting.substring(0, equals).strip(), (key) -> new ArrayList<>()).add(value);
		}
		return settings;
	}

	/** The JVM flags a unit gives its service by default. */
	static String javaOpts(String service) throws IOException {
		String prefix = service.toUpperCase() + "_JAVA_OPTS=";
		return unit(service).get("Environment")
			.stream()
			.filter((value) -> value.startsWith(prefix))
			.map((value) -> value.substring(prefix.length()))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no Environment=" + prefix + " in the " + service + " unit"));
	}

	private static List<String> words(List<String> values) {
		return values.stream().flatMap((value) -> Arrays.stream(value.split("\\s+"))).toList();
	}

}

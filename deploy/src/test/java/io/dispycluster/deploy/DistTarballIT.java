package io.dispycluster.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The distribution tarball, {@code dist/dispycluster-<version>.tar.gz}: what it holds and
 * how it is laid out. With {@code -Pdist} the tests take the tarball that build made;
 * without, they make one with the same script ({@code deploy/src/assembly/dist.sh}) into
 * a folder of their own. The other deploy tests install from it through
 * {@link #distribution()}.
 */
class DistTarballIT {

	static final List<String> MODULES = List.of("controller-service", "monitoring-service", "scheduler-service",
			"gateway-service", "scraper-worker");

	static final List<String> SCRIPTS = List.of("install-master.sh", "install-node.sh", "uninstall.sh", "start.sh",
			"stop.sh", "check.sh");

	static final List<String> SERVICES = List.of("controller", "monitoring", "scheduler", "gateway", "worker");

	private static Path tarball;

	private static Path unpacked;

	@Test
	void holdsTheJarsTheScriptsTheUnitsTheConfigurationAndTheDocs() throws IOException {
		Path top = distribution();
		assertThat(top.getFileName().toString()).isEqualTo("dispycluster-" + version());
		for (String module : MODULES) {
			Path jar = top.resolve("lib").resolve(module + ".jar");
			assertThat(jar).isRegularFile();
			assertThat(Files.mismatch(jar, repository().resolve(module).resolve("target").resolve(module + ".jar")))
				.as("%s is the jar the build made", module)
				.isEqualTo(-1L);
		}
		for (String script : SCRIPTS) {
			Path file = top.resolve("deploy").resolve(script);
			assertThat(Files.getPosixFilePermissions(file)).as(script)
				.contains(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OTHERS_EXECUTE);
			assertThat(file).hasSameBinaryContentAs(repository().resolve("deploy").resolve(script));
		}
		for (String service : SERVICES) {
			assertThat(top.resolve("deploy/systemd/dispycluster-" + service + ".service")).isRegularFile();
		}
		assertThat(top.resolve("deploy/nginx/dispycluster.conf")).isRegularFile();
		assertThat(top.resolve("deploy/config/dispycluster.yml")).isRegularFile();
		assertThat(top.resolve("deploy/config/dispycluster.env")).isRegularFile();
		assertThat(top.resolve("README.md")).hasSameTextualContentAs(repository().resolve("README.md"));
		assertThat(top.resolve("docs/operations.md")).isRegularFile();
		assertThat(Files.readString(top.resolve("VERSION")).strip()).isEqualTo(version());
		for (String folder : List.of("prometheus", "grafana")) {
			assertThat(Files.isDirectory(top.resolve("deploy").resolve(folder)))
				.as("deploy/%s is shipped when the repository has it", folder)
				.isEqualTo(Files.isDirectory(repository().resolve("deploy").resolve(folder)));
		}
	}

	@Test
	void shipsNoBuildOutputOrSources() throws IOException {
		List<String> entries = List
			.of(exec(repository(), Map.of(), "tar", "tzf", tarball().toString()).output().split("\n"));
		String top = "dispycluster-" + version() + "/";
		assertThat(entries).allSatisfy((entry) -> assertThat(entry).startsWith(top));
		assertThat(entries).noneMatch((entry) -> entry.contains("/target/") || entry.contains("/src/")
				|| entry.endsWith("pom.xml") || entry.contains("/data/") || entry.endsWith(".log"));
	}

	/** The unpacked distribution's top folder, {@code dispycluster-<version>}. */
	static synchronized Path distribution() {
		if (unpacked == null) {
			try {
				Path into = Files.createTempDirectory("dispycluster-dist");
				Result untar = exec(into, Map.of(), "tar", "xzf", tarball().toString());
				assertThat(untar.exitCode()).as(untar.output()).isZero();
				unpacked = into.resolve("dispycluster-" + version());
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return unpacked;
	}

	/** The tarball of a {@code -Pdist} build, or one made for these tests. */
	static synchronized Path tarball() {
		if (tarball == null) {
			String built = System.getProperty("dispycluster.dist.tarball");
			if (built != null) {
				tarball = Path.of(built).toAbsolutePath().normalize();
				assertThat(tarball).as("the tarball of the -Pdist build").isRegularFile();
			}
			else {
				tarball = makeTarball();
			}
		}
		return tarball;
	}

	private static Path makeTarball() {
		try {
			Path out = Files.createTempDirectory("dispycluster-tarball");
			Result dist = exec(repository(), Map.of(), "bash",
					repository().resolve("deploy/src/assembly/dist.sh").toString(), repository().toString(), "",
					out.toString());
			assertThat(dist.exitCode()).as(dist.output()).isZero();
			return out.resolve("dispycluster-" + version() + ".tar.gz");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static Path repository() {
		String root = System.getProperty("dispycluster.root");
		Path path = (root != null) ? Path.of(root) : Path.of("..");
		return path.toAbsolutePath().normalize();
	}

	/** The project version, from the parent pom. */
	static String version() {
		try (Stream<String> lines = Files.lines(repository().resolve("pom.xml"))) {
			return lines.filter((line) -> line.startsWith("\t<version>"))
				.findFirst()
				.map((line) -> line.replace("<version>", "").replace("</version>", "").strip())
				.orElseThrow();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Runs a command to its end, standard error merged into the output.
	 * @param dir the working directory
	 * @param env variables to add to (or, with a null value, remove from) the environment
	 * @param command the command and its arguments
	 */
	static Result exec(Path dir, Map<String, String> env, String... command) {
		ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
		builder.environment().remove("DESTDIR");
		env.forEach((name, value) -> {
			if (value == null) {
				builder.environment().remove(name);
			}
			else {
				builder.environment().put(name, value);
			}
		});
		try {
			Process process = builder.start();
			process.getOutputStream().close();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(5, TimeUnit.MINUTES)) {
				process.destroyForcibly();
				throw new IllegalStateException("still running after 5 minutes: " + Arrays.toString(command));
			}
			return new Result(process.exitValue(), output);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Where a program is: on the PATH, or at one of the given places. */
	static Optional<Path> locate(String program, String... elsewhere) {
		List<Path> places = new ArrayList<>();
		for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
			if (!dir.isEmpty()) {
				places.add(Path.of(dir, program));
			}
		}
		for (String path : elsewhere) {
			places.add(Path.of(path));
		}
		return places.stream().filter(Files::isExecutable).findFirst();
	}

	/** Whether this run is continuous integration, where a missing tool is an error. */
	static boolean ci() {
		return "true".equalsIgnoreCase(System.getenv("CI"));
	}

	/**
	 * A finished command.
	 *
	 * @param exitCode its exit status
	 * @param output what it printed
	 */
	record Result(int exitCode, String output) {
	}

}

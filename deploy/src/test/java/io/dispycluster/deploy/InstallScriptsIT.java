package io.dispycluster.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.dispycluster.deploy.DistTarballIT.Result;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The install scripts of the unpacked tarball, run into a temporary root
 * ({@code --root}): what a dry run prints and leaves alone, what a real run puts where, a
 * second run changing nothing, an edited configuration kept, and an uninstall that keeps
 * the data.
 */
class InstallScriptsIT {

	private static final List<String> MASTER = List.of("controller", "monitoring", "scheduler", "gateway");

	@TempDir
	Path root;

	@TempDir
	Path work;

	@Test
	void dryRunPrintsTheInstallationAndChangesNothing() throws IOException {
		Result dry = install("install-master.sh", "--dry-run");
		assertThat(dry.exitCode()).as(dry.output()).isZero();
		assertThat(dry.output()).contains("dry run: nothing is changed", "would create /var/lib/dispycluster",
				"would install /opt/dispycluster/controller-service.jar",
				"would install /etc/dispycluster/dispycluster.yml",
				"would install /etc/systemd/system/dispycluster-gateway.service",
				"skipped (root prefix): useradd --system",
				"skipped (root prefix): systemctl enable " + "dispycluster-gateway.service");
		assertThat(dry.output()).doesNotContain("scraper-worker.jar");
		assertThat(tree()).isEmpty();
	}

	@Test
	void masterGetsItsFourServicesTheirConfigurationAndTheirUnits() throws IOException {
		Result master = install("install-master.sh");
		assertThat(master.exitCode()).as(master.output()).isZero();
		Path dist = DistTarballIT.distribution();
		for (String service : MASTER) {
			String module = module(service);
			assertThat(file("/opt/dispycluster/" + module + ".jar"))
				.hasSameBinaryContentAs(dist.resolve("lib/" + module + ".jar"));
			assertThat(file("/etc/systemd/system/dispycluster-" + service + ".service"))
				.hasSameBinaryContentAs(dist.resolve("deploy/systemd/dispycluster-" + service + ".service"));
			assertThat(master.output())
				.contains("skipped (root prefix): systemctl enable dispycluster-" + service + ".service");
		}
		assertThat(file("/opt/dispycluster/scraper-worker.jar")).doesNotExist();
		assertThat(file("/etc/systemd/system/dispycluster-worker.service")).doesNotExist();
		assertThat(master.output()).contains("skipped (root prefix): systemctl daemon-reload");
		// start.sh runs systemctl: the next step shown is one that works as typed
		assertThat(master.output()).contains("sudo /opt/dispycluster/bin/start.sh && /opt/dispycluster/bin/check.sh");
		for (String script : List.of("start.sh", "stop.sh", "check.sh", "uninstall.sh")) {
			assertThat(mode("/opt/dispycluster/bin/" + script)).isEqualTo("rwxr-xr-x");
		}
		assertThat(file("/opt/dispycluster/docs/operations.md")).isRegularFile();
		assertThat(file("/opt/dispycluster/nginx/dispycluster.conf")).isRegularFile();
		assertThat(file("/etc/dispycluster/dispycluster.yml"))
			.hasSameBinaryContentAs(dist.resolve("deploy/config/dispycluster.yml"));
		assertThat(mode("/etc/dispycluster/dispycluster.yml")).isEqualTo("rw-r-----");
		assertThat(mode("/etc/dispycluster/dispycluster.env")).isEqualTo("rw-r-----");
		assertThat(mode("/etc/dispycluster")).isEqualTo("rwxr-x---");
		assertThat(mode("/var/lib/dispycluster")).isEqualTo("rwxr-x---");
		assertThat(Files.readString(file("/etc/dispycluster/dispycluster.env")))
			.contains("DISPYCLUSTER_ENV=\"production\"", "DISPYCLUSTER_WORKER_NODENAME=\"master-1\"",
					"DISPYCLUSTER_WORKER_ADVERTISEDURL=\"http://192.168.1.10:8080\"")
			.doesNotContain("@");
	}

	@Test
	void nodeGetsTheWorkerOnlyUnderItsOwnName() throws IOException {
		Path config = Files.writeString(this.work.resolve("cluster.yml"),
				"dispycluster:\n  services:\n    controller: http://master.lan:8081\n");
		Result node = exec("install-node.sh", "--root", this.root.toString(), "--node-name", "pi-node-7", "--address",
				"192.168.1.27", "--config", config.toString());
		assertThat(node.exitCode()).as(node.output()).isZero();
		assertThat(file("/opt/dispycluster/scraper-worker.jar")).isRegularFile();
		assertThat(file("/etc/systemd/system/dispycluster-worker.service")).isRegularFile();
		assertThat(node.output()).contains("skipped (root prefix): systemctl enable dispycluster-worker.service");
		assertThat(node.output()).contains("sudo /opt/dispycluster/bin/start.sh && /opt/dispycluster/bin/check.sh");
		for (String service : MASTER) {
			assertThat(file("/opt/dispycluster/" + module(service) + ".jar")).doesNotExist();
			assertThat(file("/etc/systemd/system/dispycluster-" + service + ".service")).doesNotExist();
		}
		assertThat(file("/etc/dispycluster/dispycluster.yml")).hasSameBinaryContentAs(config);
		assertThat(Files.readString(file("/etc/dispycluster/dispycluster.env"))).contains(
				"DISPYCLUSTER_WORKER_NODENAME=\"pi-node-7\"",
				"DISPYCLUSTER_WORKER_ADVERTISEDURL=\"http://192.168.1.27:8080\"");
	}

	@Test
	void secondRunChangesNothing() throws IOException {
		assertThat(install("install-master.sh").exitCode()).isZero();
		Map<String, String> before = tree();
		Result again = install("install-master.sh");
		assertThat(again.exitCode()).as(again.output()).isZero();
		assertThat(again.output()).contains("Nothing to do").doesNotContain("install /", "update /", "create /");
		assertThat(tree()).isEqualTo(before);
		Result dry = install("install-master.sh", "--dry-run");
		assertThat(dry.output()).contains("Nothing to do").doesNotContain("would install", "would update");
	}

	@Test
	void editedConfigurationIsKeptAndTheNewOneGoesBesideIt() throws IOException {
		assertThat(install("install-master.sh").exitCode()).isZero();
		Path yml = file("/etc/dispycluster/dispycluster.yml");
		String edited = Files.readString(yml).replace("capacity: 1", "capacity: 3");
		Files.writeString(yml, edited);
		Result upgrade = install("install-master.sh");
		assertThat(upgrade.exitCode()).as(upgrade.output()).isZero();
		assertThat(upgrade.output()).contains("keep /etc/dispycluster/dispycluster.yml (edited)");
		assertThat(yml).hasContent(edited);
		assertThat(file("/etc/dispycluster/dispycluster.yml.dist"))
			.hasSameBinaryContentAs(DistTarballIT.distribution().resolve("deploy/config/dispycluster.yml"));
		Map<String, String> before = tree();
		Result again = install("install-master.sh");
		assertThat(again.output()).contains("Nothing to do", "kept /etc/dispycluster/dispycluster.yml (yours");
		assertThat(tree()).isEqualTo(before);
	}

	@Test
	void damagedProgramFilesAreRestored() throws IOException {
		assertThat(install("install-master.sh").exitCode()).isZero();
		Path jar = file("/opt/dispycluster/gateway-service.jar");
		Files.write(jar, new byte[] { 1, 2, 3 });
		Path unit = file("/etc/systemd/system/dispycluster-gateway.service");
		Files.writeString(unit, "[Unit]\n");
		Result again = install("install-master.sh");
		assertThat(again.output()).contains("update /opt/dispycluster/gateway-service.jar",
				"update /etc/systemd/system/dispycluster-gateway.service",
				"skipped (root prefix): systemctl daemon-reload");
		assertThat(jar).hasSameBinaryContentAs(DistTarballIT.distribution().resolve("lib/gateway-service.jar"));
	}

	@Test
	void uninstallRemovesProgramsAndUnitsAndKeepsConfigurationAndDataUnlessPurged() throws IOException {
		assertThat(install("install-master.sh").exitCode()).isZero();
		Path database = Files.writeString(file("/var/lib/dispycluster/controller.mv.db"), "jobs");
		Map<String, String> installed = tree();
		Result dry = exec("uninstall.sh", "--root", this.root.toString(), "--dry-run");
		assertThat(dry.output()).contains("would remove /opt/dispycluster",
				"would remove /etc/systemd/system/dispycluster-controller.service");
		assertThat(tree()).isEqualTo(installed);

		Result uninstall = exec("uninstall.sh", "--root", this.root.toString());
		assertThat(uninstall.exitCode()).as(uninstall.output()).isZero();
		assertThat(uninstall.output()).contains("skipped (root prefix): systemctl disable --now");
		assertThat(file("/opt/dispycluster")).doesNotExist();
		for (String service : MASTER) {
			assertThat(file("/etc/systemd/system/dispycluster-" + service + ".service")).doesNotExist();
		}
		assertThat(database).hasContent("jobs");
		assertThat(file("/etc/dispycluster/dispycluster.yml")).isRegularFile();

		Result reinstall = install("install-master.sh");
		assertThat(reinstall.output()).doesNotContain("install /etc/dispycluster/dispycluster.yml", ".dist");
		assertThat(database).hasContent("jobs");

		Result purge = exec("uninstall.sh", "--root", this.root.toString(), "--purge");
		assertThat(purge.exitCode()).as(purge.output()).isZero();
		assertThat(file("/etc/dispycluster")).doesNotExist();
		assertThat(file("/var/lib/dispycluster")).doesNotExist();
		assertThat(purge.output()).contains("skipped (root prefix): userdel dispycluster");
	}

	private Result install(String script, String... more) {
		List<String> args = new ArrayList<>(
				List.of("--root", this.root.toString(), "--node-name", "master-1", "--address", "192.168.1.10"));
		args.addAll(List.of(more));
		return exec(script, args.toArray(String[]::new));
	}

	private Result exec(String script, String... args) {
		List<String> command = new ArrayList<>();
		command.add("bash");
		command.add(DistTarballIT.distribution().resolve("deploy").resolve(script).toString());
		command.addAll(List.of(args));
		return DistTarballIT.exec(this.root, Map.of(), command.toArray(String[]::new));
	}

	private Path file(String absolute) {
		return this.root.resolve(absolute.substring(1));
	}

	private String mode(String absolute) throws IOException {
		return PosixFilePermissions.toString(Files.getPosixFilePermissions(file(absolute)));
	}

	private static String module(String service) {
		return "worker".equals(service) ? "scraper-worker" : service + "-service";
	}

	/** Every path under the root with its permissions, size and modification time. */
	private Map<String, String> tree() {
		Map<String, String> tree = new TreeMap<>();
		try (Stream<Path> paths = Files.walk(this.root)) {
			paths.filter((path) -> !path.equals(this.root)).forEach((path) -> {
				try {
					String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
					String state = Files.isDirectory(path) ? "dir " + mode
							: mode + " " + Files.size(path) + " " + Files.getLastModifiedTime(path);
					tree.put(this.root.relativize(path).toString(), state);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return tree;
	}

}

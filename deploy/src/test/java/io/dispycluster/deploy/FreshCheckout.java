package io.dispycluster.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A machine that has never built the project, for tests of the commands a new user runs:
 * the repository's sources without build output, and a local Maven repository without the
 * project's own modules.
 */
final class FreshCheckout {

	/**
	 * Where the project's own artifacts go in a Maven repository
	 * ({@code io.dispycluster}).
	 */
	private static final Path PROJECT_GROUP = Path.of("io", "dispycluster");

	private FreshCheckout() {
	}

	/**
	 * Copies the files git would check out (tracked, plus new files not ignored) from the
	 * repository at {@code root} into {@code target}, keeping their permissions.
	 */
	static Path copySources(Path root, Path target) throws IOException, InterruptedException {
		for (String file : sourceFiles(root)) {
			Path destination = target.resolve(file);
			Files.createDirectories(destination.getParent());
			Files.copy(root.resolve(file), destination, StandardCopyOption.COPY_ATTRIBUTES);
		}
		return target;
	}

	/**
	 * A local Maven repository at {@code target} that sees every artifact of the user's
	 * one (by symbolic links) except the project's own modules, so that a build can only
	 * find them by building them.
	 */
	static Path repositoryWithoutProjectModules(Path target) throws IOException {
		Path userRepository = Path.of(System.getProperty("user.home"), ".m2", "repository");
		linkAllBut(userRepository, target, PROJECT_GROUP);
		return target;
	}

	/**
	 * Removes a repository made by {@link #repositoryWithoutProjectModules}: its links,
	 * never what they point to (the user's own repository).
	 */
	static void removeRepository(Path repository) throws IOException {
		if (!Files.exists(repository, LinkOption.NOFOLLOW_LINKS)) {
			return;
		}
		try (Stream<Path> entries = Files.list(repository)) {
			for (Path entry : entries.toList()) {
				if (Files.isSymbolicLink(entry)) {
					Files.delete(entry);
				}
				else if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
					removeRepository(entry);
				}
				else {
					Files.delete(entry);
				}
			}
		}
		Files.delete(repository);
	}

	private static void linkAllBut(Path source, Path target, Path excluded) throws IOException {
		Files.createDirectories(target);
		try (Stream<Path> entries = Files.list(source)) {
			for (Path entry : entries.toList()) {
				Path name = entry.getFileName();
				if (!name.equals(excluded.getName(0))) {
					Files.createSymbolicLink(target.resolve(name.toString()), entry);
				}
				else if (excluded.getNameCount() > 1) {
					linkAllBut(entry, target.resolve(name.toString()), excluded.subpath(1, excluded.getNameCount()));
				}
			}
		}
	}

	private static List<String> sourceFiles(Path root) throws IOException, InterruptedException {
		Process git = new ProcessBuilder("git", "ls-files", "--cached", "--others", "--exclude-standard", "-z")
			.directory(root.toFile())
			.redirectError(ProcessBuilder.Redirect.DISCARD)
			.start();
		String listing = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!git.waitFor(1, TimeUnit.MINUTES) || git.exitValue() != 0) {
			throw new IllegalStateException("git ls-files failed in " + root);
		}
		// deleted but still tracked files are listed too: copy only what exists
		return Stream.of(listing.split("\0"))
			.filter((file) -> !file.isEmpty() && Files.isRegularFile(root.resolve(file)))
			.toList();
	}

}

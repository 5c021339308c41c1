package io.dispycluster.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The example configuration shipped in {@code deploy/config}: every property of
 * {@code dispycluster.yml} and every variable of {@code dispycluster.env} is one a
 * service reads, so the example cannot drift into settings that do nothing.
 */
class DistConfigIT {

	private static final Path CONFIG = DistTarballIT.repository().resolve("deploy/config");

	private static final Pattern KEY = Pattern.compile("^(\\s*)(- )?([A-Za-z0-9_.-]+):(.*)$");

	private static final Pattern PREFIX = Pattern.compile("@ConfigurationProperties\\(\"([a-z0-9.-]+)\"\\)");

	@Test
	void everyPropertyOfTheExampleIsReadByAService() throws IOException {
		Set<String> known = new LinkedHashSet<>();
		List<Path> sources = new ArrayList<>();
		for (String module : DistTarballIT.MODULES) {
			Path main = DistTarballIT.repository().resolve(module).resolve("src/main");
			try (Stream<Path> files = Files.walk(main)) {
				for (Path file : files.toList()) {
					String name = file.getFileName().toString();
					if (name.startsWith("application") && name.endsWith(".yml")) {
						known.addAll(keys(file));
					}
					if (name.endsWith("Properties.java")) {
						sources.add(file);
					}
				}
			}
		}
		List<String> example = keys(CONFIG.resolve("dispycluster.yml"));
		assertThat(example).contains("dispycluster.nodes[].name", "dispycluster.nodes[].node-exporter",
				"dispycluster.security.api-keys", "dispycluster.security.internal-token", "spring.datasource.url");
		assertThat(example).allSatisfy((key) -> assertThat(known.contains(key) || boundByRecord(key, sources))
			.as("%s is read by no service (not in an application.yml, nor a component of a properties record)", key)
			.isTrue());
	}

	@Test
	void everyVariableOfTheExampleEnvironmentIsReadByAServiceOrAUnit() throws IOException {
		StringBuilder readers = new StringBuilder();
		for (String module : DistTarballIT.MODULES) {
			Path resources = DistTarballIT.repository().resolve(module).resolve("src/main/resources");
			try (Stream<Path> files = Files.list(resources)) {
				for (Path file : files.filter((f) -> f.toString().endsWith(".yml")).toList()) {
					readers.append(Files.readString(file));
				}
			}
		}
		Set<String> worker = relaxed(
				keys(DistTarballIT.repository().resolve("scraper-worker/src/main/resources/application.yml")));
		StringBuilder units = new StringBuilder();
		for (String service : DistTarballIT.SERVICES) {
			units.append(SystemdUnitsIT.unit(service));
		}
		Matcher variable = Pattern.compile("(?m)^([A-Z0-9_]+)=\"[^\"]*\"$")
			.matcher(Files.readString(CONFIG.resolve("dispycluster.env")));
		List<String> names = new ArrayList<>();
		while (variable.find()) {
			names.add(variable.group(1));
		}
		assertThat(names).contains("DISPYCLUSTER_ENV", "DISPYCLUSTER_LOG_LEVEL", "DISPYCLUSTER_MAX_WORKERS",
				"CONTROLLER_JAVA_OPTS", "WORKER_JAVA_OPTS", "JAVA_OPTS");
		assertThat(names)
			.allSatisfy((name) -> assertThat(readers.indexOf("${" + name + ":") >= 0 || worker.contains(name)
					|| units.indexOf("$" + name + " ") >= 0)
				.as("%s is read by no service and no unit", name)
				.isTrue());
	}

	/**
	 * Whether a key ends in a component of a {@code @ConfigurationProperties} record
	 * whose prefix starts the key (list items and nested records, which application.yml
	 * does not spell out).
	 */
	private static boolean boundByRecord(String key, List<Path> sources) {
		String last = key.substring(key.lastIndexOf('.') + 1);
		String component = camel(last);
		for (Path source : sources) {
			try {
				String text = Files.readString(source);
				Matcher prefix = PREFIX.matcher(text);
				if (prefix.find() && key.replace("[]", "").startsWith(prefix.group(1) + ".")
						&& Pattern.compile("\\b" + component + "\\b").matcher(text).find()) {
					return true;
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return false;
	}

	/**
	 * Environment variable names of properties, as Spring's relaxed binding reads them.
	 */
	private static Set<String> relaxed(List<String> keys) {
		Set<String> names = new LinkedHashSet<>();
		for (String key : keys) {
			names.add(key.replace("[]", "").replace("-", "").replace('.', '_').toUpperCase(Locale.ROOT));
		}
		return names;
	}

	private static String camel(String kebab) {
		StringBuilder camel = new StringBuilder();
		boolean upper = false;
		for (char c : kebab.toCharArray()) {
			if (c == '-') {
				upper = true;
			}
			else {
				camel.append(upper ? Character.toUpperCase(c) : c);
				upper = false;
			}
		}
		return camel.toString();
	}

	/**
	 * The property paths of a YAML file, as far as this project writes YAML: block maps,
	 * lists of maps ({@code nodes[].name}), and flow values (lists in brackets) as
	 * leaves. Keys under {@code spring.config.activate} are left out; comments are
	 * skipped.
	 */
	static List<String> keys(Path yaml) throws IOException {
		List<String> keys = new ArrayList<>();
		List<Integer> indents = new ArrayList<>();
		List<String> path = new ArrayList<>();
		for (String line : Files.readAllLines(yaml)) {
			if (line.startsWith("---")) {
				indents.clear();
				path.clear();
				continue;
			}
			Matcher key = KEY.matcher(line);
			if (line.strip().startsWith("#") || !key.matches()) {
				continue;
			}
			int indent = key.group(1).length();
			if (key.group(2) != null) {
				// "- name: x": the item's first key, one level below the list
				indent += 2;
				while (!indents.isEmpty() && indents.get(indents.size() - 1) >= indent - 2) {
					pop(indents, path);
				}
				if (!path.isEmpty() && !path.get(path.size() - 1).endsWith("[]")) {
					path.set(path.size() - 1, path.get(path.size() - 1) + "[]");
				}
			}
			else {
				while (!indents.isEmpty() && indents.get(indents.size() - 1) >= indent) {
					pop(indents, path);
				}
			}
			String value = key.group(4).replaceAll("\\s+#.*$", "").strip();
			indents.add(indent);
			path.add(key.group(3));
			String joined = String.join(".", path);
			if (!value.isEmpty() && !joined.startsWith("spring.config.activate")) {
				keys.add(joined);
			}
		}
		return keys;
	}

	private static void pop(List<Integer> indents, List<String> path) {
		indents.remove(indents.size() - 1);
		path.remove(path.size() - 1);
	}

}

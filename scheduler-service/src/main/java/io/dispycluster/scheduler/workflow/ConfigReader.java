package io.dispycluster.scheduler.workflow;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.dispycluster.scheduler.scrape.CrawlFields;
import io.dispycluster.support.problem.FieldProblem;
import io.dispycluster.support.submission.StartUrls;
import io.dispycluster.scheduler.system.WholeNumbers;

/**
 * Reads the values of a step's {@code config}, collecting a problem for each bad one.
 */
final class ConfigReader {

	private final Map<String, ?> config;

	private final String path;

	private final List<FieldProblem> problems;

	ConfigReader(@Nullable Map<String, ?> config, String path, List<FieldProblem> problems) {
		this.config = (config != null) ? config : Map.of();
		this.path = path;
		this.problems = problems;
	}

	/** Reports the keys that are not among those known. */
	void refuseUnknownKeys(Set<String> known, String hint) {
		for (String key : this.config.keySet()) {
			if (!known.contains(key)) {
				problem(key, "unknown key" + hint);
			}
		}
	}

	boolean has(String key) {
		return this.config.get(key) != null;
	}

	long integer(String key, long defaultValue, long min, long max) {
		Object value = this.config.get(key);
		if (value == null) {
			return defaultValue;
		}
		Long number = WholeNumbers.of(value);
		if (number == null) {
			problem(key, "must be a whole number");
			return defaultValue;
		}
		if (number < min || number > max) {
			problem(key, "must be between " + min + " and " + max);
			return defaultValue;
		}
		return number;
	}

	double ratio(String key) {
		Object value = this.config.get(key);
		double ratio = (value instanceof Number number) ? new BigDecimal(number.toString()).doubleValue() : -1;
		if (!(value instanceof Number) || ratio < 0 || ratio > 1) {
			problem(key, "must be a number between 0 and 1");
			return 0;
		}
		return ratio;
	}

	boolean bool(String key, boolean defaultValue) {
		Object value = this.config.get(key);
		if (value == null) {
			return defaultValue;
		}
		if (value instanceof Boolean bool) {
			return bool;
		}
		// "true" and "false" as a task and the controller take them
		String text = (value instanceof String string) ? string.strip().toLowerCase(Locale.ROOT) : "";
		if (text.equals("true") || text.equals("false")) {
			return Boolean.parseBoolean(text);
		}
		problem(key, "must be true or false");
		return defaultValue;
	}

	@Nullable String text(String key) {
		Object value = this.config.get(key);
		if (value == null) {
			return null;
		}
		if (!(value instanceof String text) || text.isBlank()) {
			problem(key, "must be a non-empty string");
			return null;
		}
		return text.trim();
	}

	@Nullable String requiredText(String key) {
		if (!has(key)) {
			problem(key, "is required");
			return null;
		}
		return text(key);
	}

	List<String> urls(String key, int max) {
		Object value = this.config.get(key);
		if (!(value instanceof List<?> list) || list.isEmpty() || list.size() > max) {
			problem(key, "must be a list of 1 to " + max + " http(s) URLs");
			return List.of();
		}
		List<String> urls = new ArrayList<>();
		for (int i = 0; i < list.size(); i++) {
			Object url = list.get(i);
			String problem = (url instanceof String text) ? StartUrls.problem(text) : "must be a string";
			if (problem != null) {
				problem(key + "[" + i + "]", problem);
			}
			else {
				urls.add(((String) url).trim());
			}
		}
		return urls;
	}

	/** The optional crawl fields of a scrape, checked as a task's are. */
	CrawlFields crawlFields() {
		List<FieldProblem> found = new ArrayList<>();
		CrawlFields crawl = CrawlFields.read(this.config, found);
		found.forEach((problem) -> problem(problem.field(), problem.message()));
		return crawl;
	}

	void problem(String key, String message) {
		this.problems.add(new FieldProblem(this.path + "." + key, message));
	}

	boolean hasProblems(int before) {
		return this.problems.size() > before;
	}

}

package io.dispycluster.worker.scrape;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import io.dispycluster.model.job.ExtractRule;
import io.dispycluster.worker.extract.FieldRule;
import io.dispycluster.support.problem.FieldProblem;
import org.jspecify.annotations.Nullable;

/**
 * The checks of a job's optional fields ({@code max_depth}, {@code include_patterns},
 * ...), each adding a problem that names the field when the value is wrong.
 */
final class OptionChecks {

	static final int MAX_PATTERNS = 50;

	static final int MAX_PATTERN_LENGTH = 500;

	static final int MAX_DELAY_MS = 60_000;

	static final int MAX_RULES = 50;

	private OptionChecks() {
	}

	static int maxDepth(String field, @Nullable Integer value, List<FieldProblem> problems) {
		if (value == null) {
			return Integer.MAX_VALUE;
		}
		if (value < 0) {
			problems.add(new FieldProblem(field, "must be at least 0"));
		}
		return value;
	}

	static List<Pattern> patterns(String field, @Nullable List<String> regexes, List<FieldProblem> problems) {
		if (regexes == null) {
			return List.of();
		}
		if (regexes.size() > MAX_PATTERNS) {
			problems.add(new FieldProblem(field, "must hold at most " + MAX_PATTERNS + " patterns"));
			return List.of();
		}
		List<Pattern> patterns = new ArrayList<>();
		for (int i = 0; i < regexes.size(); i++) {
			compile(field + "." + i, regexes.get(i), problems).ifPresent(patterns::add);
		}
		return patterns;
	}

	static Duration delay(String field, @Nullable Integer delayMs, Duration fallback, List<FieldProblem> problems) {
		if (delayMs == null) {
			return fallback;
		}
		if (delayMs < 0 || delayMs > MAX_DELAY_MS) {
			problems.add(new FieldProblem(field, "must be between 0 and " + MAX_DELAY_MS));
		}
		return Duration.ofMillis(Math.max(0, delayMs));
	}

	static @Nullable String userAgent(String field, @Nullable String userAgent, boolean allowed,
			List<FieldProblem> problems) {
		if (userAgent == null) {
			return null;
		}
		if (!allowed) {
			problems.add(new FieldProblem(field, "cannot be set on this worker"));
		}
		else if (userAgent.isBlank() || userAgent.length() > 200 || !userAgent.matches("[\\x20-\\x7E]+")) {
			problems.add(new FieldProblem(field, "must be 1 to 200 printable ASCII characters"));
		}
		return userAgent;
	}

	static List<FieldRule> extract(String field, @Nullable Map<String, ExtractRule> rules,
			List<FieldProblem> problems) {
		if (rules == null) {
			return List.of();
		}
		if (rules.size() > MAX_RULES) {
			problems.add(new FieldProblem(field, "must hold at most " + MAX_RULES + " fields"));
			return List.of();
		}
		List<FieldRule> compiled = new ArrayList<>();
		rules.forEach((name, rule) -> rule(field, name, rule, problems).ifPresent(compiled::add));
		return compiled;
	}

	private static Optional<FieldRule> rule(String field, String name, @Nullable ExtractRule rule,
			List<FieldProblem> problems) {
		String path = field + "." + name;
		if (name.isBlank() || name.length() > 100) {
			problems.add(new FieldProblem(path, "a field name must have 1 to 100 characters"));
			return Optional.empty();
		}
		if (rule == null || rule.selector() == null || rule.selector().isBlank()) {
			problems.add(new FieldProblem(path + ".selector", "is required"));
			return Optional.empty();
		}
		try {
			String attribute = (rule.attribute() != null) ? rule.attribute() : "text";
			return Optional.of(FieldRule.compile(name, rule.selector(), attribute, Boolean.TRUE.equals(rule.all())));
		}
		catch (IllegalArgumentException ex) {
			String[] what = ex.getMessage().split(": ", 2);
			problems.add(new FieldProblem(path + "." + what[0], what[1]));
			return Optional.empty();
		}
	}

	private static Optional<Pattern> compile(String field, @Nullable String regex, List<FieldProblem> problems) {
		if (regex == null || regex.isEmpty() || regex.length() > MAX_PATTERN_LENGTH) {
			problems.add(new FieldProblem(field,
					"must be a regular expression of 1 to " + MAX_PATTERN_LENGTH + " characters"));
			return Optional.empty();
		}
		try {
			return Optional.of(Pattern.compile(regex));
		}
		catch (PatternSyntaxException ex) {
			problems.add(new FieldProblem(field, "is not a valid regular expression: " + ex.getDescription()));
			return Optional.empty();
		}
	}

}

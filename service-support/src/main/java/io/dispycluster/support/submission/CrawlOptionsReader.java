package io.dispycluster.support.submission;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import io.dispycluster.support.problem.FieldProblem;
import io.dispycluster.model.job.CrawlOptions;
import io.dispycluster.model.job.ExtractRule;
import org.jspecify.annotations.Nullable;
import org.jsoup.select.QueryParser;
import org.jsoup.select.Selector.SelectorParseException;
import tools.jackson.databind.JsonNode;

/**
 * Reads and checks the optional crawl fields of a submission ({@code max_depth},
 * {@code include_patterns}, {@code exclude_patterns}, {@code delay_ms},
 * {@code user_agent}, {@code extract}) with the rules the worker applies to an
 * assignment, so that a bad value is a 422 naming the field at submission instead of a
 * job that fails on its worker. Regular expressions are compiled and CSS selectors parsed
 * with jsoup, the worker's parser.
 * <p>
 * Whether a worker lets a job override its user agent is the worker's configuration: here
 * only the form of {@code user_agent} is checked.
 */
public final class CrawlOptionsReader {

	public static final int MAX_PATTERNS = 50;

	public static final int MAX_PATTERN_LENGTH = 500;

	public static final int MAX_DELAY_MS = 60_000;

	public static final int MAX_RULES = 50;

	public static final int MAX_FIELD_NAME = 100;

	public static final int MAX_SELECTOR_LENGTH = 1000;

	private static final Pattern ATTRIBUTE = Pattern.compile("[A-Za-z_:][-A-Za-z0-9_:.]{0,99}");

	private static final Pattern USER_AGENT = Pattern.compile("[\\x20-\\x7E]{1,200}");

	private CrawlOptionsReader() {
	}

	/**
	 * The crawl options of a submission body.
	 * @param body the JSON object of the request
	 * @param errors where each problem is added, naming its field
	 * @return the options (fields with problems left out)
	 */
	public static CrawlOptions read(JsonNode body, List<FieldProblem> errors) {
		return new CrawlOptions(JsonValues.integerBetween(body, "max_depth", 0, Integer.MAX_VALUE, errors),
				patterns(body, "include_patterns", errors), patterns(body, "exclude_patterns", errors),
				JsonValues.integerBetween(body, "delay_ms", 0, MAX_DELAY_MS, errors), userAgent(body, errors),
				extract(body, errors));
	}

	private static @Nullable List<String> patterns(JsonNode body, String field, List<FieldProblem> errors) {
		JsonNode node = body.get(field);
		if (node == null || node.isNull()) {
			return null;
		}
		if (!node.isArray()) {
			errors.add(new FieldProblem(field, "must be an array of regular expressions"));
			return null;
		}
		if (node.size() > MAX_PATTERNS) {
			errors.add(new FieldProblem(field, "must hold at most " + MAX_PATTERNS + " patterns"));
			return null;
		}
		List<String> patterns = new ArrayList<>();
		for (int i = 0; i < node.size(); i++) {
			String regex = regex(node.get(i), field + "." + i, errors);
			if (regex != null) {
				patterns.add(regex);
			}
		}
		return patterns;
	}

	private static @Nullable String regex(JsonNode node, String field, List<FieldProblem> errors) {
		String regex = node.isString() ? node.stringValue() : null;
		if (regex == null || regex.isEmpty() || regex.length() > MAX_PATTERN_LENGTH) {
			errors.add(new FieldProblem(field,
					"must be a regular expression of 1 to " + MAX_PATTERN_LENGTH + " characters"));
			return null;
		}
		try {
			Pattern.compile(regex);
			return regex;
		}
		catch (PatternSyntaxException ex) {
			errors.add(new FieldProblem(field, "is not a valid regular expression: " + ex.getDescription()));
			return null;
		}
	}

	private static @Nullable String userAgent(JsonNode body, List<FieldProblem> errors) {
		JsonNode node = body.get("user_agent");
		if (node == null || node.isNull()) {
			return null;
		}
		if (!node.isString() || node.stringValue().isBlank() || !USER_AGENT.matcher(node.stringValue()).matches()) {
			errors.add(new FieldProblem("user_agent", "must be 1 to 200 printable ASCII characters"));
			return null;
		}
		return node.stringValue();
	}

	private static @Nullable Map<String, ExtractRule> extract(JsonNode body, List<FieldProblem> errors) {
		JsonNode node = body.get("extract");
		if (node == null || node.isNull()) {
			return null;
		}
		if (!node.isObject()) {
			errors.add(new FieldProblem("extract", "must be an object of field names to rules"));
			return null;
		}
		if (node.size() > MAX_RULES) {
			errors.add(new FieldProblem("extract", "must hold at most " + MAX_RULES + " fields"));
			return null;
		}
		Map<String, ExtractRule> rules = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> entry : node.properties()) {
			ExtractRule rule = rule(entry.getKey(), entry.getValue(), errors);
			if (rule != null) {
				rules.put(entry.getKey(), rule);
			}
		}
		return rules;
	}

	private static @Nullable ExtractRule rule(String name, JsonNode node, List<FieldProblem> errors) {
		String path = "extract." + name;
		if (name.isBlank() || name.length() > MAX_FIELD_NAME) {
			errors.add(new FieldProblem(path, "a field name must have 1 to " + MAX_FIELD_NAME + " characters"));
			return null;
		}
		if (node.isString()) {
			// The short form {"price": ".price"} that most scraping tools take: the text
			// of
			// the first match
			String selector = selector(node, path, errors);
			return (selector != null) ? new ExtractRule(selector, null, null) : null;
		}
		if (!node.isObject()) {
			errors.add(new FieldProblem(path, "must be a CSS selector or an object with a selector"));
			return null;
		}
		int before = errors.size();
		String selector = selector(node.get("selector"), path + ".selector", errors);
		String attribute = attribute(node.get("attribute"), path + ".attribute", errors);
		Boolean all = JsonValues.booleanOf(node.get("all"), path + ".all", errors);
		return (errors.size() == before) ? new ExtractRule(selector, attribute, all) : null;
	}

	private static @Nullable String selector(@Nullable JsonNode node, String field, List<FieldProblem> errors) {
		if (node == null || node.isNull() || (node.isString() && node.stringValue().isBlank())) {
			errors.add(new FieldProblem(field, "is required"));
			return null;
		}
		if (!node.isString() || node.stringValue().length() > MAX_SELECTOR_LENGTH) {
			errors
				.add(new FieldProblem(field, "must be a CSS selector of 1 to " + MAX_SELECTOR_LENGTH + " characters"));
			return null;
		}
		try {
			QueryParser.parse(node.stringValue());
			return node.stringValue();
		}
		catch (SelectorParseException | IllegalArgumentException ex) {
			errors.add(new FieldProblem(field, "not a valid CSS selector: " + ex.getMessage()));
			return null;
		}
	}

	private static @Nullable String attribute(@Nullable JsonNode node, String field, List<FieldProblem> errors) {
		if (node == null || node.isNull()) {
			return null;
		}
		if (!node.isString() || !ATTRIBUTE.matcher(node.stringValue()).matches()) {
			errors.add(new FieldProblem(field, "must be text, html or an attribute name"));
			return null;
		}
		return node.stringValue();
	}

}

package io.dispycluster.worker.extract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.jsoup.select.Selector;
import org.jspecify.annotations.Nullable;

/**
 * The fields a job's extraction rules read from a page, by name: one value (or null when
 * nothing matches), or a list with {@code all}. What one page yields is bounded, whatever
 * the page: each value is cut at {@value #MAX_VALUE_LENGTH} characters, each list at
 * {@value #MAX_VALUES} values, and the page's data at {@value #MAX_PAGE_CHARS} characters
 * in all (later values are then left out).
 */
public class DataExtractor implements Extractor<Map<String, @Nullable Object>> {

	static final int MAX_VALUE_LENGTH = 10_000;

	static final int MAX_VALUES = 200;

	static final int MAX_PAGE_CHARS = 256 * 1024;

	private final List<FieldRule> rules;

	public DataExtractor(List<FieldRule> rules) {
		this.rules = List.copyOf(rules);
	}

	@Override
	public Map<String, @Nullable Object> extract(Document page) {
		Map<String, @Nullable Object> data = new LinkedHashMap<>();
		Budget budget = new Budget();
		for (FieldRule rule : this.rules) {
			data.put(rule.name(), rule.all() ? all(rule, page, budget) : first(rule, page, budget));
		}
		return data;
	}

	private static @Nullable Object first(FieldRule rule, Document page, Budget budget) {
		Element match = page.selectFirst(rule.evaluator());
		return (match != null) ? budget.take(rule.valueOf(match)) : null;
	}

	private static List<String> all(FieldRule rule, Document page, Budget budget) {
		List<String> values = new ArrayList<>();
		Elements matches = Selector.select(rule.evaluator(), page);
		for (int i = 0; i < matches.size() && values.size() < MAX_VALUES; i++) {
			String value = budget.take(rule.valueOf(matches.get(i)));
			if (value == null) {
				break;
			}
			values.add(value);
		}
		return values;
	}

	/**
	 * A value cut at {@value #MAX_VALUE_LENGTH} characters, one fewer rather than in the
	 * middle of a character outside the BMP (an emoji), which would leave half of it.
	 */
	static String cut(String value) {
		if (value.length() <= MAX_VALUE_LENGTH) {
			return value;
		}
		int end = Character.isHighSurrogate(value.charAt(MAX_VALUE_LENGTH - 1)) ? MAX_VALUE_LENGTH - 1
				: MAX_VALUE_LENGTH;
		return value.substring(0, end);
	}

	/**
	 * The characters a page may still yield.
	 */
	private static final class Budget {

		private int left = MAX_PAGE_CHARS;

		@Nullable String take(String value) {
			String cut = cut(value);
			if (cut.length() > this.left) {
				return null;
			}
			this.left -= cut.length();
			return cut;
		}

	}

}

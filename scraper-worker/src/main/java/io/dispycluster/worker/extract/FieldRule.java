package io.dispycluster.worker.extract;

import java.util.Locale;
import java.util.Set;

import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;
import org.jsoup.select.Selector.SelectorParseException;

/**
 * One extraction rule of a job, checked and compiled: a field name, a CSS selector, what
 * to read from the matching elements, and whether to read them all.
 *
 * @param name the field's name in each page's {@code data}
 * @param selector the selector as written
 * @param evaluator the compiled selector
 * @param attribute {@code text}, {@code html}, or an attribute name (lower-case)
 * @param all whether every match is read into a list
 */
public record FieldRule(String name, String selector, Evaluator evaluator, String attribute, boolean all) {

	private static final Set<String> URL_ATTRIBUTES = Set.of("href", "src", "action", "cite", "data", "poster",
			"formaction", "background", "longdesc", "usemap", "manifest", "icon", "codebase");

	/**
	 * Checks and compiles a rule.
	 * @param name the field's name
	 * @param selector a CSS selector (jsoup syntax)
	 * @param attribute {@code text} (when null), {@code html} or an attribute name
	 * @param all whether to read every match (false when null)
	 * @return the compiled rule
	 * @throws IllegalArgumentException naming what is wrong
	 */
	public static FieldRule compile(String name, String selector, String attribute, boolean all) {
		if (!attribute.matches("[A-Za-z_:][-A-Za-z0-9_:.]{0,99}")) {
			throw new IllegalArgumentException("attribute: must be text, html or an attribute name");
		}
		try {
			return new FieldRule(name, selector, QueryParser.parse(selector), attribute.toLowerCase(Locale.ROOT), all);
		}
		catch (SelectorParseException | IllegalArgumentException ex) {
			throw new IllegalArgumentException("selector: not a valid CSS selector: " + ex.getMessage(), ex);
		}
	}

	/** Reads this rule's value from one matching element. */
	String valueOf(Element element) {
		return switch (this.attribute) {
			case "text" -> element.text();
			case "html" -> element.html();
			default -> URL_ATTRIBUTES.contains(this.attribute) ? absolute(element) : element.attr(this.attribute);
		};
	}

	private String absolute(Element element) {
		String url = element.absUrl(this.attribute);
		return url.isEmpty() ? element.attr(this.attribute) : url;
	}

}

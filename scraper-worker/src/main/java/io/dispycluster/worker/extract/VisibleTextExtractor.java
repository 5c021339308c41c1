package io.dispycluster.worker.extract;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Evaluator;
import org.jsoup.select.NodeVisitor;
import org.jsoup.select.QueryParser;

/**
 * The text a reader sees in the page's body: no markup, attributes or comments, no script
 * or style content (jsoup keeps those apart from text already), and nothing inside
 * templates or elements hidden with the {@code hidden} attribute or
 * {@code display: none}.
 * <p>
 * Whitespace is collapsed as {@link Element#text()} does, except that a line break
 * ({@code <br>
 * }) or the edge of a block (paragraph, cell, list item) is a newline rather than a
 * space. A reader sees two lines there, and the rules that search the text must too:
 * {@code Tél. 01 23 45 67 89<br>
 * 75 rue de Rivoli} holds the phone number {@code 01 23 45 67 89}, not
 * {@code 01 23 45 67 89 75}.
 */
public class VisibleTextExtractor implements Extractor<String> {

	/** The elements whose content no reader sees. */
	static final Evaluator INVISIBLE = QueryParser.parse("template, [hidden], [style~=(?i)display\\s*:\\s*none]");

	@Override
	public String extract(Document page) {
		Element body = page.body();
		if (body.selectFirst(INVISIBLE) != null) {
			// Work on a copy: other extractors read the same document.
			body = body.clone();
			body.select(INVISIBLE).remove();
		}
		Lines lines = new Lines();
		lines.traverse(body);
		return lines.text.toString().strip();
	}

	/**
	 * Gathers the text of the nodes it visits, one line per block.
	 */
	private static final class Lines implements NodeVisitor {

		private final StringBuilder text = new StringBuilder();

		@Override
		public void head(Node node, int depth) {
			if (node instanceof TextNode textNode) {
				append(textNode);
			}
			else if (node instanceof Element element && (element.isBlock() || element.nameIs("br"))) {
				breakLine();
			}
		}

		@Override
		public void tail(Node node, int depth) {
			if (node instanceof Element element && element.isBlock()) {
				breakLine();
			}
		}

		private void append(TextNode node) {
			String text = node.getWholeText();
			if (preservesWhitespace(node)) {
				this.text.append(text);
				return;
			}
			for (int i = 0; i < text.length(); i++) {
				char c = text.charAt(i);
				if (isCollapsible(c)) {
					if (!endsWithWhitespace()) {
						this.text.append(' ');
					}
				}
				else if (c != '\u200B' && c != '\u00AD') {
					this.text.append(c);
				}
			}
		}

		private void breakLine() {
			int end = this.text.length();
			while (end > 0 && this.text.charAt(end - 1) == ' ') {
				end--;
			}
			this.text.setLength(end);
			if (end > 0 && this.text.charAt(end - 1) != '\n') {
				this.text.append('\n');
			}
		}

		private boolean endsWithWhitespace() {
			int length = this.text.length();
			return length == 0 || Character.isWhitespace(this.text.charAt(length - 1));
		}

		// The white space Element.text() collapses, the no-break space included; like it,
		// zero-width spaces and soft hyphens are dropped.
		private static boolean isCollapsible(char c) {
			return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u00A0';
		}

		// Text in <pre> or <textarea> keeps its spaces and line breaks, as on screen.
		private static boolean preservesWhitespace(Node node) {
			for (Node parent = node.parent(); parent instanceof Element element; parent = parent.parent()) {
				if (element.tag().preserveWhitespace()) {
					return true;
				}
			}
			return false;
		}

	}

}

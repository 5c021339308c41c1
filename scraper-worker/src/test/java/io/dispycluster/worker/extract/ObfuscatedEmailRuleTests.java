package io.dispycluster.worker.extract;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Addresses written with bracketed markers or spelled out in words, and prose that must
 * not turn into addresses.
 */
class ObfuscatedEmailRuleTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "john [at] example [dot] com | john@example.com",
			"john(at)example(dot)com | john@example.com", "john (AT) example (DOT) com | john@example.com",
			"john{at}example.com | john@example.com", "john [ at ] example [ dot ] co [ dot ] uk | john@example.co.uk",
			"john@example[dot]com | john@example.com", "john[@]example[.]com | john@example.com",
			"first.last [at] example.org | first.last@example.org",
			"john [dot] smith [at] example [dot] com | john.smith@example.com",
			"jean [arobase] exemple [point] fr | jean@exemple.fr", "info(at)firma(punkt)de | info@firma.de",
			"info [at] firma [Punkt] de | info@firma.de", "Contact: john at example dot com. | john@example.com",
			"JOHN AT EXAMPLE DOT COM | JOHN@EXAMPLE.COM",
			"john dot smith at example dot co dot uk | john.smith@example.co.uk",
			"Écrivez à jean arobase exemple point fr | jean@exemple.fr",
			"Email me at john dot smith at example dot com | john.smith@example.com",
			"Write to us at info at example dot org | info@example.org",
			"(sales [at] example [dot] org) | sales@example.org", "john<at>example<dot>com | john@example.com",
			"john <AT> example.com | john@example.com", "john at example.com | john@example.com",
			"John.Smith at Example.co.uk. | John.Smith@Example.co.uk",
			"john dot smith at example.com | john.smith@example.com", "john @ example.com | john@example.com",
			"john@ example.com | john@example.com", "john @example.org | john@example.org",
			"info at firma.de | info@firma.de", "john [at] example [dot] com. | john@example.com",
			"us at sales at example.com | sales@example.com", "you: sales at example.com | sales@example.com" })
	void findsAnAddressWrittenSoThatHarvestersMissIt(String text, String email) {
		assertThat(ObfuscatedEmailRule.find("Write to " + text + " please")).containsExactly(email);
	}

	@ParameterizedTest
	@ValueSource(strings = { "meet me at the park dot", "meet me at the park dot com", "Visit us at example dot com",
			"invested at the dot com peak", "we met at noon dot thirty", "look at this dot com site", "Look [at] this",
			"see the figure (at) left", "a (dot) b", "john [at] example", "john [at] example [dot] 123",
			"john [at] example [dot] c", "john at example", "john [at] .example [dot] com",
			"john..smith [at] example [dot] com", "released v1 (at) 2 (dot) 3", "logo [at] 2x [dot] png",
			"Learn more at example dot com", "Sign up at example dot com slash podcast",
			"Check it out at example dot com", "Try it free at example dot org", "Subscribe at example dot com",
			"meet us at example.com", "Meet us at example.com today", "look at the site", "look at example.com",
			"Tickets at example dot com", "Tickets at example.com", "Get your tickets at example.com",
			"More info at example.com", "More info at example dot com", "Details at example.org",
			"We're at example.com", "We’re at example dot com", "available at Amazon.com", "He works at IBM.com",
			"doors open at 7.30", "see you at 10.30 pm", "born at St.Louis", "Tickets @ example.com",
			"follow us @ example.com", "meet @ 5 pm", "email @ example", "a @ b.c", "shop at example.com",
			"at example.com", "john at example.comics", "john at example.com@x", "logo at 2x.png",
			"Read the full story at CNN.com", "Sold exclusively at BestBuy.com", "Comments welcome at blog.example.com",
			"Listen to the podcast at example.com", "Posted by admin at 10.30" })
	void leavesProseAndWhatIsNoAddressAlone(String text) {
		assertThat(ObfuscatedEmailRule.find(text)).isEmpty();
	}

	@Test
	void findsEachAddressOfATextWithPlainAddressesAround() {
		assertThat(ObfuscatedEmailRule.find("""
				Sales: sales [at] example [dot] org
				Support: support(at)example(dot)org, or plain help@example.org
				Press: press at example dot org""")).contains("sales@example.org", "support@example.org",
				"press@example.org");
	}

	@Test
	void neverJoinsTwoLinesIntoOneAddress() {
		assertThat(ObfuscatedEmailRule.find("Contact john\n[at] example [dot] com")).isEmpty();
		assertThat(ObfuscatedEmailRule.find("Contact john at\nexample dot com")).isEmpty();
	}

	@Test
	void leavesATextWithoutMarkersAsItIs() {
		String text = "Prices (in euros) [see below] {draft}: 12 at the door, a dot on the map.";

		assertThat(ObfuscatedEmailRule.revealBracketed(text, text.toCharArray())).isSameAs(text);
		assertThat(ObfuscatedEmailRule.find(text)).isEmpty();
	}

	@Test
	void readsLongRunsOfMarkersAndWordsToTheEnd() {
		String brackets = "x [at] ".repeat(20_000) + "john [at] example [dot] com";
		String words = "a dot ".repeat(20_000) + "b at " + "c dot ".repeat(20_000) + "com";

		String ats = "x at ".repeat(20_000) + "@ ".repeat(20_000) + "john at example.com";
		String dotted = "a dot ".repeat(20_000) + "b at example.com";

		assertThat(ObfuscatedEmailRule.find(brackets)).containsExactly("john@example.com");
		assertThat(ObfuscatedEmailRule.find(words)).isEmpty();
		assertThat(ObfuscatedEmailRule.find(ats)).containsExactly("john@example.com");
		assertThat(ObfuscatedEmailRule.find(dotted)).isEmpty();
	}

}

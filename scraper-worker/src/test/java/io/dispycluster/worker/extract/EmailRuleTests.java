package io.dispycluster.worker.extract;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * E-mail addresses with the contract's pattern, without the sentence's punctuation, and
 * not version numbers or image file names.
 */
class EmailRuleTests {

	@ParameterizedTest
	@ValueSource(strings = { "alice@example.org", "first.last+tag@sub.example.co.uk", "a_b-c@my-host.io",
			"ops@host.xn--p1ai", "team@2x.example.com" })
	void findsAddresses(String email) {
		assertThat(EmailRule.find("Write to " + email + " please")).containsExactly(email);
	}

	@Test
	void leavesTrailingPunctuationOut() {
		assertThat(EmailRule.find("Write to alice@example.org. Or bob@example.org- now"))
			.containsExactly("alice@example.org", "bob@example.org");
	}

	@ParameterizedTest
	@ValueSource(strings = { "alice@localhost", "@example.org", "alice@", "alice at example dot org",
			"npm install @scope/pkg@1.2.3", "released v1.2.3@beta.4 today", "npm install vue@3.x",
			"needs node@18.x or later", "logo@2x.png", "Icon@3x.JPG" })
	void ignoresWhatIsNotAnAddress(String text) {
		assertThat(EmailRule.find(text)).isEmpty();
	}

}

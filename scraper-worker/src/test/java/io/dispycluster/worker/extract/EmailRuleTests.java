package io.dispycluster.worker.extract;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * E-mail addresses with the contract's pattern, without the sentence's punctuation.
 */
class EmailRuleTests {

	@ParameterizedTest
	@ValueSource(strings = { "alice@example.org", "first.last+tag@sub.example.co.uk", "a_b-c@my-host.io" })
	void findsAddresses(String email) {
		assertThat(EmailRule.find("Write to " + email + " please")).containsExactly(email);
	}

	@Test
	void leavesTrailingPunctuationOut() {
		assertThat(EmailRule.find("Write to alice@example.org. Or bob@example.org- now"))
			.containsExactly("alice@example.org", "bob@example.org");
	}

	@ParameterizedTest
	@ValueSource(strings = { "alice@localhost", "@example.org", "alice@", "alice at example dot org" })
	void ignoresWhatIsNotAnAddress(String text) {
		assertThat(EmailRule.find(text)).isEmpty();
	}

}

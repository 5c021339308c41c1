package io.dispycluster.worker.extract;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Phone numbers as people write them are found; dates, timestamps, prices, ids and other
 * numbers are not.
 */
class PhoneRuleTests {

	@ParameterizedTest
	@ValueSource(strings = { "+33 1 23 45 67 89", "(555) 123-4567", "01 23 45 67 89", "01.23.45.67.89",
			"01-23-45-67-89", "+33 (0)1 23 45 67 89", "+1-555-123-4567", "+44 20 7946 0958", "+33123456789",
			"555-123-4567", "+49 30 123456", "00 33 1 23 45 67 89", "0044 20 7946 0958", "0800 123 456 78",
			"1.800.555.1234", "+33.1.23.45.67.89" })
	void findsPhoneNumbers(String phone) {
		assertThat(PhoneRule.find("Call " + phone + " today.")).containsExactly(phone);
	}

	@ParameterizedTest
	@ValueSource(strings = { "2024-01-15", "15/01/2024", "15.01.2024", "2024-01-15T10:30:00Z", "2024-01-15 10:30:00",
			"1 299,00 €", "$1,299.99", "12 345 678 €", "12 345 678 EUR", "1 234 567", "€ 1 234 567,89", "123456789",
			"0123456789", "order #123456789", "2024-000123", "978-3-16-148410-0", "192.168.100.200",
			"4532-1234-5678-9012", "10:30", "v1.2.3.4", "12.5%", "1234-5678", "SIRET 123 456 789 00012",
			"732 829 320 00074", "Chrome 120.0.6099.109", "Windows 10.0.19045.3803", "driver 31.0.101.4953" })
	void ignoresNumbersThatAreNotPhones(String text) {
		assertThat(PhoneRule.find("See " + text + " here.")).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "(tel. 01 23 45 67 89)", "tel:01 23 45 67 89,", "Tél. : 01 23 45 67 89." })
	void leavesSurroundingPunctuationOut(String text) {
		assertThat(PhoneRule.find(text)).containsExactly("01 23 45 67 89");
	}

	@ParameterizedTest
	@ValueSource(strings = { "at 10:30 01 23 45 67 89", "on 2024-01-15 12 34 56 78 90" })
	void neverTakesTheTailOfALongerRunOfNumbers(String text) {
		assertThat(PhoneRule.find(text)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "01\u00A023\u00A045\u00A067\u00A089", "01\u202F23\u202F45\u202F67\u202F89" })
	void writesNonBreakingSpacesAsPlainSpaces(String phone) {
		assertThat(PhoneRule.find("Tel " + phone)).containsExactly("01 23 45 67 89");
	}

}

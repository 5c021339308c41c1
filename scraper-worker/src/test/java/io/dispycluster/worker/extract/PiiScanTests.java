package io.dispycluster.worker.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The e-mail and phone rules look for their patterns only where a match can start; they
 * find exactly what a plain {@link Matcher#find()} over the whole text finds, on saved
 * pages and on generated texts dense in digits, separators and {@code @}.
 */
class PiiScanTests {

	// Characters that make candidates start, stop, glue to words and overlap.
	private static final String ALPHABET = "0123456789000111   ..--@@++(())aZé_,:/#$€%\u00A0\u202F\n";

	@ParameterizedTest
	@ValueSource(strings = { "contact-fr.html", "links.html", "no-title.html", "product.html" })
	void findsWhatAScanOfEveryPositionFindsOnSavedPages(String name) {
		String text = SavedPages.load(name, "https://example.org/").body().text();

		assertThat(EmailRule.find(text)).isEqualTo(emailsByFind(text));
		assertThat(PhoneRule.find(text)).isEqualTo(phonesByFind(text));
	}

	@ParameterizedTest
	@MethodSource("generatedTexts")
	void findsWhatAScanOfEveryPositionFindsOnGeneratedTexts(String text) {
		assertThat(EmailRule.find(text)).isEqualTo(emailsByFind(text));
		assertThat(PhoneRule.find(text)).isEqualTo(phonesByFind(text));
	}

	@ParameterizedTest
	@ValueSource(strings = { "a@b@c.org", "x.y@z.org@w.org", "a@b.org,c@d.org", "a@b.org.c@d.org", "@@a@b.org",
			"tel +33 1 23 45 67 89+33 1 23 45 67 89", "(01 23 45 67 89)(01 23 45 67 89)", "1@01 23 45 67 89" })
	void findsWhatAScanOfEveryPositionFindsOnTrickyTexts(String text) {
		assertThat(EmailRule.find(text)).isEqualTo(emailsByFind(text));
		assertThat(PhoneRule.find(text)).isEqualTo(phonesByFind(text));
	}

	static Stream<String> generatedTexts() {
		Random random = new Random(20261204);
		return IntStream.range(0, 400).mapToObj((i) -> generated(random, 20 + random.nextInt(200)));
	}

	private static String generated(Random random, int length) {
		StringBuilder text = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		return text.toString();
	}

	private static List<String> emailsByFind(String text) {
		List<String> emails = new ArrayList<>();
		Matcher matcher = EmailRule.EMAIL.matcher(text);
		while (matcher.find()) {
			String email = EmailRule.address(matcher.group());
			if (email != null) {
				emails.add(email);
			}
		}
		return emails;
	}

	private static List<String> phonesByFind(String text) {
		List<String> phones = new ArrayList<>();
		Matcher matcher = PhoneRule.CANDIDATE.matcher(text);
		while (matcher.find()) {
			String phone = PhoneRule.phone(matcher.group());
			if (phone != null) {
				phones.add(phone);
			}
		}
		return phones;
	}

}

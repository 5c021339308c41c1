package io.dispycluster.worker.extract;

import io.dispycluster.model.job.PiiFindings;
import java.util.List;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Addresses Cloudflare hides in {@code data-cfemail} attributes and protected links: each
 * byte of the hex after the first XOR-ed with it.
 */
class CloudflareEmailsTests {

	@ParameterizedTest
	@CsvSource({ "5a3935342e3b392e1a3f223b372a363f7435283d, contact@example.org",
			"1360727f766053766b727e637f763d7c61742c606671797670672e5b7a, sales@example.org",
			"A7EDC2C6C989E3D2D7C8C9D3E7E2DFC2CAD7CBC289E1F5, Jean.Dupont@Exemple.FR" })
	void decodesTheHexOfAProtectedAddress(String hex, String email) {
		assertThat(CloudflareEmails.decode(hex)).isEqualTo(email);
	}

	@ParameterizedTest
	@ValueSource(strings = { "214f4e5501404f0140454553445252", "", "5a", "5a3", "zz3935342e3b392e1a3f223b37",
			"5a3935342e3b392e1a3f223b372a363f7435283", "5a39353g" })
	void refusesWhatDoesNotDecodeToAnAddress(String hex) {
		assertThat(CloudflareEmails.decode(hex)).isNull();
	}

	@Test
	void readsTheLinkFormOnlyUnderCloudflaresPath() {
		assertThat(CloudflareEmails.fromLink("/cdn-cgi/l/email-protection#5a3935342e3b392e1a3f223b372a363f7435283d"))
			.isEqualTo("contact@example.org");
		assertThat(CloudflareEmails.fromLink("/contact#5a3935342e3b392e1a3f223b372a363f7435283d")).isNull();
		assertThat(CloudflareEmails.fromLink(CloudflareEmails.LINK_PATH + "5a39353g")).isNull();
	}

	@Test
	void readsTheAddressOfAProtectedMailtoLinkWhateverTheLengthOfItsHeaders() {
		String body = "I%20would%20like%20a%20quote%20for%20".repeat(20);
		String link = CloudflareEmails.LINK_PATH + protect("contact@example.org?subject=Quote&body=" + body);

		assertThat(linkedEmails(link)).containsExactly("contact@example.org");
		assertThat(CloudflareEmails.decode(protect("a".repeat(250) + "@example.org"))).isNull();
	}

	@Test
	void readsEveryAddressOfAProtectedMailtoLink() {
		String link = CloudflareEmails.LINK_PATH
				+ protect("sales@example.org,%20support@example.org;press@example.org?cc=ceo@example.org"
						+ "&subject=Hi&bcc=archive@example.org,nobody");

		assertThat(linkedEmails(link)).containsExactly("archive@example.org", "ceo@example.org", "press@example.org",
				"sales@example.org", "support@example.org");
	}

	private static List<String> linkedEmails(String href) {
		return new PiiExtractor().extract(Jsoup.parse("<a href=\"" + href + "\">Write to us</a>")).emails();
	}

	@Test
	void findsTheProtectedAddressesOfAPageOnceWithTheOthers() {
		PiiFindings found = new PiiExtractor().extract(Jsoup.parse(
				"""
						<p>Contact: <a href="/cdn-cgi/l/email-protection" class="__cf_email__"
						   data-cfemail="5a3935342e3b392e1a3f223b372a363f7435283d">[email&#160;protected]</a></p>
						<p><a href="/cdn-cgi/l/email-protection#1360727f766053766b727e637f763d7c61742c606671797670672e5b7a">Sales</a></p>
						<p><span data-cfemail="a7edc2c6c989e3d2d7c8c9d3e7e2dfc2cad7cbc289e1f5">[email&#160;protected]</span>,
						or jean.dupont@exemple.fr</p>
						<span data-cfemail="214f4e5501404f0140454553445252">[email&#160;protected]</span>
						""",
				"https://example.org/"));

		// The visible text is read before the links and elements: its form is the first.
		assertThat(found.emails()).containsExactly("contact@example.org", "jean.dupont@exemple.fr",
				"sales@example.org");
	}

	@Test
	void leavesAProtectedAddressInAHiddenElementAlone() {
		PiiFindings found = new PiiExtractor().extract(Jsoup
			.parse("""
					<div hidden><span data-cfemail="5a3935342e3b392e1a3f223b372a363f7435283d">[email&#160;protected]</span></div>
					"""));

		assertThat(found.emails()).isEmpty();
	}

	@Test
	void leavesAProtectedAddressInAHiddenElementAloneBesideAVisibleOne() {
		PiiFindings found = new PiiExtractor().extract(Jsoup
			.parse("""
					<p>Sales: <span data-cfemail="1360727f766053766b727e637f763d7c61742c606671797670672e5b7a">[email&#160;protected]</span></p>
					<div style="display: none"><span data-cfemail="5a3935342e3b392e1a3f223b372a363f7435283d">[email&#160;protected]</span></div>
					<template><span data-cfemail="5a3935342e3b392e1a3f223b372a363f7435283d">[email&#160;protected]</span></template>
					<span hidden data-cfemail="5a3935342e3b392e1a3f223b372a363f7435283d">[email&#160;protected]</span>
					"""));

		assertThat(found.emails()).containsExactly("sales@example.org");
	}

	// What Cloudflare writes for a text: its bytes in hex, each XOR-ed with a key, after
	// the key.
	private static String protect(String text) {
		int key = 0x5a;
		StringBuilder hex = new StringBuilder(String.format("%02x", key));
		for (char c : text.toCharArray()) {
			hex.append(String.format("%02x", c ^ key));
		}
		return hex.toString();
	}

}

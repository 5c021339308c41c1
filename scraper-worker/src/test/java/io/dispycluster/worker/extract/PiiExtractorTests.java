package io.dispycluster.worker.extract;

import io.dispycluster.model.job.PiiFindings;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Personal data on a saved contact page: what a reader sees and what the contact links
 * point to, never what hides in scripts, comments, attributes or hidden elements.
 */
class PiiExtractorTests {

	private final PiiFindings findings = new PiiExtractor()
		.extract(SavedPages.load("contact-fr.html", "https://boulangerie-martin.fr/contact"));

	@Test
	void findsTheVisibleAndLinkedAddressesSortedAndUnique() {
		assertThat(this.findings.emails()).containsExactly("Direction@boulangerie-martin.fr",
				"commandes@boulangerie-martin.fr", "contact@boulangerie-martin.fr", "noscript@boulangerie-martin.fr");
	}

	@Test
	void findsTheVisibleAndLinkedPhoneNumbersSortedAndUnique() {
		assertThat(this.findings.phones()).containsExactly("(555) 123-4567", "+33 (0)1 23 45 67 89",
				"+33-1-23-45-67-00", "+44 20 7946 0958", "01 23 45 67 89", "0800.123.456.78");
	}

	@Test
	void neverJoinsANumberToOneOnTheNextLineOrInTheNextCell() {
		PiiFindings found = new PiiExtractor().extract(Jsoup.parse("""
				<p>Tél. 01 23 45 67 89<br>75 rue de Rivoli<br>75001 Paris</p>
				<table><tr><td>+33 1 23 45 67 89</td><td>2024</td></tr></table>
				<ul><li>Phone: (555) 123-4567</li><li>12 items</li></ul>
				<div>Call 555-123-4567</div><div>42</div>
				<p>Mobile: <b>06 12 34 56 78</b> <i>(evenings)</i></p>
				"""));

		assertThat(found.phones()).containsExactly("(555) 123-4567", "+33 1 23 45 67 89", "01 23 45 67 89",
				"06 12 34 56 78", "555-123-4567");
	}

	@Test
	void findsEveryAddressOfAMailtoLinkHeadersIncluded() {
		PiiFindings found = new PiiExtractor().extract(Jsoup
			.parse("""
					<a href="mailto:sales@example.org?cc=boss@example.org&amp;bcc=audit%40example.org&amp;subject=a@b.org">x</a>
					<a href="mailto:?to=help@example.org,desk@example.org">x</a>
					<a href=" MAILTO:one@example.org;two@example.org">x</a>
					<a href="
					   tel:+33 1 23 45 67 89">x</a>
					"""));

		assertThat(found.emails()).containsExactly("audit@example.org", "boss@example.org", "desk@example.org",
				"help@example.org", "one@example.org", "sales@example.org", "two@example.org");
		assertThat(found.phones()).containsExactly("+33 1 23 45 67 89");
	}

	@Test
	void listsAnAddressOnceWhateverTheCaseOfItsTextAndLinks() {
		PiiFindings found = new PiiExtractor().extract(Jsoup.parse("""
				<p>Write to Contact@Example.ORG or CONTACT@EXAMPLE.ORG.</p>
				<a href="mailto:contact@example.org">contact@example.org</a>
				<a href="mailto:Sales@Example.org">Sales</a> <p>sales@example.org</p>
				"""));

		assertThat(found.emails()).containsExactly("Contact@example.org", "sales@example.org");
	}

	@Test
	void findsAddressesWrittenAsEntitiesPercentEscapesOrInDisguise() {
		PiiFindings found = new PiiExtractor().extract(Jsoup.parse("""
				<p>Sales: sales&#64;example.org, press&commat;example.org, hr&#x40;example.org</p>
				<p>Support: support <b>[at]</b> example <i>(dot)</i> org</p>
				<p>Jobs: jobs(at)example(dot)org. Info: info at example dot org.</p>
				<a href="mailto:team%40example.org">team</a> <a href="mailto:%74eam2@example.org">team 2</a>
				<div hidden>hidden [at] example [dot] org</div>
				<script>var s = "script [at] example [dot] org";</script>
				<p>Meet me at the park dot com, or look at example dot com (at noon).</p>
				"""));

		assertThat(found.emails()).containsExactly("hr@example.org", "info@example.org", "jobs@example.org",
				"press@example.org", "sales@example.org", "support@example.org", "team2@example.org",
				"team@example.org");
	}

	@Test
	void ignoresScriptsCommentsAttributesAndHiddenElements() {
		assertThat(String.join(" ", this.findings.emails())).doesNotContain("ld@", "vieux@", "cache@", "template@",
				"logo@", "input@", "you@");
		assertThat(this.findings.phones()).doesNotContain("+33 1 98 76 54 32", "+33 6 00 00 00 00", "01 40 00 00 00",
				"01 99 99 99 99", "+33 7 00 00 00 00");
	}

}

package io.dispycluster.worker.extract;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.dispycluster.worker.fetch.FetchedPage;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bodies are decoded with the charset the response declares, unless a byte order mark
 * says otherwise, and with the charset the page declares when the response names none; a
 * Latin-1 label is read as windows-1252, as browsers do (and other labels with the wider
 * decoders browsers use), and so is a page that names no charset and is not UTF-8.
 */
class PageReaderTests {

	private static final String HTML = "<html><head><title>Café à Noël</title></head><body>Été</body></html>";

	@Test
	void decodesWithTheDeclaredCharset() {
		assertThat(PageReader.parse(page(HTML.getBytes(StandardCharsets.UTF_8), "utf-8")).title())
			.isEqualTo("Café à Noël");
		assertThat(PageReader.parse(page(HTML.getBytes(StandardCharsets.ISO_8859_1), "ISO-8859-1")).title())
			.isEqualTo("Café à Noël");
	}

	@Test
	void letsAByteOrderMarkOverrideTheDeclaredCharset() {
		byte[] utf8 = HTML.getBytes(StandardCharsets.UTF_8);
		byte[] withBom = new byte[utf8.length + 3];
		withBom[0] = (byte) 0xEF;
		withBom[1] = (byte) 0xBB;
		withBom[2] = (byte) 0xBF;
		System.arraycopy(utf8, 0, withBom, 3, utf8.length);

		assertThat(PageReader.parse(page(withBom, "ISO-8859-1")).title()).isEqualTo("Café à Noël");
	}

	@Test
	void readsThePagesOwnCharsetWhenTheResponseNamesNoneOrAnUnknownOne() {
		byte[] latin1 = ("<html><head><meta charset=\"iso-8859-1\"><title>Café</title></head></html>")
			.getBytes(StandardCharsets.ISO_8859_1);

		assertThat(PageReader.parse(page(latin1, null)).title()).isEqualTo("Café");
		assertThat(PageReader.parse(page(latin1, "no-such-charset")).title()).isEqualTo("Café");
	}

	@ParameterizedTest
	@ValueSource(strings = { "ISO-8859-1", "latin1", "US-ASCII" })
	void readsAPageLabelledLatin1AsWindows1252LikeBrowsers(String label) {
		// "Café – 5 €, “menu”" as a windows-1252 editor saves it: 0x96, 0x80, 0x93, 0x94.
		byte[] title = { 'C', 'a', 'f', (byte) 0xE9, ' ', (byte) 0x96, ' ', '5', ' ', (byte) 0x80, ',', ' ',
				(byte) 0x93, 'm', 'e', 'n', 'u', (byte) 0x94 };
		byte[] byResponse = html("<html><head><title>", title, "</title></head></html>");
		byte[] byMeta = html("<html><head><meta charset=\"" + label + "\"><title>", title, "</title></head></html>");

		assertThat(PageReader.parse(page(byResponse, label)).title()).isEqualTo("Café – 5 €, “menu”");
		assertThat(PageReader.parse(page(byMeta, null)).title()).isEqualTo("Café – 5 €, “menu”");
	}

	@ParameterizedTest
	@CsvSource({ "GB2312, 朱镕基, GB18030", "gbk, 朱镕基, GB18030", "EUC-KR, 똠방각하, x-windows-949",
			"Shift_JIS, 会議室①～, windows-31j", "ISO-8859-9, İstanbul’da, windows-1254",
			"TIS-620, ราคา ๕๐ €, x-windows-874" })
	void readsOtherLabelsWithTheWiderDecoderBrowsersUse(String label, String title, String encoding) {
		byte[] encoded = title.getBytes(Charset.forName(encoding));
		byte[] byResponse = html("<html><head><title>", encoded, "</title></head></html>");
		byte[] byMeta = html("<html><head><meta charset=\"" + label + "\"><title>", encoded, "</title></head></html>");

		assertThat(PageReader.parse(page(byResponse, label)).title()).isEqualTo(title);
		assertThat(PageReader.parse(page(byMeta, null)).title()).isEqualTo(title);
	}

	@Test
	void readsAPageLabelledUtf16WithoutAByteOrderMarkAsLittleEndianLikeBrowsers() {
		assertThat(PageReader.parse(page(HTML.getBytes(StandardCharsets.UTF_16LE), "utf-16")).title())
			.isEqualTo("Café à Noël");
		assertThat(PageReader.parse(page(HTML.getBytes(StandardCharsets.UTF_16), "UTF-16")).title())
			.isEqualTo("Café à Noël");
	}

	@Test
	void readsAPageThatNamesNoCharsetAsUtf8OrElseAsWindows1252() {
		String html = "<html><head><title>Café – à Noël</title></head></html>";

		assertThat(PageReader.parse(page(html.getBytes(StandardCharsets.UTF_8), null)).title())
			.isEqualTo("Café – à Noël");
		assertThat(PageReader.parse(page(html.getBytes(Charset.forName("windows-1252")), null)).title())
			.isEqualTo("Café – à Noël");
	}

	@Test
	void readsTheCharsetAPageNamesAfterALongHeadAsBrowsersDo() {
		// Inline styles and scripts often push the <meta> past the first kilobytes.
		String head = "<html><head><style>" + "p { margin: 0 }\n".repeat(600) + "</style>";
		byte[] windows1252 = (head + "<meta charset=\"windows-1252\"><title>Café – “menu”</title></head></html>")
			.getBytes(Charset.forName("windows-1252"));
		byte[] byHttpEquiv = (head + "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\">"
				+ "<title>Café – “menu”</title></head></html>")
			.getBytes(Charset.forName("windows-1252"));
		byte[] utf16Label = (head + "<meta charset=\"utf-16\"><title>Café</title></head></html>")
			.getBytes(StandardCharsets.UTF_8);

		assertThat(PageReader.parse(page(windows1252, null)).title()).isEqualTo("Café – “menu”");
		assertThat(PageReader.parse(page(byHttpEquiv, null)).title()).isEqualTo("Café – “menu”");
		assertThat(PageReader.parse(page(utf16Label, null)).title()).isEqualTo("Café");
	}

	@Test
	void keepsUtf8WhenThePageNamesItEvenIfTheBodyIsNot() {
		byte[] latin1 = "<html><head><meta charset=\"utf-8\"><title>Café</title></head></html>"
			.getBytes(StandardCharsets.ISO_8859_1);

		assertThat(PageReader.parse(page(latin1, null)).title()).isEqualTo("Caf\uFFFD");
	}

	@Test
	void resolvesLinksAgainstTheFinalUrlOrTheBaseElement() {
		String html = "<html><head><base href='https://cdn.example.org/docs/'></head>"
				+ "<body><a href='a.html#top'>a</a><a href='\tb.html\n'>b</a></body></html>";

		assertThat(new LinkExtractor().extract(PageReader.parse(page(html.getBytes(StandardCharsets.UTF_8), "utf-8"))))
			.containsExactly("https://cdn.example.org/docs/a.html", "https://cdn.example.org/docs/b.html");
	}

	private static byte[] html(String head, byte[] middle, String tail) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		bytes.writeBytes(head.getBytes(StandardCharsets.US_ASCII));
		bytes.writeBytes(middle);
		bytes.writeBytes(tail.getBytes(StandardCharsets.US_ASCII));
		return bytes.toByteArray();
	}

	private static FetchedPage page(byte[] body, @Nullable String charset) {
		return new FetchedPage("https://example.org/", "https://example.org/", 200, "text/html", body, charset, null,
				null, Duration.ZERO);
	}

}

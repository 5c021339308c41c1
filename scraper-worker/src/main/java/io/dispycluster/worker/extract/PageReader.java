package io.dispycluster.worker.extract;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.dispycluster.worker.fetch.FetchedPage;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;
import org.jspecify.annotations.Nullable;

/**
 * Parses a fetched HTML page with jsoup and runs the extractors over it.
 */
public class PageReader {

	private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

	// The charsets that browsers read with a wider decoder than Java's of the same name
	// (WHATWG Encoding Standard), by Java's name: pages so labelled use the wider one's
	// characters often enough (curly quotes and the euro sign of windows-1252, GBK's
	// hanzi, the circled numbers of windows-31j) that reading them literally garbles
	// them.
	private static final Map<String, String> AS_BROWSERS_READ = Map.ofEntries(Map.entry("ISO-8859-1", "windows-1252"),
			Map.entry("US-ASCII", "windows-1252"), Map.entry("ISO-8859-9", "windows-1254"),
			Map.entry("TIS-620", "x-windows-874"), Map.entry("x-iso-8859-11", "x-windows-874"),
			Map.entry("GB2312", "GB18030"), Map.entry("GBK", "GB18030"), Map.entry("EUC-KR", "x-windows-949"),
			Map.entry("Shift_JIS", "windows-31j"), Map.entry("Big5", "Big5-HKSCS"),
			// Without a byte order mark, "utf-16" is little-endian to browsers (as
			// Windows writes it) and big-endian to Java.
			Map.entry("UTF-16", "UTF-16LE"));

	private static final Evaluator META_CHARSET = QueryParser
		.parse("meta[charset], meta[http-equiv=content-type][content*=charset]");

	private static final Pattern CHARSET_PARAMETER = Pattern.compile("(?i)charset\\s*=\\s*[\"']?([^\\s;\"']+)");

	private final TitleExtractor title = new TitleExtractor();

	private final DescriptionExtractor description = new DescriptionExtractor();

	private final LinkExtractor links = new LinkExtractor();

	private final PiiExtractor pii = new PiiExtractor();

	/**
	 * Reads a page.
	 * @param page a response with a body
	 * @param rules the job's extraction rules
	 * @return what the extractors found
	 */
	public PageContent read(FetchedPage page, List<FieldRule> rules) {
		Document document = parse(page);
		Map<String, @Nullable Object> data = rules.isEmpty() ? Map.of() : new DataExtractor(rules).extract(document);
		return new PageContent(this.title.extract(document).orElse(null),
				this.description.extract(document).orElse(null), this.links.extract(document),
				this.pii.extract(document), data);
	}

	/**
	 * Parses a page's body. The base URI is the URL after redirects; a
	 * {@code <base href>} in the page overrides it, as in a browser. A page labelled
	 * ISO-8859-1 or US-ASCII, by its response or its {@code <meta>}, is read as
	 * windows-1252, as browsers read it (WHATWG Encoding Standard): the pages so labelled
	 * are written in windows-1252 often enough that its dashes, curly quotes and euro
	 * sign in 0x80-0x9F, control characters in ISO-8859-1, are the common case; likewise
	 * GB2312 as GB18030, EUC-KR as windows-949, Shift_JIS as windows-31j. A page that
	 * names no charset at all is read as UTF-8 if it is valid UTF-8, else as
	 * windows-1252, the browsers' default for most of the world's pages, instead of with
	 * a replacement character for every accented letter.
	 * @param page a response with a body
	 * @return the document
	 */
	public static Document parse(FetchedPage page) {
		byte[] body = (page.body() != null) ? page.body() : new byte[0];
		boolean byteOrderMark = startsWithByteOrderMark(body);
		Charset declared = supported(page.charset());
		if (declared != null && !byteOrderMark) {
			// What jsoup does with a declared charset and no BOM, but String's decoder is
			// several times faster than the stream decoder jsoup reads through.
			return Jsoup.parse(new String(body, asBrowsersRead(declared)), page.finalUrl());
		}
		Document document = parseStream(body, declared, page.finalUrl());
		if (byteOrderMark) {
			return document;
		}
		// jsoup looks for the page's <meta> in its first 5 KB only, and browsers read
		// one met further on too (they read the page again with it): inline styles and
		// scripts often push it that far.
		Charset named = metaCharset(document);
		Charset charset = (named != null) ? named : document.charset();
		// The page's own <meta> named a label that jsoup takes literally and browsers
		// do not, or one jsoup did not see; or nothing named a charset, and the body is
		// not the UTF-8 jsoup assumed then.
		Charset asBrowsersRead = asBrowsersRead(charset);
		if (!asBrowsersRead.equals(document.charset())) {
			return Jsoup.parse(new String(body, asBrowsersRead), page.finalUrl());
		}
		if (named == null && !isUtf8(body)) {
			return Jsoup.parse(new String(body, WINDOWS_1252), page.finalUrl());
		}
		return document;
	}

	// The charset the page's first <meta> names, if Java knows it. A page of bytes that
	// says it is UTF-16 or UTF-32 is not (its <meta> could not be read otherwise): as
	// browsers do, it is read as UTF-8.
	private static @Nullable Charset metaCharset(Document document) {
		Element meta = document.selectFirst(META_CHARSET);
		if (meta == null) {
			return null;
		}
		String label = meta.hasAttr("charset") ? meta.attr("charset") : charsetParameter(meta.attr("content"));
		Charset charset = supported(label.strip());
		boolean wide = charset != null && (charset.name().startsWith("UTF-16") || charset.name().startsWith("UTF-32"));
		return wide ? StandardCharsets.UTF_8 : charset;
	}

	// "text/html; charset=windows-1252" -> "windows-1252"
	private static String charsetParameter(String contentType) {
		Matcher matcher = CHARSET_PARAMETER.matcher(contentType);
		return matcher.find() ? matcher.group(1) : "";
	}

	private static boolean isUtf8(byte[] body) {
		try {
			StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(body));
			return true;
		}
		catch (CharacterCodingException ex) {
			return false;
		}
	}

	private static Document parseStream(byte[] body, @Nullable Charset charset, String baseUri) {
		try {
			return Jsoup.parse(new ByteArrayInputStream(body), (charset != null) ? charset.name() : null, baseUri);
		}
		catch (IOException ex) {
			// Reading from memory does not fail.
			throw new UncheckedIOException(ex);
		}
	}

	private static Charset asBrowsersRead(Charset charset) {
		String wider = AS_BROWSERS_READ.get(charset.name());
		return (wider != null && Charset.isSupported(wider)) ? Charset.forName(wider) : charset;
	}

	// A BOM names the charset whatever the header says: jsoup's stream path honours it.
	private static boolean startsWithByteOrderMark(byte[] body) {
		if (body.length >= 2 && ((body[0] == (byte) 0xFE && body[1] == (byte) 0xFF)
				|| (body[0] == (byte) 0xFF && body[1] == (byte) 0xFE))) {
			return true;
		}
		return body.length >= 3 && body[0] == (byte) 0xEF && body[1] == (byte) 0xBB && body[2] == (byte) 0xBF;
	}

	// An unknown charset name is ignored, and jsoup detects the charset from the page.
	private static @Nullable Charset supported(@Nullable String charset) {
		try {
			return (charset != null && Charset.isSupported(charset)) ? Charset.forName(charset) : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}

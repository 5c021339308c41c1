package io.dispycluster.controller.job;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the {@code pages} of a stored result in one of the {@link ResultFormat}s while
 * reading it: one page at a time is in memory, whatever the number of pages.
 */
final class ResultStreamer {

	private static final String[] CSV_COLUMNS = { "url", "status", "title", "depth", "links" };

	private final JsonMapper json;

	private final ObjectReader pageReader;

	ResultStreamer(JsonMapper json) {
		this.json = json;
		// Each page is read in the middle of the stream: what follows it is not an error.
		this.pageReader = json.readerFor(JsonNode.class).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
	}

	/**
	 * Streams the pages of the result read from {@code in} to {@code out}.
	 * @param format the output format
	 * @param in the stored result, a JSON object with a {@code pages} array
	 * @param out where to write
	 * @return the number of pages written
	 */
	int write(ResultFormat format, Reader in, OutputStream out) {
		try (JsonParser parser = this.json.createParser(in);
				Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
			boolean found = seekPages(parser);
			int count = 0;
			begin(format, writer);
			while (found && parser.nextToken() == JsonToken.START_OBJECT) {
				JsonNode page = this.pageReader.readValue(parser);
				writePage(format, page, count, writer);
				count++;
			}
			end(format, writer);
			return count;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Moves the parser to the start of the top-level {@code pages} array, if any. */
	private static boolean seekPages(JsonParser parser) {
		if (parser.nextToken() != JsonToken.START_OBJECT) {
			return false;
		}
		while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
			String name = parser.currentName();
			JsonToken value = parser.nextToken();
			if ("pages".equals(name) && value == JsonToken.START_ARRAY) {
				return true;
			}
			parser.skipChildren();
		}
		return false;
	}

	private static void begin(ResultFormat format, Writer writer) throws IOException {
		if (format == ResultFormat.JSON) {
			writer.write('[');
		}
		else if (format == ResultFormat.CSV) {
			writer.write(String.join(",", CSV_COLUMNS) + ",data\r\n");
		}
	}

	private void writePage(ResultFormat format, JsonNode page, int index, Writer writer) throws IOException {
		switch (format) {
			case JSON -> writer.write(((index > 0) ? "," : "") + this.json.writeValueAsString(page));
			case NDJSON -> writer.write(this.json.writeValueAsString(page) + "\n");
			case CSV -> writer.write(csvRow(page));
		}
	}

	private static void end(ResultFormat format, Writer writer) throws IOException {
		if (format == ResultFormat.JSON) {
			writer.write(']');
		}
	}

	private String csvRow(JsonNode page) {
		StringBuilder row = new StringBuilder();
		for (String column : CSV_COLUMNS) {
			JsonNode value = page.get(column);
			row.append(csvCell((value == null || value.isNull()) ? "" : value.asString())).append(',');
		}
		JsonNode data = page.get("data");
		row.append(csvCell((data == null || data.isNull()) ? "" : this.json.writeValueAsString(data)));
		return row.append("\r\n").toString();
	}

	/**
	 * RFC 4180 quoting, and a leading quote for cells a spreadsheet would run as
	 * formulas.
	 */
	static String csvCell(String value) {
		String text = (!value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0) ? "'" + value : value;
		if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
			return "\"" + text.replace("\"", "\"\"") + "\"";
		}
		return text;
	}

}

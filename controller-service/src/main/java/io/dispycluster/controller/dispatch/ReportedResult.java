package io.dispycluster.controller.dispatch;

import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.ByteArrayBuilder;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * The {@code result} of a worker's report, copied as JSON text while it is read, without
 * building a tree of it: a result of 1000 pages can hold tens of MB (each page's
 * extracted data may reach 256 K characters), and its tree took more than five times its
 * size in heap, so that a large result sent the report into an OutOfMemoryError (a 500
 * the worker kept retrying) at the heap the controller runs with.
 *
 * @param json the result as compact JSON, every field kept; null when it is no object
 * @param crawled the number of entries of its {@code crawled} list (0 without one)
 */
@JsonDeserialize(using = ReportedResult.Reader.class)
record ReportedResult(@Nullable String json, int crawled) {

	/** Whether the worker sent an object, as a result must be. */
	boolean isObject() {
		return this.json != null;
	}

	/**
	 * Copies the value's tokens to UTF-8 text, counting the entries of {@code crawled}.
	 */
	static final class Reader extends ValueDeserializer<ReportedResult> {

		private static final JsonFactory FACTORY = new JsonFactory();

		@Override
		public ReportedResult deserialize(JsonParser parser, DeserializationContext context) {
			if (parser.currentToken() != JsonToken.START_OBJECT) {
				parser.skipChildren();
				return new ReportedResult(null, 0);
			}
			ByteArrayBuilder bytes = new ByteArrayBuilder();
			int crawled = 0;
			try (JsonGenerator generator = FACTORY.createGenerator(bytes)) {
				generator.writeStartObject();
				while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
					String name = parser.currentName();
					generator.writeName(name);
					if (parser.nextToken() == JsonToken.START_ARRAY && "crawled".equals(name)) {
						crawled = copyCounting(parser, generator);
					}
					else {
						generator.copyCurrentStructureExact(parser);
					}
				}
				generator.writeEndObject();
			}
			byte[] utf8 = bytes.toByteArray();
			bytes.release();
			return new ReportedResult(new String(utf8, StandardCharsets.UTF_8), crawled);
		}

		private static int copyCounting(JsonParser parser, JsonGenerator generator) {
			int count = 0;
			generator.writeStartArray();
			while (parser.nextToken() != JsonToken.END_ARRAY) {
				generator.copyCurrentStructureExact(parser);
				count++;
			}
			generator.writeEndArray();
			return count;
		}

	}

}

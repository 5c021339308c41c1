package io.dispycluster.controller.job;

import java.io.OutputStream;
import java.io.Reader;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes the body of {@code GET /jobs/{id}} with the stored result copied token by token
 * from the store's character stream into its place, so that memory stays the same
 * whatever the size of the result (a crawl of 1,000 pages with extracted fields runs to
 * megabytes). The other fields, small, are written as {@link JobDetails} would be, in its
 * order.
 */
final class JobDetailsWriter {

	private final JsonMapper json;

	JobDetailsWriter(JsonMapper json) {
		this.json = json;
	}

	/**
	 * Writes a job's details.
	 * @param details the details, without the result
	 * @param result opens the stored result as a character stream and applies the given
	 * function to it (empty when the job has none)
	 * @param out where to write
	 */
	void write(JobDetails details, Function<Function<Reader, Boolean>, Optional<Boolean>> result, OutputStream out) {
		ObjectNode fields = this.json.valueToTree(details);
		try (JsonGenerator generator = this.json.createGenerator(out)) {
			generator.writeStartObject();
			for (Map.Entry<String, JsonNode> field : fields.properties()) {
				generator.writeName(field.getKey());
				if (field.getKey().equals("result")) {
					boolean copied = result.apply((reader) -> copy(reader, generator)).orElse(false);
					if (!copied) {
						generator.writeNull();
					}
				}
				else {
					generator.writeTree(field.getValue());
				}
			}
			generator.writeEndObject();
		}
	}

	private Boolean copy(Reader reader, JsonGenerator generator) {
		try (JsonParser parser = this.json.createParser(reader)) {
			if (parser.nextToken() == null) {
				return false;
			}
			generator.copyCurrentStructure(parser);
			return true;
		}
	}

}

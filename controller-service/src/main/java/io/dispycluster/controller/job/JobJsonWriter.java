package io.dispycluster.controller.job;

import java.io.OutputStream;
import java.io.Reader;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes jobs with their stored results ({@code GET /jobs/{id}}, {@code GET /jobs}), each
 * result copied token by token from the store's character stream into its place, so that
 * memory stays the same whatever the size of the results (a crawl of 1,000 pages with
 * extracted fields runs to megabytes, and a list holds up to 1,000 jobs). The other
 * fields, small, are written as Jackson would write the view, in its order.
 */
final class JobJsonWriter {

	private static final String RESULT = "result";

	/** The field that {@code result} follows in a summary, as in the details. */
	private static final String BEFORE_RESULT = "completed_at";

	private final JsonMapper json;

	JobJsonWriter(JsonMapper json) {
		this.json = json;
	}

	/**
	 * Writes a job's details.
	 * @param details the details, without the result
	 * @param results where the job's result is read
	 * @param out where to write
	 */
	void writeDetails(JobDetails details, StoredResults results, OutputStream out) {
		try (JsonGenerator generator = this.json.createGenerator(out)) {
			writeJob(this.json.valueToTree(details), new JobId(details.id()), results, generator);
		}
	}

	/**
	 * Writes a list of jobs as a JSON array.
	 * @param jobs the jobs
	 * @param results where their results are read, or null to leave {@code result} out
	 * @param out where to write
	 */
	void writeList(List<JobSummary> jobs, @Nullable StoredResults results, OutputStream out) {
		try (JsonGenerator generator = this.json.createGenerator(out)) {
			generator.writeStartArray();
			for (JobSummary job : jobs) {
				ObjectNode fields = this.json.valueToTree(job);
				if (results == null) {
					generator.writeTree(fields);
				}
				else {
					writeJob(fields, new JobId(job.id()), results, generator);
				}
			}
			generator.writeEndArray();
		}
	}

	/**
	 * Writes a job's fields with its result streamed into its place: where the view has a
	 * {@code result} field (the details), or else right after {@code completed_at} (a
	 * summary, which leaves it out).
	 */
	private void writeJob(ObjectNode fields, JobId id, StoredResults results, JsonGenerator generator) {
		boolean inPlace = fields.has(RESULT);
		generator.writeStartObject();
		for (Map.Entry<String, JsonNode> field : fields.properties()) {
			generator.writeName(field.getKey());
			if (field.getKey().equals(RESULT)) {
				writeResult(id, results, generator);
				continue;
			}
			generator.writeTree(field.getValue());
			if (!inPlace && field.getKey().equals(BEFORE_RESULT)) {
				generator.writeName(RESULT);
				writeResult(id, results, generator);
			}
		}
		generator.writeEndObject();
	}

	private void writeResult(JobId id, StoredResults results, JsonGenerator generator) {
		boolean copied = results.read(id, (reader) -> copy(reader, generator)).orElse(false);
		if (!copied) {
			generator.writeNull();
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

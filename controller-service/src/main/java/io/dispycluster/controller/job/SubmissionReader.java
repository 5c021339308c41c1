package io.dispycluster.controller.job;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.dispycluster.support.problem.FieldProblem;
import io.dispycluster.support.problem.InvalidRequestException;
import io.dispycluster.support.submission.CrawlOptionsReader;
import io.dispycluster.support.submission.JsonValues;
import io.dispycluster.support.submission.NodeLabelsReader;
import io.dispycluster.support.submission.StartUrls;
import io.dispycluster.model.job.CrawlOptions;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads the bodies of {@code POST /scrape} and {@code POST /scrape/batch} from their JSON
 * tree, checking every field and collecting every problem, so that one 422 names each bad
 * field (a typed binding would stop at the first value of the wrong type).
 * <p>
 * Like the upstream (pydantic's lax mode), integers may also be written as integral
 * numbers ({@code 5.0}) or numeric strings, and booleans as
 * {@code "true"}/{@code "false"}; {@code null} means "take the default"; unknown fields
 * are ignored. The optional crawl fields are read by {@link CrawlOptionsReader}; in a
 * batch they apply to every URL, like {@code node_labels}. URLs follow {@link StartUrls}.
 */
final class SubmissionReader {

	private final JobProperties properties;

	SubmissionReader(JobProperties properties) {
		this.properties = properties;
	}

	/**
	 * The spec of a single job, or an {@link InvalidRequestException} naming each bad
	 * field.
	 */
	JobSpec readSingle(JsonNode body) {
		List<FieldProblem> errors = new ArrayList<>();
		requireObject(body);
		String url = readUrl(body.get("start_url"), "start_url", errors);
		Options options = readOptions(body, errors);
		throwIfAny(errors);
		return options.toSpec(url);
	}

	/** The specs of a batch, in the order of its URLs (maybe none). */
	List<JobSpec> readBatch(JsonNode body) {
		List<FieldProblem> errors = new ArrayList<>();
		requireObject(body);
		List<String> urls = readUrls(body.get("urls"), errors);
		Options options = readOptions(body, errors);
		throwIfAny(errors);
		return urls.stream().map(options::toSpec).toList();
	}

	private Options readOptions(JsonNode body, List<FieldProblem> errors) {
		int maxPages = readInt(body, "max_pages", 1, 1000, 10, errors);
		boolean sameOrigin = readBoolean(body, "same_origin_only", true, errors);
		int timeout = readInt(body, "timeout_s", 1, 300, 30, errors);
		int priority = readInt(body, "priority", 1, 10, 1, errors);
		int maxDuration = readInt(body, "max_duration_s", 1, this.properties.maxDurationCapS(),
				this.properties.defaultMaxDurationS(), errors);
		CrawlOptions crawl = CrawlOptionsReader.read(body, errors);
		Map<String, String> nodeLabels = NodeLabelsReader.read(body.get("node_labels"), errors);
		return new Options(maxPages, sameOrigin, timeout, priority, maxDuration, crawl, nodeLabels);
	}

	private List<String> readUrls(@Nullable JsonNode node, List<FieldProblem> errors) {
		if (node == null || node.isNull()) {
			errors.add(new FieldProblem("urls", "is required"));
			return List.of();
		}
		if (!node.isArray()) {
			errors.add(new FieldProblem("urls", "must be an array of URLs"));
			return List.of();
		}
		int max = this.properties.maxUrlsPerBatch();
		if (node.size() > max) {
			errors.add(new FieldProblem("urls", "must hold at most " + max + " URLs, not " + node.size()));
			return List.of();
		}
		List<String> urls = new ArrayList<>();
		for (int i = 0; i < node.size(); i++) {
			urls.add(readUrl(node.get(i), "urls[" + i + "]", errors));
		}
		return urls;
	}

	private static String readUrl(@Nullable JsonNode node, String field, List<FieldProblem> errors) {
		if (node == null || node.isNull()) {
			errors.add(new FieldProblem(field, "is required"));
			return "";
		}
		if (!node.isString()) {
			errors.add(new FieldProblem(field, "must be a string holding an http or https URL"));
			return "";
		}
		String url = StartUrls.normalise(node.stringValue());
		if (url == null) {
			errors.add(new FieldProblem(field, "must be a valid http or https URL"));
			return "";
		}
		return url;
	}

	private static int readInt(JsonNode body, String field, int min, int max, int fallback, List<FieldProblem> errors) {
		Integer value = JsonValues.integerBetween(body, field, min, max, errors);
		return (value != null) ? value : fallback;
	}

	private static boolean readBoolean(JsonNode body, String field, boolean fallback, List<FieldProblem> errors) {
		Boolean value = JsonValues.booleanOf(body.get(field), field, errors);
		return (value != null) ? value : fallback;
	}

	private static void requireObject(JsonNode body) {
		if (!body.isObject()) {
			throw new InvalidRequestException("body", "must be a JSON object");
		}
	}

	private static void throwIfAny(List<FieldProblem> errors) {
		if (!errors.isEmpty()) {
			throw new InvalidRequestException(errors);
		}
	}

	private record Options(int maxPages, boolean sameOriginOnly, int timeoutS, int priority, int maxDurationS,
			CrawlOptions crawl, Map<String, String> nodeLabels) {

		JobSpec toSpec(String url) {
			return new JobSpec(url, this.maxPages, this.sameOriginOnly, this.timeoutS, this.priority, this.maxDurationS,
					this.crawl, this.nodeLabels);
		}

	}

}

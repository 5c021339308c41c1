package io.dispycluster.scheduler.scrape;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.dispycluster.model.job.BatchScrapeRequest;
import io.dispycluster.model.job.CrawlOptions;
import io.dispycluster.support.problem.FieldProblem;
import io.dispycluster.support.submission.CrawlOptionsReader;
import io.dispycluster.support.submission.NodeLabelsReader;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import io.dispycluster.scheduler.system.OrderedMaps;

/**
 * The optional fields of a scrape beyond the contract's, as a task or a workflow's scrape
 * step takes them: the crawl options of {@code POST /scrape} ({@code max_depth},
 * {@code include_patterns}, {@code exclude_patterns}, {@code delay_ms},
 * {@code user_agent}, {@code extract}) and {@code node_labels}. They are checked with the
 * controller's own rules when the task or workflow is saved, so that a bad selector is a
 * 422 then rather than a failed run every morning, and passed on in every batch.
 *
 * @param options the crawl options (none: the workers' defaults)
 * @param nodeLabels the labels a worker must have (empty: any worker)
 */
public record CrawlFields(CrawlOptions options, Map<String, String> nodeLabels) {

	/** The names of the fields, as they appear in a request. */
	public static final List<String> NAMES = List.of("max_depth", "include_patterns", "exclude_patterns", "delay_ms",
			"user_agent", "extract", "node_labels");

	// only to turn already-parsed values into the JSON tree the controller's readers take
	private static final JsonMapper TREES = JsonMapper.builder().build();

	public CrawlFields {
		nodeLabels = OrderedMaps.copyOf(nodeLabels);
	}

	/** No crawl option, any worker. */
	public static CrawlFields none() {
		return new CrawlFields(CrawlOptions.none(), Map.of());
	}

	/**
	 * Reads and checks the fields among {@code values} (others are ignored).
	 * @param values field values by their request name, as a JSON reader gives them
	 * @param problems where each problem is added, named by its field (e.g.
	 * {@code extract.price.selector})
	 * @return the fields (those with problems left out)
	 */
	public static CrawlFields read(Map<String, ? extends @Nullable Object> values, List<FieldProblem> problems) {
		Map<String, @Nullable Object> fields = new LinkedHashMap<>();
		NAMES.forEach((name) -> fields.put(name, values.get(name)));
		return read(TREES.<JsonNode>valueToTree(fields), problems);
	}

	/**
	 * Reads and checks the fields of a JSON object (others are ignored).
	 * @param body the object holding the fields by their request name
	 * @param problems where each problem is added, named by its field
	 * @return the fields (those with problems left out)
	 */
	public static CrawlFields read(JsonNode body, List<FieldProblem> problems) {
		return new CrawlFields(CrawlOptionsReader.read(body, problems),
				NodeLabelsReader.read(body.get("node_labels"), problems));
	}

	/** The fields that are set, by request name, as stored and shown. */
	public Map<String, Object> asMap() {
		Map<String, Object> map = new LinkedHashMap<>();
		putIfSet(map, "max_depth", this.options.maxDepth());
		putIfSet(map, "include_patterns", this.options.includePatterns());
		putIfSet(map, "exclude_patterns", this.options.excludePatterns());
		putIfSet(map, "delay_ms", this.options.delayMs());
		putIfSet(map, "user_agent", this.options.userAgent());
		if (this.options.extract() != null) {
			Map<String, Object> rules = new LinkedHashMap<>();
			this.options.extract().forEach((name, rule) -> {
				Map<String, Object> fields = new LinkedHashMap<>();
				putIfSet(fields, "selector", rule.selector());
				putIfSet(fields, "attribute", rule.attribute());
				putIfSet(fields, "all", rule.all());
				rules.put(name, fields);
			});
			map.put("extract", rules);
		}
		if (!this.nodeLabels.isEmpty()) {
			map.put("node_labels", this.nodeLabels);
		}
		return map;
	}

	/** The batch of one run: one job per URL, with these fields. */
	public BatchScrapeRequest batch(List<String> urls, int maxPages, boolean sameOriginOnly, int timeoutS,
			int priority) {
		return BatchScrapeRequest.of(urls, maxPages, sameOriginOnly, timeoutS, priority, this.options, this.nodeLabels);
	}

	private static void putIfSet(Map<String, Object> map, String name, @Nullable Object value) {
		if (value != null) {
			map.put(name, value);
		}
	}

}
